/**
 * The texts every poster carries besides the slogan, built from the content so
 * that nothing is written twice: the campaign heading and the help-line footer.
 *
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE (the build's generator and
 * the customiser page): no `node:*`, no DOM.
 */
import { t } from '../i18n/index.ts';
import type { QrLink } from './print/qr.ts';
import { qrLink } from './print/qr-encode.ts';
import { toUpperVietnamese } from './print/text.ts';

/** The fields of a help line (content/help-lines.yaml) the footer uses. */
export interface FooterHelpLine {
  readonly name: string;
  readonly number: string;
  readonly free: true | 'unknown';
  readonly hours?: string | undefined;
}

/** The number printed in the footer: the national child protection line. */
export const POSTER_HELP_LINE_NUMBER = '111';

/** The campaign heading above the slogan, in capitals. */
export function posterHeading(campaign: { readonly actionMonth: string }): string {
  return toUpperVietnamese(campaign.actionMonth);
}

/**
 * "Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (miễn phí, 24/7)": name and
 * number, then "miễn phí" only where the content says the line is free, and the
 * hours ("24/7" for a line open 24 hours every day).
 */
export function posterFooter(line: FooterHelpLine): string {
  const notes: string[] = [];
  if (line.free === true) notes.push(t('poster.footerFree'));
  if (line.hours) notes.push(/^24(\/24)? giờ/.test(line.hours) ? t('poster.footerAllDay') : line.hours);
  const base = t('poster.footer', { name: line.name, number: line.number });
  return notes.length ? `${base} (${notes.join(', ')})` : base;
}

/** The footer for the help line the posters carry (111), from the help lines in the content. */
export function posterFooterFrom(lines: readonly (FooterHelpLine & { readonly number: string })[]): string {
  const line = lines.find((entry) => entry.number === POSTER_HELP_LINE_NUMBER);
  if (!line)
    throw new Error(`content/help-lines.yaml: no help line ${POSTER_HELP_LINE_NUMBER} for the posters' footer`);
  return posterFooter(line);
}

/**
 * The page the QR code on every poster and banner opens: the help page. Not the
 * slogan's own page: whoever scans a poster on a wall most needs the help lines,
 * safety advice and the quick exit, and one short address gives a small code
 * (version 3 rather than 5–6 for the longest slogan addresses, so larger modules
 * at the same size, read from farther) and a label short enough to read and type.
 */
export const POSTER_LINK_PAGE = 'tro-giup/';

/**
 * The QR code's address and its printed form, from the site's settings
 * (`SITE_URL`, `BASE_PATH`): `http://127.0.0.1:4321` and `/` give
 * `{ url: 'http://127.0.0.1:4321/tro-giup/', label: '127.0.0.1:4321/tro-giup/' }`.
 */
export function posterLink(origin: string, basePath: string, page: string = POSTER_LINK_PAGE): QrLink {
  const path = `/${basePath}/${page}`.replace(/\/{2,}/g, '/');
  const url = `${origin.replace(/\/+$/, '')}${path}`;
  return qrLink(url, url.replace(/^[a-z]+:\/\//i, ''));
}

/** The unit's phone line as printed under the QR code: "Điện thoại: 0213 …" (the number already checked). */
export function posterPhoneLine(phone: string): string {
  return t('poster.unitPhone', { phone });
}

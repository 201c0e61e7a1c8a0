/**
 * Presentation rules: how the content's texts are shown on the artwork (posters,
 * banners, images) and in page titles, where that differs from the plan's wording.
 * The content keeps the plan's text verbatim; these rules, recorded here and in
 * content/README.md, are applied when it is shown.
 *
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */
import { toUpperVietnamese } from './print/text.ts';

export const PRESENTATION_RULES = {
  /**
   * The plan ends every slogan of its list with a full stop; Vietnamese banners and
   * posters, and titles, do not. Dropped at the end of the text, on artwork and in page titles.
   */
  dropClosing: ['.'],
  /** Closing marks that carry meaning and stay ("Mọi người sẽ giúp bạn!"). */
  keepClosing: ['!', '?', '…'],
  /**
   * An artwork whose slogan repeats its header word for word (the plan's first slogan
   * names the campaign) takes the campaign's theme as its header instead.
   */
  repeatedHeader: 'theme',
} as const;

/** The text as artwork and page titles show it: a closing full stop dropped ("…" kept). */
export function presentedText(text: string): string {
  const trimmed = text.trim();
  const last = trimmed.slice(-1);
  const dropped = PRESENTATION_RULES.dropClosing.some((mark) => mark === last) && !trimmed.endsWith('..');
  return dropped ? trimmed.slice(0, -1).trimEnd() : trimmed;
}

/** Words only, lower case: for comparing a slogan with a header. */
const words = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();

/** Whether `slogan` repeats `header` word for word (equal, or holding all of it). */
export function repeatsHeader(slogan: string, header: string): boolean {
  const h = words(header);
  return h.length > 0 && ` ${words(slogan)} `.includes(` ${h} `);
}

/** The header of an artwork: the campaign heading, or the theme (in capitals) when the slogan repeats the heading. */
export function artworkHeading(slogan: string, heading: string, theme: string): string {
  return theme && repeatsHeader(slogan, heading) ? toUpperVietnamese(theme) : heading;
}

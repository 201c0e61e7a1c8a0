/**
 * The banner's page: no frame, the hem zone as the margin, and three rows across the
 * live area: the heading, the slogan, and the footer with the QR code in its right-hand
 * corner. The heading's and the footer's rows (the code with them) shrink, down to
 * `PROPORTIONS.banner.minRowScale`, only as far as the slogan needs to reach its least
 * cap height (`PROPORTIONS.page.sloganMinCap`: a banner is read from afar).
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import { chooseFit, type FitOptions, type FittedBlock, type ShapedCandidate } from './fit.ts';
import type { LayoutFont } from './font.ts';
import type { PrintFormat } from './formats.ts';
import { PROPORTIONS } from './proportions.ts';
import { qrColumnAt, qrColumnSizes, type QrLink, type QrPlacement } from './qr.ts';
import type { Box } from './scene.ts';

/** Where a banner's texts and code go, at the scale its rows were given. */
export interface BannerGeometry {
  /** Scale of the heading's and footer's rows, `minRowScale` to 1, and of the QR code's column (as large or larger). */
  readonly scale: number;
  readonly qrScale: number;
  readonly live: Box;
  readonly regions: {
    readonly heading: Box | undefined;
    readonly slogan: Box;
    readonly unit: Box | undefined;
    readonly footer: Box | undefined;
  };
  /** The code's column and its texts, when there is a code. */
  readonly qr: Omit<QrPlacement, 'slogan' | 'unit'> | undefined;
  /** Largest sizes of the heading and the unit line at this scale. */
  readonly headingMaxSize: number;
  readonly unitSize: number;
  /** The slogan, fitted in its region. */
  readonly slogan: FittedBlock | undefined;
}

export interface BannerTexts {
  readonly heading: boolean;
  readonly footer: boolean;
  readonly unitLine: boolean;
  readonly phone: boolean;
}

/** Rows of a banner at `scale`: the boxes only, and the box the slogan keeps clear of. */
function rowsAt(
  format: PrintFormat,
  live: Box,
  texts: BannerTexts,
  link: QrLink | undefined,
  scale: number,
  qrScale: number,
): Omit<BannerGeometry, 'slogan'> & { readonly avoid: Box | undefined } {
  const H = format.height;
  const short = Math.min(format.width, format.height);
  const b = PROPORTIONS.banner;
  const gap = b.rowGap * H * scale;
  const hasFooterRow = texts.footer || texts.unitLine;
  const unitSize = PROPORTIONS.page.unitSize.landscape * short * scale;
  const unitHeight = texts.unitLine ? PROPORTIONS.text.unitRegionHeight * unitSize : 0;
  const footerRow = (texts.footer ? b.footerRow * H * scale : 0) + unitHeight;
  const headingRow = texts.heading ? b.headingRow * H * scale : 0;
  const bottom = live.y + live.height;

  const heading: Box | undefined = texts.heading
    ? { x: live.x, y: live.y, width: live.width, height: headingRow }
    : undefined;
  const sloganTop = live.y + (heading ? headingRow + gap : 0);
  const sloganBottom = bottom - (hasFooterRow ? footerRow + gap : 0);
  const slogan: Box = { x: live.x, y: sloganTop, width: live.width, height: Math.max(0, sloganBottom - sloganTop) };

  // The code in the bottom-right corner, as tall as it needs (the slogan keeps clear of it);
  // the footer's texts centred below the slogan, clear of the code on both sides.
  const sizes = link && qrColumnSizes(short, 'landscape', link, { phone: texts.phone });
  const placed = sizes && qrColumnAt(sizes, 'landscape', qrScale, live.x + live.width, bottom, live.width / 3);
  const avoid: Box | undefined = placed && {
    x: placed.column.x - gap,
    y: placed.column.y - gap,
    width: placed.column.width + gap,
    height: placed.column.height + gap,
  };
  // The footer's texts keep clear of the code at the scale of their row.
  const side = placed ? placed.column.width * (scale / qrScale) + gap : 0;
  const area: Box = { x: live.x + side, y: bottom - footerRow, width: live.width - 2 * side, height: footerRow };
  const unit: Box | undefined = texts.unitLine ? { ...area, height: unitHeight } : undefined;
  const footer: Box | undefined = texts.footer
    ? { ...area, y: area.y + unitHeight, height: area.height - unitHeight }
    : undefined;

  let qr: BannerGeometry['qr'];
  if (placed) {
    const { column: _column, ...rest } = placed;
    qr = rest;
  }
  return {
    scale,
    qrScale,
    live,
    regions: { heading, slogan, unit, footer },
    qr,
    avoid,
    headingMaxSize: PROPORTIONS.page.headingSize.landscape * short * scale,
    unitSize,
  };
}

/**
 * The banner's rows and its slogan: at full scale if the slogan reaches `minSloganSize`
 * there, else at the largest scale at which it does, else at the least scale (the slogan
 * then as large as it can be). `candidates` are the slogan's ways of setting
 * (`shapeCandidates`), tried at every scale without shaping again.
 */
export function bannerGeometry(
  format: PrintFormat,
  live: Box,
  texts: BannerTexts,
  link: QrLink | undefined,
  candidates: readonly ShapedCandidate[],
  font: LayoutFont,
  options: Omit<FitOptions, 'region'>,
): BannerGeometry {
  const minSize = options.minSize ?? 0;
  const qrLeast = PROPORTIONS.banner.minQrScale;
  const at = (scale: number, qrScale = Math.max(scale, qrLeast)): BannerGeometry => {
    const { avoid, ...rows } = rowsAt(format, live, texts, link, scale, qrScale);
    return { ...rows, slogan: chooseFit(candidates, font, { ...options, region: rows.regions.slogan, avoid }) };
  };
  const reaches = (g: BannerGeometry): boolean => (g.slogan?.size ?? Infinity) >= minSize * (1 - 1e-9);
  /** The largest value in [low, high] for which `ok` holds, `ok(low)` given: bisection to 0.1 %. */
  const largest = (
    low: number,
    high: number,
    ok: (value: number) => BannerGeometry | undefined,
    atLow: BannerGeometry,
  ) => {
    let found = atLow;
    while (high - low > 1e-3) {
      const mid = (low + high) / 2;
      const g = ok(mid);
      if (g) {
        low = mid;
        found = g;
      } else {
        high = mid;
      }
    }
    return found;
  };
  const full = at(1);
  if (reaches(full)) return full;
  const least = PROPORTIONS.banner.minRowScale;
  const smallest = at(least);
  if (!reaches(smallest)) return smallest;
  // The rows as large as the slogan allows, then the code as large as it allows.
  const rows = largest(least, 1, (scale) => ifReaches(at(scale)), smallest);
  return largest(rows.qrScale, 1, (qrScale) => ifReaches(at(rows.scale, qrScale)), rows);

  function ifReaches(g: BannerGeometry): BannerGeometry | undefined {
    return reaches(g) ? g : undefined;
  }
}

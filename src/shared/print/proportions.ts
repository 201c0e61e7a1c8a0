/**
 * Every proportion of the design, in one table: the layout derives all its sizes
 * from the trim size through these ratios, so every format gets the same design
 * and a new format needs no code.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * What a ratio multiplies is said in its line:
 * - short side: the shorter side of the trim (width or height);
 * - content height: the height of the area inside the frame and its padding;
 * - band height: the height of the footer band;
 * - em: the type size of the text concerned.
 *
 * Entries with a `portrait` and a `landscape` value differ between posters and
 * square images on one side and banners and link images on the other.
 */

/** Which column of the table a format reads. */
export type Orientation = 'portrait' | 'landscape';

export const PROPORTIONS = {
  /** Width ÷ height from which a format reads the landscape values. */
  landscapeFrom: 1.4,

  page: {
    /** Gap between the trim edge and the outside of the frame, × short side. */
    frameInset: { portrait: 0.035, landscape: 0.035 },
    /** Thickness of the frame, × short side. */
    frameWidth: { portrait: 0.006, landscape: 0.008 },
    /** Space between the inside of the frame and the text, × short side. */
    padding: { portrait: 0.035, landscape: 0.012 },
    /** Height of the footer band at the bottom of the live area, × trim height. */
    footerBand: { portrait: 0.075, landscape: 0.085 },
    /** Gap between the frame and the footer band below it, × short side. */
    footerGap: { portrait: 0.035, landscape: 0.02 },
    /** Gap between the bands inside the frame (heading, rule, slogan, unit line), × content height. */
    bandGap: { portrait: 0.03, landscape: 0.015 },
    /** Height of the heading's region, × content height. */
    headingHeight: { portrait: 0.15, landscape: 0.1 },
    /** Largest type size of the heading, × short side. */
    headingSize: { portrait: 0.05, landscape: 0.1 },
    /** Thickness of the rule under the heading, × short side. */
    ruleHeight: { portrait: 0.004, landscape: 0.004 },
    /** Length of the rule under the heading, × trim width. */
    ruleWidth: { portrait: 0.2, landscape: 0.1 },
    /** Type size of the unit line when it fits, × short side. */
    unitSize: { portrait: 0.03, landscape: 0.05 },
    /**
     * Least cap height of the slogan the breaking aims for, × trim height: a banner is read
     * from afar, so its slogan takes the breaks that reach 12 % before the best-looking ones.
     */
    sloganMinCap: { portrait: 0, landscape: 0.12 },
  },

  text: {
    /** Top of the footer text's region below the top of the band, × band height. */
    footerTextTop: 0.22,
    /** Height of the footer text's region, × band height. */
    footerTextHeight: 0.56,
    /** Height of the unit line's region, × the unit line's type size. */
    unitRegionHeight: 1.5,
    /** Least type size of the unit line (it is shortened below it), × its type size when it fits. */
    unitMinSize: 0.6,
    /** Largest type size of the heading, × the slogan's type size: it stays clearly smaller. */
    headingToSlogan: 0.42,
    /** Largest type size of the footer, × the heading's type size: the heading is never the smallest text. */
    footerToHeading: 0.85,
    /** Baseline-to-baseline distance before any widening, em. */
    leading: { heading: 1.22, slogan: 1.1, unit: 1.2, footer: 1.2, link: 1.2, phone: 1.2 },
    /** Least clearance between the ink of adjacent lines (the line distance widens for it), em. */
    minInkGap: 0.09,
  },

  /**
   * Banners (`banner.ts`): no frame, the hem zone is the margin, and three rows (heading,
   * slogan, footer), the QR code's column in the bottom-right corner (the slogan's lines
   * keep clear of it). The heading's and the footer's rows, and the code,
   * shrink, down to `minRowScale` of their size, only as far as the slogan needs to reach
   * `page.sloganMinCap`.
   */
  banner: {
    /** Height of the heading's row, × trim height. */
    headingRow: 0.1,
    /** Height of the footer's part of the footer row, × trim height (a unit line adds its own above it). */
    footerRow: 0.07,
    /** Gap between two rows, and around the QR code's column, × trim height. */
    rowGap: 0.015,
    /** Least scale of the heading's and the footer's rows (and of everything in them). */
    minRowScale: 0.3,
    /** Least scale of the QR code's column: it stays large enough to scan from a few metres. */
    minQrScale: 0.6,
  },

  /** The QR code (`qr.ts`): a column at the bottom right of the content, the code over its short URL. */
  qr: {
    /**
     * Side of the code's modules (quiet zone excluded), × short side: 25 mm on A4, 101 mm on
     * A0, 112–210 mm on banners (a code is read from about ten times its side).
     */
    size: { portrait: 0.12, landscape: 0.14 },
    /** Light margin around the modules, in modules: ISO/IEC 18004 asks for 4. */
    quietZone: 4,
    /** Width of the column (the label may be wider than the code), × the tile's side. */
    columnWidth: { portrait: 1.5, landscape: 1.15 },
    /** Largest type size of the short URL under the code, × short side. */
    labelSize: { portrait: 0.016, landscape: 0.03 },
    /** Largest type size of the unit's phone line under the URL, × short side. */
    phoneSize: { portrait: 0.02, landscape: 0.035 },
    /** Height of the label's and the phone line's regions, × their type size. */
    textRegionHeight: 1.4,
    /** Space between the tile and the label, × the label's type size. */
    textGap: 0.3,
    /** Tallest the column may be on a portrait page (the slogan keeps the rest), × content height. */
    maxBandHeight: 0.22,
  },
} as const;

/** The orientation a trim size reads its proportions for. */
export function orientationOf(width: number, height: number): Orientation {
  return width / height >= PROPORTIONS.landscapeFrom ? 'landscape' : 'portrait';
}

/**
 * Finishing: the hem zone of every print format and the eyelet marks of the banners.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * The values are data of the campaign (`publishing.finishing` in `content/campaign.yaml`,
 * typed by `printFinishingSchema` in `src/shared/schemas/campaign.ts`); `DEFAULT_FINISHING`
 * is what a campaign gets when it says nothing, and what the engine uses when a caller
 * passes none.
 *
 * - **Hem zone**: a band along every edge of the trim where a banner is folded and welded
 *   (the hem) and punched (eyelets), or where a poster's cut may drift. Only the background
 *   prints there: the layout keeps the frame, the footer band, every text (and the QR code)
 *   inside the live area, the trim less the hem on every side.
 * - **Eyelet marks**: the one exception. A banner's eyelet variant carries small marks in
 *   the hem zone where the shop punches the eyelets (khoen, ô-dê): at the four corners and
 *   spaced evenly along every edge, no further apart than `spacing`. They are finishing
 *   marks, not design: the eyelets cover them.
 */

import type { FormatKind, PrintFormat } from './formats.ts';
import { roundCoordinate } from './path.ts';
import type { Box, PathCommand, Scene, SceneItem } from './scene.ts';

export interface EyeletMarks {
  /** Largest distance between two eyelets' centres along an edge, mm. */
  readonly spacing: number;
  /** Distance from the trim edge to an eyelet's centre, mm (inside the hem zone). */
  readonly inset: number;
  /** Outer diameter of a mark, mm. */
  readonly diameter: number;
}

export interface PrintFinishing {
  /** Hem zone by kind of format, mm on every edge of the trim. Screen images have none. */
  readonly hem: { readonly poster: number; readonly banner: number };
  /** A format's own hem zone (by format id), mm; overrides `hem`. */
  readonly formatHem: Readonly<Record<string, number>>;
  /** Eyelet marks of the banners' eyelet variant. */
  readonly eyelets: EyeletMarks;
}

/**
 * The defaults. 40 mm on a banner: the usual hem and eyelet zone is 20–40 mm (issue 9's
 * prepress check), so a fold of any usual width stays clear of the design. 10 mm on a
 * poster: a safe margin against 1–2 mm of cutting drift. Eyelets every 50 cm at most and
 * at the corners: an editorial default (commonly seen on hiflex banners; no standard
 * publishes a spacing), 20 mm from the edge, in the middle of a 40 mm hem.
 */
export const DEFAULT_FINISHING: PrintFinishing = Object.freeze({
  hem: Object.freeze({ poster: 10, banner: 40 }),
  formatHem: Object.freeze({}),
  eyelets: Object.freeze({ spacing: 500, inset: 20, diameter: 10 }),
});

/** The kinds of format that get an eyelet variant. */
export const EYELET_KINDS: readonly FormatKind[] = ['banner'];

/** The hem zone of a format, in its unit (0 for screen images). */
export function hemOf(format: PrintFormat, finishing: PrintFinishing = DEFAULT_FINISHING): number {
  if (format.unit !== 'mm') return 0;
  const own = finishing.formatHem[format.id];
  if (own !== undefined) return own;
  return format.kind === 'banner' ? finishing.hem.banner : format.kind === 'poster' ? finishing.hem.poster : 0;
}

/** Whether a format gets an eyelet variant. */
export function hasEyelets(format: Pick<PrintFormat, 'kind'>): boolean {
  return EYELET_KINDS.includes(format.kind);
}

/** Evenly spaced positions from 0 to `length`, both ends included, no further apart than `spacing`. */
const along = (length: number, spacing: number): number[] => {
  const steps = Math.max(1, Math.ceil(length / spacing - 1e-9));
  return Array.from({ length: steps + 1 }, (_, i) => (length * i) / steps);
};

/**
 * The centres of a format's eyelets, in scene units (origin at the bleed's corner): the
 * four corners at `inset` from both edges, then evenly along every edge.
 */
export function eyeletCentres(
  format: PrintFormat,
  finishing: PrintFinishing = DEFAULT_FINISHING,
): { x: number; y: number }[] {
  const { spacing, inset } = finishing.eyelets;
  const b = format.bleed;
  const x0 = b + inset;
  const y0 = b + inset;
  const xs = along(format.width - 2 * inset, spacing).map((x) => x0 + x);
  const ys = along(format.height - 2 * inset, spacing).map((y) => y0 + y);
  const right = xs[xs.length - 1] ?? x0;
  const bottom = ys[ys.length - 1] ?? y0;
  return [
    ...xs.map((x) => ({ x, y: y0 })),
    ...xs.map((x) => ({ x, y: bottom })),
    ...ys.slice(1, -1).map((y) => ({ x: x0, y })),
    ...ys.slice(1, -1).map((y) => ({ x: right, y })),
  ];
}

/** A circle as four cubic arcs, clockwise (`true`) or counter-clockwise on screen. */
function circle(cx: number, cy: number, r: number, clockwise: boolean): PathCommand[] {
  const k = 0.5522847498 * r;
  const p = (x: number, y: number) => ({ x: roundCoordinate(x), y: roundCoordinate(y) });
  const s = clockwise ? 1 : -1;
  const start = p(cx + r, cy);
  const quarter = (i: number): PathCommand => {
    // Quarter i goes from angle i·90° to (i+1)·90°, y down, in the direction s.
    const a0 = (s * i * Math.PI) / 2;
    const a1 = (s * (i + 1) * Math.PI) / 2;
    const [c0, s0, c1, s1] = [Math.cos(a0), Math.sin(a0), Math.cos(a1), Math.sin(a1)];
    const c1p = p(cx + r * c0 - s * k * s0, cy + r * s0 + s * k * c0);
    const c2p = p(cx + r * c1 + s * k * s1, cy + r * s1 - s * k * c1);
    const end = p(cx + r * c1, cy + r * s1);
    return { op: 'C', x1: c1p.x, y1: c1p.y, x2: c2p.x, y2: c2p.y, x: end.x, y: end.y };
  };
  return [{ op: 'M', ...start }, quarter(0), quarter(1), quarter(2), quarter(3), { op: 'Z' }];
}

/** A rectangle as a closed path, clockwise on screen. */
const rectPath = (box: Box): PathCommand[] => {
  const [x0, y0, x1, y1] = [box.x, box.y, box.x + box.width, box.y + box.height].map(roundCoordinate) as [
    number,
    number,
    number,
    number,
  ];
  return [
    { op: 'M', x: x0, y: y0 },
    { op: 'L', x: x1, y: y0 },
    { op: 'L', x: x1, y: y1 },
    { op: 'L', x: x0, y: y1 },
    { op: 'Z' },
  ];
};

/**
 * One eyelet mark: a ring of `diameter` with a cross through its centre, filled with the
 * non-zero rule (the ring's inner circle runs the other way).
 */
export function eyeletMarkPath(cx: number, cy: number, diameter: number): PathCommand[] {
  const r = diameter / 2;
  const stroke = Math.max(0.5, diameter / 12);
  const arm = r * 0.6;
  return [
    ...circle(cx, cy, r, true),
    ...circle(cx, cy, r - stroke, false),
    ...rectPath({ x: cx - arm, y: cy - stroke / 2, width: 2 * arm, height: stroke }),
    ...rectPath({ x: cx - stroke / 2, y: cy - arm, width: stroke, height: arm - stroke / 2 }),
    ...rectPath({ x: cx - stroke / 2, y: cy + stroke / 2, width: stroke, height: arm - stroke / 2 }),
  ];
}

/**
 * The scene with eyelet marks drawn over it (role `eyelet`, in the text colour): the
 * eyelet variant of a banner. The scene's layout is untouched, so both variants set the
 * same lines. A format without eyelets gets the scene back as it is.
 */
export function withEyelets(scene: Scene, format: PrintFormat, finishing: PrintFinishing = DEFAULT_FINISHING): Scene {
  if (!hasEyelets(format)) return scene;
  // The text colour: the poster frame's, or a banner's slogan's (banners have no frame).
  const fill = scene.items.find((item) => item.role === 'frame' || item.role === 'slogan')?.fill;
  if (!fill) return scene;
  const marks: SceneItem[] = eyeletCentres(format, finishing).map(({ x, y }) => ({
    type: 'path',
    role: 'eyelet',
    path: eyeletMarkPath(x, y, finishing.eyelets.diameter),
    fill,
  }));
  return { ...scene, items: [...scene.items, ...marks] };
}

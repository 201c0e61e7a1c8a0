/**
 * What the build generates for print, as data: which files each format gets,
 * where they go in the site, and the shape of `tai-lieu/manifest.json`.
 *
 * No `node:*` here: pages read these types and helpers while rendering, and the
 * generator (`generate.ts`, Node-only) follows the same plan.
 */

import { memoByObject } from '../memo.ts';
import { hasEyelets, type PrintFinishing } from '../print/finishing.ts';
import { isPrintFormat, printFileName, type FormatKind, type PrintFormat } from '../print/formats.ts';

/** Site folder (relative to the base path) that holds the print files. */
export const FILES_DIR = 'tai-lieu/tep/';
/** Site folder of the small previews shown on the pages (WebP, and AVIF at `avifWidths()`). */
export const PREVIEWS_DIR = 'tai-lieu/xem-truoc/';
/** Site folder of the ZIP bundles. */
export const BUNDLES_DIR = 'tai-lieu/goi/';
/** Where the manifest is published. */
export const MANIFEST_PATH = 'tai-lieu/manifest.json';
/**
 * The SHA-256 of every published print file, bundle, preview and the manifest, beside
 * the manifest, paths relative to its folder: `cd tai-lieu && sha256sum -c SHA256SUMS`.
 */
export const SUMS_PATH = 'tai-lieu/SHA256SUMS';

/**
 * The fonts the customiser fetches from the site, as models the build makes of them
 * (src/shared/print/font-model.ts; the fonts come from @expo-google-fonts/be-vietnam-pro),
 * and their licence beside them.
 */
export const PRINT_FONTS = {
  /** Slogans: Be Vietnam Pro ExtraBold. */
  display: 'fonts/in-an/BeVietnamPro_800ExtraBold.json',
  /** Heading, unit line, footer: Be Vietnam Pro Bold. */
  text: 'fonts/in-an/BeVietnamPro_700Bold.json',
  /** SIL Open Font License 1.1, as the font package ships it. */
  licence: 'fonts/in-an/OFL.txt',
} as const;

/** Formats that also get a PNG for office printers (150 dpi, trim size, no bleed). */
export const OFFICE_PNG_FORMATS: readonly string[] = ['a4', 'a3'];
/** Resolution of those PNGs. */
export const OFFICE_PNG_DPI = 150;
/** Longest side of a preview, in pixels (shown at half that size, sharp on 2× screens). */
export const PREVIEW_MAX_SIDE = 320;
/**
 * The widths of a preview's AVIF files, `width` being its WebP's: half of it (a poster shown at
 * half its pixels, 113 px wide, on a 1× screen), 160 (the slogan page's posters on a phone, a
 * banner at half its pixels) and all of it (2× screens), each once. The pages offer them before
 * the WebP (`<picture>` with `srcset`): a browser takes the narrowest sharp at the size shown.
 * A poster shown 113 px wide costs a fifth of its WebP.
 */
export function avifWidths(width: number): number[] {
  return [...new Set([Math.round(width / 2), Math.min(160, width), width])].sort((a, b) => a - b);
}

export type OutputType = 'pdf' | 'svg' | 'png' | 'webp' | 'avif';

/** One file to make for a slogan in a format and colour scheme. */
export interface OutputSpec {
  readonly type: OutputType;
  /** `print`: listed for download and bundled; `preview`: an image for the site's pages. */
  readonly purpose: 'print' | 'preview';
  /** `bleed`: the whole drawing with 3 mm bleed (PDF page, SVG); `trim`: the finished size. */
  readonly area: 'trim' | 'bleed';
  /** Raster resolution for print formats (PNG for office printers). */
  readonly dpi?: number;
  /** Raster width in pixels (screen images at their own size, previews; an AVIF preview's name ends with it). */
  readonly width?: number;
  /** A PDF with crop marks outside the bleed (`CROP_MARK_MARGIN_MM` more on every side). */
  readonly cropMarks?: boolean;
  /** A banner's PDF with eyelet marks in the hem zone (`finishing.ts`). */
  readonly eyelets?: boolean;
}

/** What a crop-mark variant adds to its file name: `<slug>_<format>_<scheme>_dau-cat.pdf` ("crop marks"). */
export const CROP_MARKS_SUFFIX = '_dau-cat';

/** What an eyelet variant adds to its file name: `<slug>_<format>_<scheme>_khoen.pdf` ("eyelets"). */
export const EYELETS_SUFFIX = '_khoen';

/** Width of a format's WebP preview, in pixels: its longest side is `PREVIEW_MAX_SIDE`. */
export function previewWidth(format: Pick<PrintFormat, 'width' | 'height'>): number {
  const landscape = format.width >= format.height;
  return landscape ? PREVIEW_MAX_SIDE : Math.round((PREVIEW_MAX_SIDE * format.width) / format.height);
}

/**
 * The files a format gets. PDF and SVG (outlined text, 3 mm bleed) for every
 * print format, and for posters a second PDF with crop marks outside the bleed; for
 * banners a second PDF with eyelet marks in the hem zone (a PDF only: the marks are for
 * the print shop, and previews and SVG would show the same artwork again); PNG only where
 * people use one (A4 and A3 at 150 dpi for office printers, the social images at their
 * pixel size); a small WebP preview for all, and AVIF previews at `avifWidths()`.
 */
export function outputsFor(format: PrintFormat): OutputSpec[] {
  const outputs: OutputSpec[] = [];
  if (isPrintFormat(format)) {
    outputs.push({ type: 'pdf', purpose: 'print', area: 'bleed' });
    if (format.kind === 'poster') outputs.push({ type: 'pdf', purpose: 'print', area: 'bleed', cropMarks: true });
    if (hasEyelets(format)) outputs.push({ type: 'pdf', purpose: 'print', area: 'bleed', eyelets: true });
    outputs.push({ type: 'svg', purpose: 'print', area: 'bleed' });
    if (OFFICE_PNG_FORMATS.includes(format.id)) {
      outputs.push({ type: 'png', purpose: 'print', area: 'trim', dpi: OFFICE_PNG_DPI });
    }
  } else {
    outputs.push({ type: 'png', purpose: 'print', area: 'trim', width: format.width });
  }
  const width = previewWidth(format);
  outputs.push({ type: 'webp', purpose: 'preview', area: 'trim', width });
  for (const avifWidth of avifWidths(width))
    outputs.push({ type: 'avif', purpose: 'preview', area: 'trim', width: avifWidth });
  return outputs;
}

/**
 * Site path (relative to the base path) of a generated file; an AVIF preview's name ends
 * with its width: `<slug>_<format>_<scheme>_160.avif`.
 */
export function outputPath(
  sloganId: string,
  formatId: string,
  schemeId: string,
  output: Pick<OutputSpec, 'type' | 'purpose' | 'cropMarks' | 'eyelets' | 'width'>,
): string {
  const dir = output.purpose === 'preview' ? PREVIEWS_DIR : FILES_DIR;
  const name = printFileName(sloganId, formatId, schemeId, output.type);
  const suffix = output.cropMarks
    ? CROP_MARKS_SUFFIX
    : output.eyelets
      ? EYELETS_SUFFIX
      : output.type === 'avif'
        ? `_${output.width}`
        : '';
  return `${dir}${suffix ? name.replace(/(\.[a-z]+)$/, `${suffix}$1`) : name}`;
}

/** Bundle of every print file of one slogan: `<slug>_tat-ca-kho.zip` ("all formats"). */
export const sloganBundleName = (sloganId: string): string => `${sloganId}_tat-ca-kho.zip`;
/** Bundle of every slogan in one format: `tat-ca-khau-hieu_<format>.zip` ("all slogans"). */
export const formatBundleName = (formatId: string): string => `tat-ca-khau-hieu_${formatId}.zip`;

/** One generated file, as listed in `manifest.json`. */
export interface ManifestFile {
  /** Site path relative to the base path, e.g. `tai-lieu/tep/<slug>_a2_cam.pdf`. */
  readonly path: string;
  /** File name: `<slug>_<format>_<scheme>.<ext>`. */
  readonly name: string;
  readonly sloganId: string;
  /** Position of the slogan in the plan, from 1. */
  readonly order: number;
  /** The slogan, as the content holds it (NFC). */
  readonly text: string;
  readonly formatId: string;
  readonly kind: FormatKind;
  /** Finished size in mm; `null` for screen images (see `pixels`). */
  readonly trimMm: { readonly width: number; readonly height: number } | null;
  /** Bleed on every side included in the file, mm (0 for PNG and screen images). */
  readonly bleedMm: number;
  /** Pixel size of raster files, `null` for PDF and SVG. */
  readonly pixels: { readonly width: number; readonly height: number } | null;
  /** Resolution of a raster made for print (PNG for office printers), else `null`. */
  readonly dpi: number | null;
  readonly scheme: string;
  readonly type: OutputType;
  readonly purpose: 'print' | 'preview';
  /** A PDF with crop marks outside the bleed: the page is larger than trim + bleed by `CROP_MARK_MARGIN_MM` a side. */
  readonly cropMarks: boolean;
  /** A banner's PDF with eyelet marks in the hem zone (the only thing printed there besides the background). */
  readonly eyelets: boolean;
  readonly bytes: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** The lines one artwork's layout set, by block (a block left out is absent): for alt text and checks. */
export interface ArtworkLines {
  readonly heading?: readonly string[];
  readonly slogan?: readonly string[];
  readonly unit?: readonly string[];
  readonly footer?: readonly string[];
  /** The short URL under the QR code. */
  readonly link?: readonly string[];
  /** The unit's phone line (customiser only). */
  readonly phone?: readonly string[];
}

/**
 * The cap height of every text block an artwork set, in the format's unit (mm or px),
 * measured on the outline of "H" in the block's font: for checks of legibility
 * (a banner's slogan at least 12 % of its height, the heading never the smallest text).
 */
export type ArtworkCapHeights = { readonly [Role in keyof ArtworkLines]?: number };

/** One artwork: a slogan in one format and colour scheme, and the lines its layout set. */
export interface ManifestArtwork {
  readonly sloganId: string;
  readonly formatId: string;
  readonly scheme: string;
  readonly lines: ArtworkLines;
  readonly capHeights: ArtworkCapHeights;
  /** Hem zone on every edge, in the format's unit: only the background prints there (and a banner's eyelet marks). */
  readonly hem: number;
}

/** One ZIP bundle. */
export interface ManifestBundle {
  readonly path: string;
  readonly name: string;
  readonly type: 'zip';
  /** `slogan`: every print file of one slogan; `format`: every slogan in one format. */
  readonly scope: 'slogan' | 'format';
  readonly sloganId: string | null;
  readonly formatId: string | null;
  /** Names of the files inside, in archive order. */
  readonly files: readonly string[];
  readonly bytes: number;
  readonly sha256: string;
}

export interface PrintManifest {
  readonly version: 1;
  /** Short hash of the generator's inputs that are not per file: engine sources, library versions, fonts. */
  readonly generator: string;
  /** Texts set on every file besides the slogan. */
  readonly heading: string;
  readonly footer: string;
  readonly unitLine: string;
  /** The printing condition every PDF (PDF/X-1a:2003) names in its OutputIntent. */
  readonly outputCondition: {
    readonly id: string;
    /** The ICC registry's reference name (`JC200103`, `FOGRA39`). */
    readonly identifier: string;
    readonly name: string;
  };
  /** Hem zones and eyelet marks every file follows (the campaign's `publishing.finishing`). */
  readonly finishing: PrintFinishing;
  readonly files: readonly ManifestFile[];
  readonly bundles: readonly ManifestBundle[];
  /** Every artwork with its laid-out lines. */
  readonly artworks: readonly ManifestArtwork[];
}

interface FileQuery {
  sloganId: string;
  formatId: string;
  scheme: string;
  type: OutputType;
  cropMarks?: boolean;
  eyelets?: boolean;
}

const matches = (file: ManifestFile, query: FileQuery): boolean =>
  file.sloganId === query.sloganId &&
  file.formatId === query.formatId &&
  file.scheme === query.scheme &&
  file.type === query.type &&
  file.cropMarks === (query.cropMarks ?? false) &&
  file.eyelets === (query.eyelets ?? false);

const designKey = (sloganId: string, formatId: string, scheme: string): string => `${sloganId}\0${formatId}\0${scheme}`;

/**
 * A manifest's files by slogan, format and scheme, in manifest order: made once per manifest.
 * The pages look files up a few thousand times in a build, and a scan of the ~2,000 files
 * each time was a fifth of the time the pages took to render.
 */
const filesByDesign = /* @__PURE__ */ memoByObject((manifest: PrintManifest): ReadonlyMap<string, ManifestFile[]> => {
  const index = new Map<string, ManifestFile[]>();
  for (const file of manifest.files) {
    const key = designKey(file.sloganId, file.formatId, file.scheme);
    const files = index.get(key);
    if (files) files.push(file);
    else index.set(key, [file]);
  }
  return index;
});

const designFiles = (manifest: PrintManifest, query: FileQuery): readonly ManifestFile[] =>
  filesByDesign(manifest).get(designKey(query.sloganId, query.formatId, query.scheme)) ?? [];

/** The file of a slogan, format, scheme and type, if generated (the first, for the AVIF previews). */
export function findFile(manifest: PrintManifest, query: FileQuery): ManifestFile | undefined {
  return designFiles(manifest, query).find((file) => matches(file, query));
}

/** Every file of a slogan, format, scheme and type, in manifest order (the AVIF previews: one a width). */
export function findFiles(manifest: PrintManifest, query: FileQuery): ManifestFile[] {
  return designFiles(manifest, query).filter((file) => matches(file, query));
}

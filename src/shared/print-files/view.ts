/**
 * How the pages list the print files: which types, in which order, the link text
 * of each file, and the manifest look-ups they share (`/tai-lieu/`, each slogan's
 * page). One place, so a file is named the same way wherever it is listed.
 *
 * Pure code (no `node:*`, no DOM); the words come from `src/i18n/vi.json`.
 */

import { formatLabel, formatNumber, t } from '../../i18n/index.ts';
import type { ColourScheme, PrintFormat } from '../print/index.ts';
import {
  findFile,
  findFiles,
  type ManifestBundle,
  type ManifestFile,
  type OutputType,
  type PrintManifest,
} from './manifest.ts';

/** The files listed for download, in this order: the PDF, its crop-mark or eyelet variant, SVG, PNG. */
export const LISTED: readonly {
  readonly type: OutputType;
  readonly cropMarks?: boolean;
  readonly eyelets?: boolean;
}[] = [
  { type: 'pdf' },
  { type: 'pdf', cropMarks: true },
  { type: 'pdf', eyelets: true },
  { type: 'svg' },
  { type: 'png' },
];

/** The slogan a listing is for. */
interface SloganRef {
  readonly id: string;
  readonly order: number;
}

/** A download link: the file, its visible text and its context for screen readers (see `FileLink.astro`). */
export interface DownloadLink<File extends ManifestFile | ManifestBundle = ManifestFile> {
  readonly file: File;
  readonly label: string;
  readonly context: string;
}

/**
 * Link text of a print file: "PDF", "SVG", "PNG 150 dpi" for office printers,
 * "PNG 1.200 × 630 px" for a social image.
 */
export function fileLabel(file: ManifestFile): string {
  if (file.cropMarks) return t('materials.pdfCropMarks');
  if (file.eyelets) return t('materials.pdfEyelets');
  if (file.type !== 'png') return file.type.toUpperCase();
  if (file.dpi) return t('materials.pngDpi', { dpi: file.dpi });
  return file.pixels
    ? t('materials.pngPixels', { width: formatNumber(file.pixels.width), height: formatNumber(file.pixels.height) })
    : 'PNG';
}

/** The print files of a slogan in one format and scheme, in `LISTED` order, as links. */
export function fileLinks(
  manifest: PrintManifest,
  slogan: SloganRef,
  format: PrintFormat,
  scheme: ColourScheme,
): DownloadLink[] {
  const context = t('materials.linkContext', {
    order: slogan.order,
    format: formatLabel(format),
    scheme: scheme.label,
  });
  return LISTED.flatMap(
    (listed) => findFile(manifest, { sloganId: slogan.id, formatId: format.id, scheme: scheme.id, ...listed }) ?? [],
  ).map((file) => ({ file, label: fileLabel(file), context }));
}

/** The link texts of a format's print files, each once: "PDF, SVG, PNG 150 dpi". */
export function fileLabelsOf(manifest: PrintManifest, formatId: string): string {
  const files = manifest.files.filter((file) => file.formatId === formatId && file.purpose === 'print');
  return [...new Set(files.map(fileLabel))].join(', ');
}

/**
 * A WebP preview and the size it is shown at: half its pixels, so it is sharp on 2× screens;
 * and the same image as AVIF in a few widths, which browsers that read AVIF take instead.
 */
export interface Preview {
  readonly file: ManifestFile;
  /** The AVIF previews, narrowest first (none in a manifest made before they were). */
  readonly avif: readonly ManifestFile[];
  readonly width: number;
  readonly height: number;
  /** Alt text: the slogan as the artwork sets it, line by line ("" if the manifest has no lines). */
  readonly alt: string;
}

/** The alt text of an artwork's preview: its slogan's laid-out lines, "/" between lines. */
export function previewAlt(manifest: PrintManifest, sloganId: string, formatId: string, schemeId: string): string {
  const artwork = manifest.artworks.find(
    (a) => a.sloganId === sloganId && a.formatId === formatId && a.scheme === schemeId,
  );
  const lines = artwork?.lines.slogan;
  return lines?.length ? t('materials.previewAlt', { lines: lines.join(' / ') }) : '';
}

/** The preview of a slogan in one format and scheme, if the build made one. */
export function previewOf(
  manifest: PrintManifest,
  sloganId: string,
  formatId: string,
  schemeId: string,
): Preview | undefined {
  const file = findFile(manifest, { sloganId, formatId, scheme: schemeId, type: 'webp' });
  return file?.pixels
    ? {
        file,
        avif: findFiles(manifest, { sloganId, formatId, scheme: schemeId, type: 'avif' })
          .filter((avif) => avif.pixels)
          .sort((a, b) => a.pixels!.width - b.pixels!.width),
        width: Math.round(file.pixels.width / 2),
        height: Math.round(file.pixels.height / 2),
        alt: previewAlt(manifest, sloganId, formatId, schemeId),
      }
    : undefined;
}

/** The image a slogan's page gives link previews (Open Graph): its 1200 × 630 PNG on orange. */
export function linkPreviewImageOf(manifest: PrintManifest, sloganId: string): ManifestFile | undefined {
  return findFile(manifest, { sloganId, formatId: 'og-1200x630', scheme: 'cam', type: 'png' });
}

/** The ZIP of every print file of a slogan, as a link. */
export function sloganBundleLink(manifest: PrintManifest, slogan: SloganRef): DownloadLink<ManifestBundle> | undefined {
  const file = manifest.bundles.find((bundle) => bundle.scope === 'slogan' && bundle.sloganId === slogan.id);
  return (
    file && { file, label: t('materials.sloganBundle'), context: t('materials.bundleContext', { order: slogan.order }) }
  );
}

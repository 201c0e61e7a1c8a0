/**
 * Step 1 of the print files: the plan. Every slogan × format × colour scheme is a
 * design; each design gets the files `outputsFor()` says, each under a cache key
 * that hashes everything that shapes it, and the plan says which are cached.
 *
 * NODE ONLY (the cache is on disk).
 */

import type { PrintFormat } from '../../shared/print/formats.ts';
import {
  DEFAULT_OUTPUT_CONDITION,
  getOutputCondition,
  type OutputCondition,
} from '../../shared/print/output-conditions.ts';
import type { ColourScheme } from '../../shared/print/schemes.ts';
import type { QrLink } from '../../shared/print/qr.ts';
import type { PrintFinishing } from '../../shared/print/finishing.ts';
import { outputPath, outputsFor, type OutputSpec } from '../../shared/print-files/manifest.ts';
import { sha256, type PrintCache } from './cache.ts';

export interface PrintSlogan {
  readonly id: string;
  readonly order: number;
  readonly text: string;
}

/** The fixed date (YYYY-MM-DD) and the creator string written into every PDF and ZIP. */
export interface FilePublishing {
  readonly fileDate: string;
  readonly fileCreator: string;
  /** Hem zones and eyelet marks (`finishing.ts`); the engine's defaults when absent. */
  readonly finishing?: PrintFinishing | undefined;
}

/** What goes on the files: from the content (never typed here). */
export interface PrintSource {
  readonly slogans: readonly PrintSlogan[];
  readonly heading: string;
  readonly footer: string;
  /** What every PDF and ZIP carries: the campaign's `publishing` group (content/campaign.yaml). */
  readonly publishing: FilePublishing;
  /** The header of an artwork whose slogan repeats `heading` (`artworkHeading()`): the campaign's theme. */
  readonly theme?: string | undefined;
  /** Issuing unit on every file; empty for the generic files any unit may print. */
  readonly unitLine?: string | undefined;
  /** The address the QR code on every poster and banner opens, and its printed form (`posterLink()`); none if absent. */
  readonly link?: QrLink | undefined;
  /** The printing condition every PDF's OutputIntent names (`OUTPUT_CONDITIONS` id); default Japan Color 2001 Coated. */
  readonly outputCondition?: string | undefined;
}

/** A file to place in the site: its site path and where the cache holds it. */
export interface SiteFile {
  readonly path: string;
  readonly from: string;
}

/** One file of a design. */
export interface PlannedOutput extends SiteFile {
  readonly spec: OutputSpec;
  /** Cache key: a hash of everything that shapes the file. */
  readonly key: string;
  /** The cache holds it from an earlier run: nothing to render. */
  readonly cached: boolean;
}

/** The lines a design's layout set (`ArtworkLines`), cached as JSON beside its files. */
export interface PlannedLayout {
  readonly key: string;
  readonly from: string;
  readonly cached: boolean;
}

/** One slogan in one format and colour scheme: one layout, the files made from it. */
export interface Design {
  readonly slogan: PrintSlogan;
  readonly format: PrintFormat;
  readonly scheme: ColourScheme;
  readonly outputs: readonly PlannedOutput[];
  readonly layout: PlannedLayout;
}

export interface PlanOptions {
  readonly source: PrintSource;
  readonly formats: readonly PrintFormat[];
  readonly schemes: readonly ColourScheme[];
  /** `generatorHash()`: engine sources, library versions, fonts. */
  readonly generator: string;
  readonly cache: PrintCache;
}

/** The printing condition of a run's PDFs. */
export const outputConditionOf = (source: PrintSource): OutputCondition =>
  source.outputCondition ? getOutputCondition(source.outputCondition) : DEFAULT_OUTPUT_CONDITION;

/** The slogans in the plan's order: the order of files, bundles and the manifest. */
export const inPlanOrder = (slogans: readonly PrintSlogan[]): PrintSlogan[] =>
  [...slogans].sort((a, b) => a.order - b.order);

/** Every design, slogan by slogan, then format, then scheme; each output with its key and cache state. */
export function planDesigns({ source, formats, schemes, generator, cache }: PlanOptions): Design[] {
  const unitLine = source.unitLine ?? '';
  const designs: Design[] = [];
  for (const slogan of inPlanOrder(source.slogans)) {
    for (const format of formats) {
      for (const scheme of schemes) {
        const inputs = {
          generator,
          slogan: slogan.text,
          heading: source.heading,
          theme: source.theme,
          footer: source.footer,
          publishing: source.publishing,
          unitLine,
          link: source.link,
          outputCondition: outputConditionOf(source).id,
          format,
          scheme,
        };
        const outputs = outputsFor(format).map((spec): PlannedOutput => {
          const key = sha256(JSON.stringify({ ...inputs, spec }));
          const from = cache.objectFile(key, spec.type);
          return {
            spec,
            key,
            from,
            path: outputPath(slogan.id, format.id, scheme.id, spec),
            cached: cache.has(key, from),
          };
        });
        const layoutKey = sha256(JSON.stringify({ ...inputs, spec: 'lines' }));
        const layoutFrom = cache.objectFile(layoutKey, 'json');
        const layout = { key: layoutKey, from: layoutFrom, cached: cache.has(layoutKey, layoutFrom) };
        designs.push({ slogan, format, scheme, outputs, layout });
      }
    }
  }
  return designs;
}

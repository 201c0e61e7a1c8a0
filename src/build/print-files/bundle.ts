/**
 * The bundle step of the print files: ZIPs of every print file of one slogan and
 * of every slogan in one format, each with a readme and its SHA256SUMS (`readme.ts`), cached under a hash of their members' names and
 * checksums (so unchanged members give the cached ZIP, whatever re-rendered them).
 *
 * NODE ONLY (node:fs).
 */

import { readFile } from 'node:fs/promises';
import type { OutputCondition, PrintFormat } from '../../shared/print/index.ts';
import {
  BUNDLES_DIR,
  formatBundleName,
  sloganBundleName,
  type ManifestBundle,
  type ManifestFile,
} from '../../shared/print-files/manifest.ts';
import { sha256, writeAtomic, type IndexEntry, type PrintCache } from './cache.ts';
import type { PrintSlogan, SiteFile } from './plan.ts';
import type { PrintFinishing } from '../../shared/print/finishing.ts';
import { bundleExtras } from './readme.ts';
import { createZip, type ZipDate } from './zip.ts';

interface BundleGroup {
  readonly scope: ManifestBundle['scope'];
  readonly id: string;
  readonly name: string;
  readonly members: readonly ManifestFile[];
}

export interface BundleOptions {
  /** In plan order. */
  readonly slogans: readonly PrintSlogan[];
  readonly formats: readonly PrintFormat[];
  /** Every file of the run, as the manifest lists them (previews are left out of bundles). */
  readonly files: readonly ManifestFile[];
  /** Where the cache holds each file, by site path. */
  readonly siteFiles: readonly SiteFile[];
  readonly cache: PrintCache;
  /** The timestamp of every entry (the campaign's `publishing.fileDate`). */
  readonly date: ZipDate;
  /** The printing condition the PDFs name, for the readme. */
  readonly condition: OutputCondition;
  /** Hem zones and eyelet marks, for the readme. */
  readonly finishing?: PrintFinishing | undefined;
}

export interface BundleResult {
  readonly bundles: readonly ManifestBundle[];
  readonly siteFiles: readonly SiteFile[];
  readonly built: number;
  readonly reused: number;
}

/** The bundles to make: one a slogan, then one a format; empty groups are left out. */
function bundleGroups(
  slogans: readonly PrintSlogan[],
  formats: readonly PrintFormat[],
  files: readonly ManifestFile[],
): BundleGroup[] {
  // A banner's eyelet variant is for the print shop and downloaded on its own: in the
  // bundles it would add about 10 MB (the print files' budget is 100 MB).
  const printFiles = files.filter((file) => file.purpose === 'print' && !file.eyelets);
  return [
    ...slogans.map((slogan) => ({
      scope: 'slogan' as const,
      id: slogan.id,
      name: sloganBundleName(slogan.id),
      members: printFiles.filter((f) => f.sloganId === slogan.id),
    })),
    ...formats.map((format) => ({
      scope: 'format' as const,
      id: format.id,
      name: formatBundleName(format.id),
      members: printFiles.filter((f) => f.formatId === format.id),
    })),
  ].filter((group) => group.members.length > 0);
}

type Extras = ReturnType<typeof bundleExtras>;

/**
 * Zips a group's members from the cache, then the readme and SHA256SUMS: SVG and text
 * compressed, the rest (already compressed) stored.
 */
async function zipGroup(
  group: BundleGroup,
  extras: Extras,
  fromOf: ReadonlyMap<string, string>,
  date: ZipDate,
): Promise<Buffer> {
  const entries = await Promise.all(
    group.members.map(async (member) => ({
      name: member.name,
      data: await readFile(fromOf.get(member.path)!),
      method: member.type === 'svg' ? ('deflate' as const) : ('store' as const),
    })),
  );
  return createZip([...entries, ...extras.map((extra) => ({ ...extra, method: 'deflate' as const }))], date);
}

/** Makes (or reuses from the cache) every bundle, one at a time, and describes each for the manifest. */
export async function bundlePrintFiles({
  slogans,
  formats,
  files,
  siteFiles,
  cache,
  date,
  condition,
  finishing,
}: BundleOptions): Promise<BundleResult> {
  const fromOf = new Map(siteFiles.map((entry) => [entry.path, entry.from]));
  const bundles: ManifestBundle[] = [];
  const bundleSiteFiles: SiteFile[] = [];
  let built = 0;
  let reused = 0;
  for (const group of bundleGroups(slogans, formats, files)) {
    const extras = bundleExtras(group.members, condition, finishing);
    const key = sha256(
      JSON.stringify({
        zip: 1,
        date,
        members: group.members.map((m) => [m.name, m.sha256]),
        extras: extras.map((extra) => [extra.name, sha256(extra.data)]),
      }),
    );
    const file = cache.bundleFile(key);
    let entry: IndexEntry;
    if (cache.has(key, file)) {
      entry = await cache.remember(key, file);
      reused++;
    } else {
      const zip = await zipGroup(group, extras, fromOf, date);
      await writeAtomic(file, zip);
      entry = await cache.remember(key, file, zip);
      built++;
    }
    const path = `${BUNDLES_DIR}${group.name}`;
    bundleSiteFiles.push({ path, from: file });
    bundles.push({
      path,
      name: group.name,
      type: 'zip',
      scope: group.scope,
      sloganId: group.scope === 'slogan' ? group.id : null,
      formatId: group.scope === 'format' ? group.id : null,
      files: [...group.members.map((m) => m.name), ...extras.map((extra) => extra.name)],
      bytes: entry.bytes,
      sha256: entry.sha256,
    });
  }
  return { bundles, siteFiles: bundleSiteFiles, built, reused };
}

/**
 * The manifest step of the print files: each rendered file described as
 * `manifest.json` lists it, and the manifest itself written into the cache.
 *
 * NODE ONLY (node:fs).
 */

import { dirname, join } from 'node:path';
import { isPrintFormat } from '../../shared/print/formats.ts';
import { DEFAULT_FINISHING } from '../../shared/print/finishing.ts';
import {
  MANIFEST_PATH,
  type ManifestArtwork,
  type ManifestBundle,
  type ManifestFile,
  type PrintManifest,
} from '../../shared/print-files/manifest.ts';
import { sha256, writeAtomic, type PrintCache } from './cache.ts';
import { SUMS_NAME, sha256Sums } from './readme.ts';
import { outputConditionOf, type PrintSource } from './plan.ts';
import type { RenderedOutput } from './render.ts';

/** A rendered (or cached) file as `manifest.json` lists it. */
export function describeFile({ design, output, entry }: RenderedOutput): ManifestFile {
  const { slogan, format, scheme } = design;
  const { path, spec } = output;
  return {
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    sloganId: slogan.id,
    order: slogan.order,
    text: slogan.text,
    formatId: format.id,
    kind: format.kind,
    trimMm: isPrintFormat(format) ? { width: format.width, height: format.height } : null,
    bleedMm: spec.area === 'bleed' ? format.bleed : 0,
    pixels: entry.pixels ?? null,
    dpi: spec.dpi ?? null,
    scheme: scheme.id,
    type: spec.type,
    purpose: spec.purpose,
    cropMarks: spec.cropMarks === true,
    eyelets: spec.eyelets === true,
    bytes: entry.bytes,
    sha256: entry.sha256,
  };
}

export interface ManifestParts {
  readonly source: PrintSource;
  /** `generatorHash()`; the manifest keeps its first 16 digits. */
  readonly generator: string;
  readonly files: readonly ManifestFile[];
  readonly bundles: readonly ManifestBundle[];
  readonly artworks: readonly ManifestArtwork[];
}

/** The manifest of a run. */
export function buildManifest({ source, generator, files, bundles, artworks }: ManifestParts): PrintManifest {
  const condition = outputConditionOf(source);
  return {
    version: 1,
    generator: generator.slice(0, 16),
    heading: source.heading,
    footer: source.footer,
    unitLine: source.unitLine ?? '',
    outputCondition: { id: condition.id, identifier: condition.identifier, name: condition.name },
    finishing: source.publishing.finishing ?? DEFAULT_FINISHING,
    files,
    bundles,
    artworks,
  };
}

/** Writes the manifest into the cache; returns the file, which the site publishes. */
export async function writeManifest(cache: PrintCache, manifest: PrintManifest): Promise<string> {
  await writeAtomic(cache.manifestFile, manifestText(manifest));
  return cache.manifestFile;
}

const manifestText = (manifest: PrintManifest): string => `${JSON.stringify(manifest, null, 1)}\n`;

/**
 * Writes `SHA256SUMS` (published beside the manifest, `SUMS_PATH`) into the cache: every
 * file and bundle of the manifest, and the manifest itself, by path relative to the
 * manifest's folder. Returns the file.
 */
export async function writeChecksums(cache: PrintCache, manifest: PrintManifest): Promise<string> {
  const folder = MANIFEST_PATH.slice(0, MANIFEST_PATH.lastIndexOf('/') + 1);
  const entries = [...manifest.files, ...manifest.bundles].map((file) => ({
    name: file.path.slice(folder.length),
    sha256: file.sha256,
  }));
  entries.push({ name: MANIFEST_PATH.slice(folder.length), sha256: sha256(manifestText(manifest)) });
  const file = join(dirname(cache.manifestFile), SUMS_NAME);
  await writeAtomic(file, sha256Sums(entries));
  return file;
}

/**
 * The manifest step of the print files: each rendered file described as
 * `manifest.json` lists it, and the manifest itself written into the cache.
 *
 * NODE ONLY (node:fs).
 */

import { writeFile } from 'node:fs/promises';
import { isPrintFormat } from '../../shared/print/index';
import type { ManifestArtwork, ManifestBundle, ManifestFile, PrintManifest } from '../../shared/print-files/manifest';
import type { PrintCache } from './cache';
import { outputConditionOf, type PrintSource } from './plan';
import type { RenderedOutput } from './render';

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
    files,
    bundles,
    artworks,
  };
}

/** Writes the manifest into the cache; returns the file, which the site publishes. */
export async function writeManifest(cache: PrintCache, manifest: PrintManifest): Promise<string> {
  await writeFile(cache.manifestFile, `${JSON.stringify(manifest, null, 1)}\n`);
  return cache.manifestFile;
}

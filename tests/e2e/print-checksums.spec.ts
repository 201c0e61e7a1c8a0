/**
 * The checksums and the readme a print shop gets: `SHA256SUMS` beside manifest.json
 * and inside every ZIP, checked with GNU `sha256sum -c` itself, and the Vietnamese
 * `DOC-TRUOC-KHI-IN.txt` in every ZIP.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { PrintManifest } from '../../src/shared/print-files/manifest.ts';
import { readZip } from '../unit/print-files/zip-reader.ts';

const dist = fileURLToPath(new URL('../../dist/tai-lieu/', import.meta.url));
const manifest: PrintManifest = JSON.parse(readFileSync(`${dist}manifest.json`, 'utf8'));

/** Runs `sha256sum -c SHA256SUMS` in `dir`; returns its output (throws if a line fails). */
const sha256sumCheck = (dir: string): string =>
  execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });

test('sha256sum -c accepts the SHA256SUMS beside manifest.json, which lists every file', () => {
  const output = sha256sumCheck(dist);
  const checked = output.trim().split('\n');
  expect(checked.every((line) => line.endsWith(': OK'))).toBe(true);
  expect(checked).toHaveLength(manifest.files.length + manifest.bundles.length + 1);
  expect(output).toContain('manifest.json: OK');
});

test('every ZIP holds DOC-TRUOC-KHI-IN.txt and a SHA256SUMS that sha256sum -c accepts', () => {
  test.setTimeout(180_000);
  for (const bundle of manifest.bundles) {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      const entries = readZip(readFileSync(`${dist}${bundle.path.slice('tai-lieu/'.length)}`));
      expect(entries.slice(-2).map((e) => e.name)).toEqual(['DOC-TRUOC-KHI-IN.txt', 'SHA256SUMS']);
      for (const entry of entries) writeFileSync(join(dir, entry.name), entry.data);
      const checked = sha256sumCheck(dir).trim().split('\n');
      expect(checked).toHaveLength(entries.length - 1);

      const readme = Buffer.from(entries.at(-2)!.data).toString('utf8');
      expect(readme).toContain('ĐỌC TRƯỚC KHI IN');
      if (bundle.files.some((name) => name.endsWith('.pdf'))) {
        expect(readme).toContain(manifest.outputCondition.name);
        expect(readme).toContain('100%');
        expect(readme).toContain('3 mm mỗi cạnh');
      }
      for (const name of bundle.files.slice(0, -2)) expect(readme).toContain(name);
      const banners = bundle.files.some((name) => name.includes('_bang-ron-'));
      expect(readme.includes('khoen'), bundle.name).toBe(banners);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

/**
 * A build never ships a broken print file: a cached file that no longer matches its index is
 * made again, files are written whole or not at all, a layout warning stops the build naming
 * the slogan and the format, a slogan past the schema's limit is refused, and the customiser
 * cuts the unit line to its limit.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../../src/build/content/load.ts';
import { writeAtomic } from '../../../src/build/print-files/cache.ts';
import { generatePrintFiles, type PrintSource } from '../../../src/build/print-files/generate.ts';
import { limitUnitLine, UNIT_LINE_MAX_LENGTH } from '../../../src/components/customiser/messages.ts';
import { getFormat, getScheme } from '../../../src/shared/print/index.ts';
import { SLOGAN_MAX_LENGTH } from '../../../src/shared/schemas/slogan.ts';
import { posterFooterFrom, posterHeading } from '../../../src/shared/print-texts.ts';
import { contentDir, contentWith, repoRoot } from '../helpers/content.ts';

const content = loadContent(contentDir);
const slogan = content.slogans.find((s) => s.order === 5)!;
const sourceWith = (text: string): PrintSource => ({
  slogans: [{ ...slogan, text }],
  heading: posterHeading(content.campaign[0]!),
  footer: posterFooterFrom(content.helpLines),
  publishing: content.campaign[0]!.publishing,
});
const run = (cacheDir: string, text = slogan.text) =>
  generatePrintFiles({
    root: repoRoot,
    cacheDir,
    source: sourceWith(text),
    formats: [getFormat('a4')],
    schemes: [getScheme('cam')],
  });
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('the print files of a build', () => {
  it('makes a cached file again when it no longer has the size and SHA-256 of the index', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'print-safety-'));
    const first = await run(cacheDir);
    const pdf = first.manifest.files.find((file) => file.type === 'pdf')!;
    const from = first.siteFiles.find((file) => file.path === pdf.path)!.from;
    const svg = first.siteFiles.find((file) => file.path.endsWith('.svg'))!.from;

    truncateSync(from, 1000);
    writeFileSync(svg, readFileSync(svg, 'utf8').replace('<svg', '<svg data-changed="1"'));
    const second = await run(cacheDir);
    expect(second.stats.rendered).toBe(2);
    for (const file of second.manifest.files) {
      const bytes = readFileSync(second.siteFiles.find((site) => site.path === file.path)!.from);
      expect(bytes.byteLength, file.path).toBe(file.bytes);
      expect(sha256(bytes), file.path).toBe(file.sha256);
    }
    expect(readFileSync(from).byteLength).toBe(pdf.bytes);
    // Nothing left under a temporary name.
    const names = readdirSync(join(cacheDir, 'objects')).concat(readdirSync(cacheDir));
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('stops on a layout warning, naming the slogan and the format', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'print-safety-'));
    const text = 'Chấm dứt bạo lực 中文';
    await expect(run(cacheDir, text)).rejects.toThrow(
      `print file of slogan ${slogan.order} "${text}" (${slogan.id}) in format a4, scheme cam: the font lacks "中" (U+4E2D), "文" (U+6587)`,
    );
  }, 60_000);
});

describe('writeAtomic', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const file = join(dir, 'a.pdf');
    writeFileSync(file, 'old');
    await writeAtomic(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('leaves the old file as it was when writing fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const file = join(dir, 'a.pdf');
    writeFileSync(file, 'old');
    // A value writeFile refuses: the write fails before the rename.
    await expect(writeAtomic(file, 42 as unknown as string)).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });
});

describe('text limits', () => {
  it('refuses a slogan longer than the limit, naming file, entry and field', () => {
    const longest = Math.max(...content.slogans.map((s) => s.text.length));
    expect(SLOGAN_MAX_LENGTH).toBeGreaterThanOrEqual(longest * 1.5);
    const yaml = readFileSync(join(contentDir, 'slogans.yaml'), 'utf8').replace(
      /text: .*/,
      `text: ${'Chấm dứt bạo lực. '.repeat(120)}`,
    );
    let problems: string[] = [];
    try {
      loadContent(contentWith({ 'slogans.yaml': yaml }));
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      problems = (error as ContentError).problems;
    }
    expect(problems).toContainEqual(
      expect.stringMatching(/^content\/slogans\.yaml: entry 1 .*field "text": must be at most 150 characters/),
    );
  });

  it('the customiser cuts the unit line to its limit, by characters', () => {
    const long = 'Đoàn 😀 '.repeat(100);
    const cut = limitUnitLine(long);
    expect(Array.from(cut)).toHaveLength(UNIT_LINE_MAX_LENGTH);
    expect(long.startsWith(cut)).toBe(true);
    expect(limitUnitLine('Xã Bản Bo')).toBe('Xã Bản Bo');
  });
});

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createZip } from '../../../src/build/print-files/zip.ts';
import { readZip } from './zip-reader.ts';

const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${'<path d="M0 0l1 1z"/>'.repeat(500)}</svg>`);
/** 4 KB that do not compress: SHA-256 blocks of a counter. */
const random = Buffer.concat(Array.from({ length: 128 }, (_, i) => createHash('sha256').update(String(i)).digest()));
const entries = [
  { name: 'a_a2_cam.svg', data: svg, method: 'deflate' as const },
  { name: 'a_a2_cam.pdf', data: Buffer.from('%PDF-1.7\n%…binary…\n%%EOF\n') },
  { name: 'noise.bin', data: random, method: 'deflate' as const },
  { name: 'empty.txt', data: new Uint8Array(0) },
];
/** A made-up campaign's date: the writer takes whatever the content says. */
const date = { year: 2031, month: 11, day: 15, hours: 0, minutes: 0, seconds: 0 };
const hasUnzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;

describe('ZIP writer', () => {
  it('reads back entry by entry: names, bytes and CRC-32, deflated where asked', () => {
    const read = readZip(createZip(entries, date));
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((entry, i) => expect(entry.data.equals(Buffer.from(entries[i]!.data))).toBe(true));
    expect(read[0]!.method).toBe(8); // SVG deflated
    expect(read[1]!.method).toBe(0); // stored
    expect(read[2]!.method).toBe(0); // incompressible: stored although deflate was asked
  });

  it('gives the same bytes for the same files (the fixed timestamp it is given)', () => {
    const a = createZip(entries, date);
    expect(a.equals(createZip(entries, date))).toBe(true);
    const [first] = readZip(a);
    expect(first!.dosDate).toBe(((2031 - 1980) << 9) | (11 << 5) | 15);
    expect(first!.dosTime).toBe(0);
  });

  it.runIf(hasUnzip)('passes `unzip -t` and extracts the same bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    const file = join(dir, 'bundle.zip');
    writeFileSync(file, createZip(entries, date));
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('No errors detected');
    const svgOut = spawnSync('unzip', ['-p', file, 'a_a2_cam.svg']);
    expect(Buffer.from(svgOut.stdout).equals(svg)).toBe(true);
  });

  it('refuses duplicate and unsafe names', () => {
    expect(() => createZip([entries[1]!, entries[1]!], date)).toThrow(/Duplicate/);
    expect(() => createZip([{ name: '../x.pdf', data: new Uint8Array(1) }], date)).toThrow(/Unsafe/);
  });
});

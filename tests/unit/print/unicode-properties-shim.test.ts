import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fontkitUnicodeProperties, unicodePropertiesShim } from '../../../src/build/print/unicode-properties-shim.ts';

const dir = mkdtempSync(join(tmpdir(), 'unicode-shim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the customiser's unicode-properties (fontkit's four lookups as range tables)", () => {
  it('answers as the package fontkit uses, for every code point', async () => {
    const file = join(dir, 'shim.mjs');
    writeFileSync(file, unicodePropertiesShim());
    const shim = (await import(pathToFileURL(file).href)) as ReturnType<typeof fontkitUnicodeProperties>;
    const real = fontkitUnicodeProperties();
    const differ: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      for (const name of ['getScript', 'getCombiningClass', 'isMark', 'isDigit'] as const) {
        if (shim[name](codePoint) !== real[name](codePoint)) differ.push(`${name}(U+${codePoint.toString(16)})`);
      }
      if (differ.length > 10) break;
    }
    expect(differ).toEqual([]);
    // Spot checks that the tables are not all one value.
    expect(shim.getScript(0x1ea1)).toBe('Latin');
    expect(shim.getScript(0x0627)).toBe('Arabic');
    expect(shim.isMark(0x0301)).toBe(true);
    expect(shim.isDigit(0x0039)).toBe(true);
    expect(shim.getCombiningClass(0x0323)).toBe('Below');
  });

  it('leaves out getCategory, which only the shapers the browser bundle drops read', async () => {
    const file = join(dir, 'shim2.mjs');
    writeFileSync(file, unicodePropertiesShim());
    const shim = (await import(pathToFileURL(file).href)) as { getCategory: () => string };
    expect(() => shim.getCategory()).toThrow(/getCategory/);
  });
});

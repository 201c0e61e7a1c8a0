// fontkit as the customiser's browser bundle gets it (src/build/integrations/print-files.ts:
// trimFontkitShapers, trimFontkitFormats, the unicode-properties range tables): the same
// shaping, outlines and bounds as the whole fontkit, for the fonts the customiser fetches.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_FONT_TABLES,
  trimFontkitFormats,
  trimFontkitShapers,
} from '../../../src/build/integrations/print-files.ts';
import { customiserFonts, displaySubsetText } from '../../../src/build/print/customiser-fonts.ts';
import { unicodePropertiesShim } from '../../../src/build/print/unicode-properties-shim.ts';
import { FOOTER, HEADING, UNIT_LINE, loadSlogans } from './helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// Under the project, so that fontkit's own imports (restructure, …) resolve from node_modules/.
const dir = join(root, '.cache', 'test-fontkit-browser');

type Font = ReturnType<typeof fontkit.create> & {
  characterSet: number[];
  directory: { tables: Record<string, unknown> };
  layout(text: string): {
    glyphs: { id: number; path: { toSVG(): string; bbox: object } }[];
    positions: object[];
  };
};
let trimmed: { create(bytes: Uint8Array): Font };
let fonts: { display: string; text: string };

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const source = readFileSync(
    join(dirname(createRequire(import.meta.url).resolve('fontkit')), 'browser-module.mjs'),
    'utf8',
  );
  writeFileSync(join(dir, 'unicode-properties.mjs'), unicodePropertiesShim());
  const code = trimFontkitFormats(trimFontkitShapers(source)).replace(
    /from "unicode-properties";/,
    'from "./unicode-properties.mjs";',
  );
  writeFileSync(join(dir, 'fontkit.mjs'), code);
  trimmed = (await import(pathToFileURL(join(dir, 'fontkit.mjs')).href)) as typeof trimmed;
  const slogans = loadSlogans().map((s) => s.text);
  fonts = await customiserFonts(join(root, '.cache', 'print-files'), {
    display: slogans.join(' '),
    text: [HEADING, FOOTER, UNIT_LINE].join(' '),
  });
}, 60_000);

describe("fontkit in the customiser's browser bundle", () => {
  it('reads every table of the fonts the customiser fetches', () => {
    for (const file of [fonts.display, fonts.text]) {
      const font = fontkit.create(readFileSync(file)) as unknown as Font;
      expect(Object.keys(font.directory.tables).filter((tag) => !BROWSER_FONT_TABLES.includes(tag))).toEqual([]);
    }
  });

  it('shapes and draws as the whole fontkit: every character, pairs, the texts and marks', () => {
    for (const file of [fonts.display, fonts.text]) {
      const bytes = readFileSync(file);
      const whole = fontkit.create(bytes) as unknown as Font;
      const trim = trimmed.create(new Uint8Array(bytes));
      const chars = whole.characterSet.map((codePoint) => String.fromCodePoint(codePoint));
      const texts = [
        ...chars,
        ...HEADING.split(' '),
        ...FOOTER.split(' '),
        ...displaySubsetText(
          loadSlogans()
            .map((s) => s.text)
            .join(' '),
        ).split(' '),
        'Trường Tiểu học Nùng Nàng – Chi đội “Đoàn kết”, lớp 5A bình đẳng',
        'fi ffl AVAWAY To. 1⁄2 x̃ ẫ́ a\u0301\u0323 שלום مرحبا',
      ];
      // A fixed walk over the character pairs and triples (kerning, ligatures).
      for (let i = 0; i < 3000; i++)
        texts.push(chars[(i * 31) % chars.length]! + chars[(i * 17 + 5) % chars.length]! + chars[i % chars.length]!);
      // What fontkit makes of a text, or the error it throws (the same in both).
      const drawn = (font: Font, text: string) => {
        try {
          const run = font.layout(text);
          return JSON.stringify([run.glyphs.map((g) => [g.id, g.path.toSVG(), g.path.bbox]), run.positions]);
        } catch (error) {
          return `${(error as Error).name}: ${(error as Error).message}`;
        }
      };
      for (const text of texts) expect(drawn(trim, text), text).toBe(drawn(whole, text));
    }
  });
});

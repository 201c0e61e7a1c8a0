/**
 * Node-only: what the customiser's browser bundle gets for `unicode-properties` (fontkit's
 * Unicode data): the four lookups fontkit's default shaper and layout make, as tables of
 * ranges read from the very package fontkit uses, so that every answer is its answer.
 *
 * Why: `unicode-properties` holds every Unicode property the package offers, as compressed
 * tries inflated when it loads: about 13 KB gzip of the engine's download (and `tiny-inflate`
 * with it), for four lookups. The ranges of those four are about 5 KB gzip: scripts by name
 * (which decide a run's direction and its OpenType script), marks, decimal digits (fraction
 * shaping around U+2044) and canonical combining classes (mark placement without GPOS).
 * `getCategory` is only read by the complex-script shapers, which the browser bundle leaves
 * out (`trimFontkitShapers`, `src/build/integrations/print-files.ts`): it throws if reached.
 * tests/unit/print/unicode-properties-shim.test.ts checks every code point against the package.
 *
 * NODE ONLY: never import this from client-side code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface UnicodeProperties {
  getScript(codePoint: number): string;
  getCombiningClass(codePoint: number): string;
  isMark(codePoint: number): boolean;
  isDigit(codePoint: number): boolean;
}

/** `unicode-properties` as fontkit resolves it. */
export function fontkitUnicodeProperties(): UnicodeProperties {
  const fromFontkit = createRequire(createRequire(import.meta.url).resolve('fontkit'));
  return fromFontkit('unicode-properties') as UnicodeProperties;
}

const LAST_CODE_POINT = 0x10ffff;

/**
 * The runs of equal values of `lookup` over every code point, as text: `start,value` pairs
 * (start as the distance from the previous run's, base 36; value as an index into `names`).
 */
function encodeRuns(lookup: (codePoint: number) => string, names: string[]): string {
  const runs: string[] = [];
  let previousStart = 0;
  let previous: string | undefined;
  for (let codePoint = 0; codePoint <= LAST_CODE_POINT; codePoint++) {
    const value = lookup(codePoint);
    if (value === previous) continue;
    let index = names.indexOf(value);
    if (index < 0) index = names.push(value) - 1;
    runs.push(`${(codePoint - previousStart).toString(36)},${index.toString(36)}`);
    previousStart = codePoint;
    previous = value;
  }
  return runs.join(';');
}

let cached: string | undefined;

/** Where the made module is kept between builds (making it reads 4 × 1.1 million code points: about 0.2 s). */
export const SHIM_CACHE_FILE = '.cache/unicode-properties-shim.js';

/** unicode-properties' version as fontkit resolves it, read from its package.json without loading it. */
function packageVersion(): string {
  const fromFontkit = createRequire(createRequire(import.meta.url).resolve('fontkit'));
  for (let dir = dirname(fromFontkit.resolve('unicode-properties')); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (data.name === 'unicode-properties' && data.version) return data.version;
  }
  throw new Error('unicode-properties shim: no package.json of unicode-properties');
}

/**
 * The module's source (ES module, no imports), kept in `.cache/` under a key of what makes it
 * (this file and unicode-properties' version): a build reads it instead of making it again.
 */
export function unicodePropertiesShim(): string {
  if (cached) return cached;
  const key = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(packageVersion())
    .digest('hex');
  const file = resolve(SHIM_CACHE_FILE);
  const header = `// key ${key}\n`;
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8');
    if (kept.startsWith(header)) return (cached = kept.slice(header.length));
  }
  const made = makeShim();
  // Written whole (a temporary name, then a rename), the key first in the file: a build cut
  // off midway leaves no half-written module under a valid key.
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, header + made);
  renameSync(temporary, file);
  return (cached = made);
}

/** Makes the module's source from the package. */
function makeShim(): string {
  const up = fontkitUnicodeProperties();
  const tables = {
    script: { names: [] as string[], lookup: (cp: number) => up.getScript(cp) },
    combining: { names: [] as string[], lookup: (cp: number) => up.getCombiningClass(cp) },
    mark: { names: [] as string[], lookup: (cp: number) => String(up.isMark(cp)) },
    digit: { names: [] as string[], lookup: (cp: number) => String(up.isDigit(cp)) },
  };
  const data = Object.fromEntries(
    Object.entries(tables).map(([name, table]) => {
      const runs = encodeRuns(table.lookup, table.names);
      return [name, { names: table.names, runs }];
    }),
  );
  return `// Generated by src/build/print/unicode-properties-shim.ts from unicode-properties: do not edit.
const DATA = ${JSON.stringify(data)};
function table({ names, runs }) {
  const starts = [];
  const values = [];
  let start = 0;
  for (const run of runs.split(';')) {
    const [delta, index] = run.split(',');
    start += parseInt(delta, 36);
    starts.push(start);
    values.push(names[parseInt(index, 36)]);
  }
  return (codePoint) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= codePoint) low = middle;
      else high = middle - 1;
    }
    return values[low];
  };
}
const script = table(DATA.script);
const combining = table(DATA.combining);
const mark = table(DATA.mark);
const digit = table(DATA.digit);
export const getScript = (codePoint) => script(codePoint);
export const getCombiningClass = (codePoint) => combining(codePoint);
export const isMark = (codePoint) => mark(codePoint) === 'true';
export const isDigit = (codePoint) => digit(codePoint) === 'true';
export function getCategory() {
  throw new Error('unicode-properties: getCategory is not in the customiser (only complex-script shapers read it).');
}
`;
}

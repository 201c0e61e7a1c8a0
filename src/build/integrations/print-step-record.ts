/**
 * Node-only: the print step's record of its last run, so that a rebuild with nothing changed
 * skips the step (README "Build").
 *
 * What the print step gives (the manifest, and which cached file goes where in the site) is a
 * function of its input (the content it is given, the site's address), of its code (every
 * module it loads is under `KEY_SOURCES`) and of the packages (`package-lock.json`) and Node
 * (its zlib writes the ZIPs). `stepKey` hashes all of them. At the end of a run the step's
 * thread keeps its result under that key, with the size and modification time of each file
 * it points to (`saveStepRecord`).
 *
 * The next build computes the key in the main thread, without loading the print code, and uses
 * the record (`recordedStep`) only if the key is the same and every file still has the size
 * and modification time recorded, as `PrintCache.has` accepts a cached file: a file changed
 * since (through its hard link in `dist/`, say), removed, or any other key sends the build
 * through the whole step, which checks every file and makes again what does not match. This
 * saved about 0.8 s of CPU per unchanged build (loading sharp, pdf-lib and fontkit in a thread,
 * planning 1,900 files, writing the manifest), on 2 cores shared with Astro's own work.
 *
 * NODE ONLY: never import this from client-side code.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashCodeFiles } from '../code-files.ts';
import type { PrintStepInput, PrintStepResult } from './print-step.ts';

/**
 * Files and folders (under the project root) whose code shapes the print step's result:
 * every module `print-step.ts` loads is in one of them (tests/unit/integrations/print-step-record.test.ts
 * checks it with esbuild's list of the step's modules), and `package-lock.json` for the packages.
 */
export const KEY_SOURCES = ['src/build', 'src/shared', 'src/i18n', 'site.config.mjs', 'package-lock.json'];

/** The record, in the print cache. */
export const STEP_RECORD_FILE = 'step-record.json';

/** Bumped when the record's shape changes: an older record is then not read. */
const RECORD_VERSION = 2;

interface StepRecord {
  readonly version: number;
  readonly key: string;
  readonly result: PrintStepResult;
  /** Each file the result points to: [file, bytes, modification time]. */
  readonly files: readonly (readonly [string, number, number])[];
}

/** The site's address as the print files show it (the poster's link). */
export interface StepSite {
  readonly siteUrl: string;
  readonly basePath: string;
}

/** SHA-256 over everything the print step's result depends on (see the module's comment). */
export function stepKey(input: PrintStepInput, site: StepSite): string {
  const hash = createHash('sha256').update(
    JSON.stringify({ version: RECORD_VERSION, input, site, node: process.versions }),
  );
  return hashCodeFiles(hash, input.root, KEY_SOURCES).digest('hex');
}

/** Size and modification time of `file`, or undefined if it is gone. */
function signature(file: string): readonly [number, number] | undefined {
  try {
    const stats = statSync(file);
    return [stats.size, stats.mtimeMs];
  } catch {
    return undefined;
  }
}

/**
 * The last run's result, if it was recorded under `key` and every file it points to is still
 * as recorded; otherwise undefined (the step then runs). A record that cannot be read counts
 * as none.
 */
export function recordedStep(cacheDir: string, key: string): PrintStepResult | undefined {
  let record: StepRecord;
  try {
    record = JSON.parse(readFileSync(join(cacheDir, STEP_RECORD_FILE), 'utf8')) as StepRecord;
  } catch {
    return undefined;
  }
  if (record.version !== RECORD_VERSION || record.key !== key) return undefined;
  const recorded = new Map(record.files.map(([file, bytes, mtimeMs]) => [file, [bytes, mtimeMs] as const]));
  for (const { from } of record.result.siteFiles) {
    const now = signature(from);
    const then = recorded.get(from);
    if (!now || !then || now[0] !== then[0] || now[1] !== then[1]) return undefined;
  }
  return record.result;
}

/**
 * Keeps `result` under `key`, with each file's size and modification time as they are now
 * (written under a temporary name, then renamed: never half a record). Synchronous: it runs
 * in the print step's own thread, after the result was sent.
 */
export function saveStepRecord(cacheDir: string, key: string, result: PrintStepResult): void {
  const files: [string, number, number][] = [];
  for (const from of new Set(result.siteFiles.map((file) => file.from))) {
    const now = signature(from);
    // A file gone already: no record, and the next build runs the step.
    if (!now) return;
    files.push([from, ...now]);
  }
  const record: StepRecord = { version: RECORD_VERSION, key, result, files };
  const file = join(cacheDir, STEP_RECORD_FILE);
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(record));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

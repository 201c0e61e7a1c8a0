/**
 * The print step's record (src/build/integrations/print-step-record.ts): an unchanged rebuild
 * takes the last run's result, and anything that could change it (the input, the site's
 * address, a code file, a cached file) sends the build through the whole step again.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrintStepInput, PrintStepResult } from '../../../src/build/integrations/print-step.ts';
import {
  KEY_SOURCES,
  recordedStep,
  saveStepRecord,
  STEP_RECORD_FILE,
  stepKey,
} from '../../../src/build/integrations/print-step-record.ts';
import { modulesOutside } from '../helpers/module-graph.ts';

const site = { siteUrl: 'https://example.gov.vn/', basePath: '/' };

/** A project with one code file in each folder of the key, and a cache with two files. */
function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'print-record-'));
  for (const dir of ['src/build/print', 'src/shared', 'src/i18n']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'src/build/print/layout.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/shared/text.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'src/i18n/vi.json'), '{"c": "d"}\n');
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3}\n');
  const cacheDir = join(root, '.cache/print-files');
  mkdirSync(join(cacheDir, 'objects'), { recursive: true });
  const pdf = join(cacheDir, 'objects', 'a.pdf');
  const png = join(cacheDir, 'objects', 'b.png');
  writeFileSync(pdf, 'pdf bytes');
  writeFileSync(png, 'png bytes');
  const input: PrintStepInput = {
    root,
    cacheDir,
    slogans: [{ id: 'cham-dut', order: 1, text: 'Chấm dứt bạo lực' }],
    campaign: {
      actionMonth: 'Tháng hành động',
      publishing: { date: '2020-11-01' } as unknown as PrintStepInput['campaign']['publishing'],
    },
    helpLines: [],
  };
  const result = {
    counts: { files: 1, bundles: 0 },
    siteFiles: [
      { path: 'tai-lieu/tep/a.pdf', from: pdf },
      { path: 'tai-lieu/xem-truoc/b.png', from: png },
    ],
    stats: { rendered: 2, reused: 0, bundlesBuilt: 0, bundlesReused: 0 },
    seconds: 12,
  } as unknown as PrintStepResult;
  return { root, cacheDir, input, result, pdf, png };
}

describe("the print step's record", () => {
  it('gives the last result back when nothing changed', () => {
    const { cacheDir, input, result } = setUp();
    const key = stepKey(input, site);
    expect(stepKey(input, site)).toBe(key);
    saveStepRecord(cacheDir, key, result);
    expect(recordedStep(cacheDir, key)).toEqual(result);
  });

  it('is not used under another key: the input, the address, a code file, a new code file', () => {
    const { root, input } = setUp();
    const key = stepKey(input, site);
    const others = [
      stepKey({ ...input, slogans: [{ ...input.slogans[0]!, text: 'Chấm dứt bạo lực!' }] }, site),
      stepKey({ ...input, helpLines: [{ number: '111' } as never] }, site),
      stepKey(input, { ...site, siteUrl: 'https://other.gov.vn/' }),
      stepKey(input, { ...site, basePath: '/chien-dich/' }),
    ];
    appendFileSync(join(root, 'src/build/print/layout.ts'), '// changed\n');
    others.push(stepKey(input, site));
    writeFileSync(join(root, 'src/shared/new.ts'), 'export {};\n');
    others.push(stepKey(input, site));
    appendFileSync(join(root, 'package-lock.json'), '\n');
    others.push(stepKey(input, site));
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  it('is not used once a file it points to changed, went or was touched', () => {
    for (const change of [
      (file: string) => appendFileSync(file, 'more'),
      (file: string) => rmSync(file),
      // The same size, another modification time: as PrintCache.has, the step checks it again.
      (file: string) => utimesSync(file, new Date(2020, 10, 1), new Date(2020, 10, 1)),
    ]) {
      const { cacheDir, input, result, png } = setUp();
      const key = stepKey(input, site);
      saveStepRecord(cacheDir, key, result);
      change(png);
      expect(recordedStep(cacheDir, key)).toBeUndefined();
    }
  });

  it('counts a record it cannot read as none, and keeps none that points to a file already gone', () => {
    const { cacheDir, input, result, pdf } = setUp();
    const key = stepKey(input, site);
    expect(recordedStep(cacheDir, key)).toBeUndefined();
    writeFileSync(join(cacheDir, STEP_RECORD_FILE), '{"version": 1, "key": "');
    expect(recordedStep(cacheDir, key)).toBeUndefined();
    rmSync(join(cacheDir, STEP_RECORD_FILE));
    rmSync(pdf);
    saveStepRecord(cacheDir, key, result);
    expect(recordedStep(cacheDir, key)).toBeUndefined();
  });

  it("covers every module of the step's code with its key", async () => {
    // esbuild's list of every module the step's thread loads, packages left out (package-lock.json).
    const { modules, outside } = await modulesOutside('src/build/integrations/print-step-worker.mjs', KEY_SOURCES, {
      platform: 'node',
    });
    expect(modules).toContain('src/build/print-files/generate.ts');
    expect(outside).toEqual([]);
  });
});

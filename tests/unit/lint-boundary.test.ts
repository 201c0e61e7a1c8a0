/**
 * The ESLint rule that keeps Node-only code out of browser code (eslint.config.js,
 * "node-browser boundary"). Each fixture in tests/fixtures/lint-boundary/ breaks the
 * rule; it is linted as if it stood in a browser folder (must fail) and in src/build/
 * (must pass), through the project's own ESLint config.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/content.ts';

const fixtures = join(repoRoot, 'tests/fixtures/lint-boundary');
const eslint = new ESLint({ cwd: repoRoot });

/** Messages of the boundary rule for `fixture` linted as if it were the file `at`. */
async function boundaryErrors(fixture: string, at: string, rule = 'no-restricted-imports'): Promise<string[]> {
  const code = readFileSync(join(fixtures, fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, at) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('the Node/browser boundary lint rule', () => {
  it('fails browser code that imports src/build/', async () => {
    const errors = await boundaryErrors('imports-build.ts', 'src/components/fixture/fixture.ts');
    expect(errors).toEqual([expect.stringMatching(/src\/build\/ is Node-only/)]);
  });

  it('fails browser code that imports Node built-ins, with or without node:', async () => {
    const errors = await boundaryErrors('imports-node-builtin.ts', 'src/components/fixture/fixture.ts');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/Node built-ins are Node-only/);
    expect(errors[1]).toMatch(/"path" is a Node built-in/);
  });

  it('fails browser code that imports sharp', async () => {
    expect(await boundaryErrors('imports-sharp.ts', 'src/components/fixture/fixture.ts')).toEqual([
      expect.stringMatching(/sharp is Node-only/),
    ]);
  });

  it('fails shared code (the print engine) that imports Node-only code', async () => {
    expect(await boundaryErrors('imports-build.ts', 'src/shared/print/fixture.ts')).toHaveLength(1);
    expect(await boundaryErrors('imports-node-builtin.ts', 'src/shared/print/fixture.ts')).toHaveLength(2);
  });

  it('fails a component’s <script>, but not its front matter, that imports src/build/', async () => {
    const errors = await boundaryErrors('ImportsInScript.astro', 'src/components/fixture/Fixture.astro');
    expect(errors).toEqual([expect.stringMatching(/src\/build\/ is Node-only/)]);
  });

  it('fails shared code that uses a Node-only or a DOM-only global', async () => {
    const errors = await boundaryErrors('uses-globals.ts', 'src/shared/print/fixture.ts', 'no-restricted-globals');
    expect(errors).toEqual([
      expect.stringMatching(/"process" exists in only one/),
      expect.stringMatching(/"document"/),
    ]);
  });

  it('lets build-time code import anything', async () => {
    for (const fixture of ['imports-build.ts', 'imports-node-builtin.ts', 'imports-sharp.ts']) {
      expect(await boundaryErrors(fixture, 'src/build/fixture.ts'), fixture).toEqual([]);
    }
  });
});

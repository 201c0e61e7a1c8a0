import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from './helpers/content';

/** A throw-away copy of the project (node_modules linked) with one content file replaced. */
function projectWith(target: string, text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'site-build-'));
  for (const entry of ['astro.config.mjs', 'site.config.mjs', 'tsconfig.json', 'package.json', 'src', 'content', 'public']) {
    cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'content', target), text);
  return root;
}

describe('astro build with malformed content', () => {
  it('stops before rendering and names the file and the field', () => {
    const fixture = readFileSync(join(fixturesDir, 'broken-content/unknown-agency.milestones.yaml'), 'utf8');
    const root = projectWith('milestones.yaml', fixture);
    const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      timeout: 120_000,
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('content/milestones.yaml: entry id "han-bao-cao": field "receivedBy": unknown agency "phong-khong-ton-tai"');
    expect(output).not.toContain('Complete!');
  });
});

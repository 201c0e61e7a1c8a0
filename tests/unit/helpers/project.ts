import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_SITE_URL } from '../../../site.config.mjs';
import { repoRoot } from './content.ts';

/** What a build needs of the project, besides node_modules. */
const PROJECT_FILES = [
  'astro.config.mjs',
  'site.config.mjs',
  'tsconfig.json',
  'package.json',
  'src',
  'public',
  'deploy',
];

/**
 * A throw-away copy of the project for a build of its own: its own dist/, print cache
 * (.cache/) and Astro cache (node_modules/.astro: node_modules is a folder of links to
 * this project's packages, not one link), so it never disturbs this project's build.
 * `content` lists folders to copy in as well (e.g. `{ content: contentDir }`).
 */
export function projectCopy(prefix: string, content: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of PROJECT_FILES) cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  for (const [name, from] of Object.entries(content)) cpSync(from, join(root, name), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite') continue;
    symlinkSync(join(repoRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

/**
 * `astro build` in `root` with the given environment (a local SITE_URL unless it sets one);
 * resolves with its exit code and output.
 */
export function astroBuild(
  root: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', SITE_URL: LOCAL_SITE_URL, ...env },
      timeout: timeoutMs,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const contentDir = join(repoRoot, 'content');
export const fixturesDir = join(repoRoot, 'tests/fixtures');

/** The signed plan's text, whitespace collapsed (the PDF extraction breaks lines mid-sentence). */
export function sourceText(): string {
  return readFileSync(join(contentDir, 'source/ke-hoach-tam-duong-2020.txt'), 'utf8')
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

/**
 * A copy of the real `content/` in a temporary project folder, with the given
 * files replaced (name relative to content/ → new text). Returns the copy's content dir.
 */
export function contentWith(replacements: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'content-fixture-'));
  const dir = join(root, 'content');
  cpSync(contentDir, dir, { recursive: true });
  for (const [name, text] of Object.entries(replacements)) writeFileSync(join(dir, name), text);
  return dir;
}

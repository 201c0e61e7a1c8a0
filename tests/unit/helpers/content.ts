import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { campaignOf, contentDirOf, loadContent } from '../../../src/build/content/load.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
/** The repository's own campaign (Tam Đường 2020): the checks' known-good content and the base of their broken copies. */
export const contentDir = join(repoRoot, 'content');
export const fixturesDir = join(repoRoot, 'tests/fixtures');
/** The made-up second campaign (README there), built by tests/unit/campaign-b.test.ts. */
export const campaignBDir = join(fixturesDir, 'campaign-b');
/** The campaign `npm run build` builds: `CONTENT_DIR`, by default `content/`. */
export const builtContentDir = contentDirOf(repoRoot);

/** The signed plan's text, as its file is (NFC): the file the campaign names in `planText`. */
export function planText(dir = contentDir): string {
  return readFileSync(join(dir, campaignOf(loadContent(dir)).planText), 'utf8').normalize('NFC');
}

/** The signed plan's text, whitespace collapsed (the PDF extraction breaks lines mid-sentence). */
export function sourceText(dir = contentDir): string {
  return planText(dir).replace(/\s+/g, ' ');
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

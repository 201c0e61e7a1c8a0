/**
 * The laid-out lines the manifest records for every artwork (`artworks[].lines`):
 * no protected pair or number and unit split, no one-word last line, no date alone,
 * in any block; and the previews' alt text gives those lines.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { PrintManifest } from '../../src/shared/print-files/manifest';
import { lineRuleViolations } from '../../src/shared/print/line-rules';

const manifest: PrintManifest = JSON.parse(
  readFileSync(new URL('../../dist/tai-lieu/manifest.json', import.meta.url), 'utf8'),
);

test('every artwork of the manifest has its lines, and none breaks a line rule', () => {
  const designs = new Set(manifest.files.map((f) => `${f.sloganId} ${f.formatId} ${f.scheme}`));
  expect(manifest.artworks.map((a) => `${a.sloganId} ${a.formatId} ${a.scheme}`).sort()).toEqual([...designs].sort());
  const problems = manifest.artworks.flatMap((artwork) =>
    Object.entries(artwork.lines).flatMap(([role, lines]) =>
      lineRuleViolations(lines).map((p) => `${artwork.sloganId} ${artwork.formatId} ${role}: ${p}`),
    ),
  );
  expect(problems).toEqual([]);
  console.log(`${manifest.artworks.length} artworks, 0 split pairs, no one-word last line`);
});

test('a preview’s alt text reads the slogan as its artwork sets it', async ({ page }) => {
  const artwork = manifest.artworks.find((a) => a.formatId === 'a4' && a.scheme === 'cam')!;
  await page.goto(`khau-hieu/${artwork.sloganId}/`);
  const preview = page.locator(`main img[src$="${artwork.sloganId}_a4_cam.webp"]`);
  await expect(preview).toHaveAttribute('alt', new RegExp(`${artwork.lines.slogan!.join(' / ')}$`));
});

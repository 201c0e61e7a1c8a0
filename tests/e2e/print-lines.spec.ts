/**
 * The laid-out lines the manifest records for every artwork (`artworks[].lines`):
 * no protected pair or number and unit split, no one-word last line, no date alone,
 * in any block; and the previews' alt text gives those lines.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { PrintManifest } from '../../src/shared/print-files/manifest.ts';
import { repeatsHeader } from '../../src/shared/presentation.ts';
import { lineRuleViolations } from '../../src/shared/print/line-rules.ts';

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

test('no artwork ends its slogan with the plan’s full stop, and none repeats its header', () => {
  const problems = manifest.artworks.flatMap((artwork) => {
    const slogan = artwork.lines.slogan ?? [];
    const heading = (artwork.lines.heading ?? []).join(' ');
    const found: string[] = [];
    if (/\.$/.test(slogan[slogan.length - 1] ?? '')) found.push(`${artwork.sloganId} ${artwork.formatId}: closing "."`);
    if (heading && repeatsHeader(slogan.join(' '), heading))
      found.push(`${artwork.sloganId} ${artwork.formatId}: header repeated`);
    return found;
  });
  expect(problems).toEqual([]);
  // Slogan 1 names the campaign: its artwork carries the theme as header, not the campaign heading.
  const first = manifest.artworks.find((a) => a.sloganId === manifest.files[0]!.sloganId && a.formatId === 'a4')!;
  expect(first.lines.heading!.join(' ')).not.toBe(manifest.heading);
});

test('a slogan page’s title drops the plan’s closing full stop and keeps "!"', async ({ page }) => {
  const texts = new Map(manifest.files.map((f) => [f.sloganId, f.text]));
  for (const [id, text] of [...texts]
    .filter(([, t]) => /[.!]$/.test(t))
    .slice(0, 1)
    .concat([...texts].filter(([, t]) => t.endsWith('!')))) {
    await page.goto(`khau-hieu/${id}/`);
    const title = await page.title();
    expect(title).toContain(text.endsWith('!') ? text : text.slice(0, -1));
    if (text.endsWith('.')) expect(title).not.toContain(text);
  }
});

test('a preview’s alt text reads the slogan as its artwork sets it', async ({ page }) => {
  const artwork = manifest.artworks.find((a) => a.formatId === 'a4' && a.scheme === 'cam')!;
  await page.goto(`khau-hieu/${artwork.sloganId}/`);
  const preview = page.locator(`main img[src$="${artwork.sloganId}_a4_cam.webp"]`);
  await expect(preview).toHaveAttribute('alt', new RegExp(`${artwork.lines.slogan!.join(' / ')}$`));
});

/**
 * Materials a teacher finds on a phone (360 × 740): a "Tải áp phích" entry with
 * poster previews on the home page; on a slogan page the A4 and A3 PDFs as primary
 * buttons, large previews of both schemes and a banner, every other file a target of
 * at least 44 px; /tai-lieu/ split into pages under 25 KB gzip, with an entry for
 * each audience the plan names.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import type { PrintManifest } from '../../src/shared/print-files/manifest.ts';

const manifest: PrintManifest = JSON.parse(
  readFileSync(new URL('../../dist/tai-lieu/manifest.json', import.meta.url), 'utf8'),
);
const sloganIds = [...new Set(manifest.files.map((f) => f.sloganId))];
const id = 'cham-dut-bao-luc-vun-dap-yeu-thuong';

test.use({ viewport: { width: 360, height: 740 } });

test('the home page leads to the posters: previews and a "Tải áp phích" button', async ({ page }) => {
  await page.goto('./');
  const entry = page.locator('section', { has: page.getByRole('heading', { name: 'Tải áp phích' }) });
  await expect(entry.getByRole('link', { name: 'Tải áp phích' })).toHaveAttribute('href', /\/tai-lieu\/$/);
  expect(await entry.locator('img').count()).toBeGreaterThanOrEqual(3);
  await entry.locator('li a').first().click();
  await expect(page).toHaveURL(/\/tai-lieu\/[a-z0-9-]+\/$/);
});

test('a slogan page offers A4 and A3 PDFs first, large previews, and 44 px targets', async ({ page }) => {
  await page.goto(`khau-hieu/${id}/`);
  for (const format of ['A4', 'A3']) {
    const button = page.getByRole('link', { name: `Tải ${format} (PDF)` });
    await expect(button).toHaveAttribute('href', new RegExp(`${id}_${format.toLowerCase()}_cam\\.pdf$`));
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  const previews = page.locator('.downloads__preview img');
  await expect(previews).toHaveCount(3);
  const sources = await previews.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
  expect(sources.join()).toMatch(/_a4_cam\.webp.*_a4_do\.webp.*_bang-ron-[^,]*_cam\.webp/);
  for (const box of await previews.evaluateAll((imgs) => imgs.map((img) => img.getBoundingClientRect().width)))
    expect(box).toBeGreaterThanOrEqual(140);
  const small = await page
    .locator('main a[download]')
    .evaluateAll((links) =>
      links.filter((a) => a.getBoundingClientRect().height < 44).map((a) => a.getAttribute('href')),
    );
  expect(small).toEqual([]);
});

test('every /tai-lieu/ page stays under 25 KB gzip', async ({ request }) => {
  const sizes: Record<string, number> = {};
  for (const path of ['tai-lieu/', ...sloganIds.map((s) => `tai-lieu/${s}/`)]) {
    const body = await (await request.get(path)).body();
    sizes[path] = gzipSync(body).length;
  }
  const over = Object.entries(sizes).filter(([, bytes]) => bytes > 25 * 1024);
  expect(over).toEqual([]);
  console.log(`largest /tai-lieu/ page: ${Math.max(...Object.values(sizes))} bytes gzip`);
});

test('/tai-lieu/ has an entry for schools, unions and print shops', async ({ page }) => {
  await page.goto('tai-lieu/');
  const audiences = page.locator('section', { has: page.getByRole('heading', { name: 'Dành cho ai' }) });
  for (const name of ['Trường học', 'Hội, đoàn thể', 'Cơ sở in'])
    await expect(audiences.getByRole('heading', { name })).toBeVisible();
  await expect(audiences).toContainText('Chỉ đạo các trường xây dựng môi trường giáo dục lành mạnh');
  await expect(audiences.getByRole('link', { name: /Hướng dẫn in/ })).toHaveAttribute('href', '#huong-dan');
  await expect(page.getByRole('link', { name: /SHA256SUMS/ })).toHaveAttribute('href', /\/tai-lieu\/SHA256SUMS$/);
});

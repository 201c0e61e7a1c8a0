/**
 * The print files in the built site: the materials page (/tai-lieu/) lists every
 * file of the manifest, every link downloads exactly that file, and each slogan
 * page shows its own downloads and link preview image.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import pLimit from 'p-limit';
import { basePath } from '../../site.config.mjs';
import type { ManifestBundle, ManifestFile, PrintManifest } from '../../src/shared/print-files/manifest.ts';
import { readZip } from '../unit/print-files/zip-reader.ts';

const manifest: PrintManifest = JSON.parse(
  readFileSync(new URL('../../dist/tai-lieu/manifest.json', import.meta.url), 'utf8'),
);
const printFiles = manifest.files.filter((f) => f.purpose === 'print');
const previews = manifest.files.filter((f) => f.purpose === 'preview');
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const url = (path: string) => `${basePath}${path}`;

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  zip: 'application/zip',
};

/** Fetches every file (a few at a time) and checks type, size and SHA-256 against the manifest. */
async function expectServedAsListed(request: APIRequestContext, entries: readonly (ManifestFile | ManifestBundle)[]) {
  const problems: string[] = [];
  await pLimit(6).map(entries, async (entry) => {
    const response = await request.get(url(entry.path));
    const body = await response.body();
    if (response.status() !== 200) problems.push(`${entry.path}: HTTP ${response.status()}`);
    else if (!response.headers()['content-type']?.startsWith(TYPES[entry.type]!))
      problems.push(`${entry.path}: ${response.headers()['content-type']}`);
    else if (body.length !== entry.bytes)
      problems.push(`${entry.path}: ${body.length} bytes, manifest says ${entry.bytes}`);
    else if (sha256(body) !== entry.sha256) problems.push(`${entry.path}: SHA-256 differs from the manifest`);
  });
  expect(problems).toEqual([]);
}

test.describe('materials page', () => {
  test('lists every print file and bundle once across /tai-lieu/ and its slogan pages, without checksums', async ({
    page,
  }) => {
    expect(printFiles.length).toBeGreaterThan(600);
    const downloads = () =>
      page.locator('main a[download]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    await page.goto('tai-lieu/');
    const links = await downloads();
    const images = await page.locator('main img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
    const sloganIds = [...new Set(printFiles.map((f) => f.sloganId))];
    expect(images).toEqual(sloganIds.map((id) => url(`tai-lieu/xem-truoc/${id}_a4_cam.webp`)));
    for (const id of sloganIds) {
      // Linked from the index; opened directly, so nothing is read from the page before it loads.
      await expect(page.locator(`main a[href="${url(`tai-lieu/${id}/`)}"]`)).toHaveCount(1);
      await page.goto(`tai-lieu/${id}/`);
      links.push(...(await downloads()));
      expect(await page.locator('main .checksum').count()).toBe(0);
      const shown = await page.locator('main img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
      // The WebP as the <img>; its AVIF files in the <source> before it (materials-find.spec.ts).
      expect([...shown].sort()).toEqual(
        previews
          .filter((f) => f.sloganId === id && f.type === 'webp')
          .map((f) => url(f.path))
          .sort(),
      );
      await page.goto('tai-lieu/');
    }
    const expected = [...printFiles, ...manifest.bundles].map((f) => url(f.path));
    expect([...links].sort()).toEqual([...expected].sort());

    await page.goto('tai-lieu/cham-dut-bao-luc-vun-dap-yeu-thuong/');
    const a2pdf = printFiles.find((f) => f.name === 'cham-dut-bao-luc-vun-dap-yeu-thuong_a2_cam.pdf')!;
    await expect(page.locator(`main a[href="${url(a2pdf.path)}"]`)).toHaveAccessibleName(
      /^PDF – khẩu hiệu số 5, Áp phích A2 \(420 × 594 mm\), Nền cam, chữ trắng$/,
    );
  });

  test('every listed file downloads with the size and SHA-256 the manifest gives', async ({ request }) => {
    test.setTimeout(180_000);
    await expectServedAsListed(request, [...manifest.files, ...manifest.bundles]);
    const published = await request.get(url('tai-lieu/manifest.json'));
    expect(await published.json()).toEqual(manifest);
  });

  test('a slogan bundle and a format bundle hold exactly the files the manifest lists, byte for byte', async ({
    request,
  }) => {
    const bySha = new Map(manifest.files.map((f) => [f.name, f.sha256]));
    for (const bundle of [
      manifest.bundles.find((b) => b.scope === 'slogan' && b.sloganId === 'cham-dut-bao-luc-vun-dap-yeu-thuong')!,
      manifest.bundles.find((b) => b.scope === 'format' && b.formatId === 'a2')!,
    ]) {
      const entries = readZip(await (await request.get(url(bundle.path))).body());
      expect(entries.map((e) => e.name)).toEqual(bundle.files);
      // The print files, then DOC-TRUOC-KHI-IN.txt and SHA256SUMS (tests/e2e/print-checksums.spec.ts).
      for (const entry of entries.slice(0, -2)) expect(sha256(entry.data), entry.name).toBe(bySha.get(entry.name));
    }
  });
});

test.describe('slogan page', () => {
  const id = 'cham-dut-bao-luc-doi-voi-phu-nu-va-tre-em';

  test('shows its own downloads, and only its own', async ({ page }) => {
    await page.goto(`khau-hieu/${id}/`);
    const links = await page
      .locator('main a[download]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    const own = printFiles.filter((f) => f.sloganId === id);
    const bundle = manifest.bundles.find((b) => b.sloganId === id)!;
    // The A4 and A3 PDFs are linked twice: as the primary buttons and in their group.
    expect([...new Set(links)].sort()).toEqual([...own.map((f) => url(f.path)), url(bundle.path)].sort());
    await expect(page.getByRole('link', { name: 'Thêm tên đơn vị vào khẩu hiệu này' })).toHaveAttribute(
      'href',
      `${basePath}tao-mau/?khau-hieu=${id}`,
    );
  });

  test('names each file as the materials page does', async ({ page }) => {
    const linkTexts = async (path: string) => {
      await page.goto(path);
      return page
        .locator('main a[download][href*="/tai-lieu/tep/"]:not(.button)')
        .evaluateAll((anchors) =>
          Object.fromEntries(anchors.map((a) => [a.getAttribute('href'), a.firstChild?.textContent])),
        );
    };
    const onSloganPage = await linkTexts(`khau-hieu/${id}/`);
    expect(onSloganPage).toEqual(await linkTexts(`tai-lieu/${id}/`));
    const og = printFiles.find((f) => f.sloganId === id && f.formatId === 'og-1200x630' && f.scheme === 'cam')!;
    expect(onSloganPage[url(og.path)]).toBe('PNG 1.200 × 630 px');
    const a4png = printFiles.find(
      (f) => f.sloganId === id && f.formatId === 'a4' && f.scheme === 'cam' && f.type === 'png',
    )!;
    expect(onSloganPage[url(a4png.path)]).toBe('PNG 150 dpi');
  });

  test('uses its 1200 × 630 PNG as the link preview image', async ({ page, request }) => {
    await page.goto(`khau-hieu/${id}/`);
    const og = manifest.files.find(
      (f) => f.sloganId === id && f.formatId === 'og-1200x630' && f.scheme === 'cam' && f.type === 'png',
    )!;
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(new URL(image!).pathname).toBe(url(og.path));
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
    await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');
    await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute(
      'content',
      new RegExp(og.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    const body = await (await request.get(url(og.path))).body();
    // PNG signature, then IHDR with the width and height.
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

/**
 * The customiser (/tao-mau/) light first: the form works before the engine is
 * there; the engine (layout, SVG) and the print fonts' models load in a worker started
 * by the page's script (its head asks for their files first), and pdf-lib after the
 * engine is ready, before any click. Timings are in `npm run bench`
 * (scripts/bench/customiser.mjs), not here.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { watch } from './helpers.ts';

const vi: Record<string, string> = JSON.parse(readFileSync(new URL('../../src/i18n/vi.json', import.meta.url), 'utf8'));
const UNIT = 'Trường Mầm non Bình Lư';
// The engine is in the worker's own file (engine.worker.ts imports it statically).
const isEngine = (url: string) => /\/_astro\/engine\.worker-[^/]+\.js$/.test(url);
const isPdfLib = (url: string) => /\/_astro\/render-pdf-[^/]+\.js$/.test(url);
const isPrintFont = (url: string) => /\/fonts\/in-an\/[^/]+\.json$/.test(url);

test('the form works before the engine, which loads in a worker, then pdf-lib before any click', async ({ page }) => {
  const { errors } = watch(page);
  const requested: { url: string; at: number }[] = [];
  page.on('request', (request) => requested.push({ url: request.url(), at: Date.now() }));
  // Hold the print fonts: the engine cannot be ready until they are let through.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/fonts\/in-an\/[^/]+\.json$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto('tao-mau/');
  const customiser = page.locator('print-customiser');
  await expect(customiser).toHaveAttribute('data-state', 'loading');
  await expect(page.locator('.js-customiser-status')).toHaveText(vi['customiser.loading']!);
  // The fonts are asked for without any use of the form (the page asks for them itself, in its head).
  await expect.poll(() => requested.filter((r) => isPrintFont(r.url)).length).toBe(2);
  // The build's preview image of the choice is there, sized, and follows the choice.
  const image = page.locator('.js-customiser-preview-image');
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /\/tai-lieu\/xem-truoc\/[^/]+_a4_cam\.webp$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/_a4_cam_226\.avif$/);
  expect(
    await image.evaluate((img: HTMLImageElement) => [img.getAttribute('width'), img.getAttribute('height')]),
  ).toEqual(['226', '320']);
  await page.getByLabel('Khổ', { exact: true }).selectOption('og-1200x630');
  await expect(image).toHaveAttribute('src', /_og-1200x630_cam\.webp$/);
  await expect(image).toHaveJSProperty('naturalWidth', 320);
  // Chromium reads AVIF: the build's AVIF of the choice, at the width it is shown (its WebP for the others).
  expect(await image.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/_og-1200x630_cam_320\.avif$/);
  expect(
    await image.evaluate((img: HTMLImageElement) => [img.getAttribute('width'), img.getAttribute('height')]),
  ).toEqual(['320', '168']);
  await page.getByLabel('Khổ', { exact: true }).selectOption('a4');
  // The form is usable meanwhile, and its buttons wait.
  const field = page.getByLabel(vi['customiser.unit']!);
  await field.pressSequentially(UNIT);
  await expect(field).toHaveValue(UNIT);
  await expect(page.getByRole('button', { name: vi['customiser.downloadPdf']! })).toBeDisabled();
  expect(requested.filter((r) => isPdfLib(r.url))).toEqual([]);

  const releasedAt = Date.now();
  release();
  await expect(customiser).toHaveAttribute('data-state', 'ready');
  // The first preview shows what was typed before the engine was there.
  await expect(page.locator('.js-customiser-unit-shown')).toHaveText(UNIT);
  await expect(page.locator('.js-customiser-preview svg')).toBeVisible();
  await expect(image).toHaveCount(0);
  // The engine ran in a worker, not on the page.
  expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/\/_astro\/engine\.worker-[^/]+\.js$/)]);
  expect(requested.some((r) => isEngine(r.url))).toBe(true);
  // pdf-lib comes once the engine is ready (it could not be before the fonts came), without a click.
  await expect.poll(() => requested.filter((r) => isPdfLib(r.url)).length).toBe(1);
  expect(requested.find((r) => isPdfLib(r.url))!.at).toBeGreaterThanOrEqual(releasedAt);
  expect(errors).toEqual([]);
});

test('typing fast while the worker lays out: every key lands, the preview ends on the last text', async ({ page }) => {
  const { errors } = watch(page);
  await page.goto('tao-mau/');
  await expect(page.locator('print-customiser')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const field = page.getByLabel(vi['customiser.unit']!);
  const text = 'Ủy ban nhân dân xã Nùng Nàng, huyện Tam Đường';
  await field.pressSequentially(text, { delay: 0 });
  await expect(field).toHaveValue(text);
  await expect(page.locator('.js-customiser-unit-shown')).toHaveText(text);
  // Changing the format while the unit line stays: the whole design is drawn anew.
  await page.getByLabel('Khổ', { exact: true }).selectOption('og-1200x630');
  await expect(page.locator('.js-customiser-preview svg')).toHaveAttribute('viewBox', '0 0 1200 630');
  await expect(page.locator('.js-customiser-unit-shown')).toHaveText(text);
  expect(errors).toEqual([]);
});

test('the build’s image of the choice stands for the preview when the engine is ready; its own follows when idle', async ({
  page,
}) => {
  const { errors } = watch(page);
  await page.addInitScript(() => {
    // When the page said it was ready: what stood for the preview then.
    new MutationObserver((_, observer) => {
      const element = document.querySelector('print-customiser[data-state="ready"]');
      if (!element) return;
      observer.disconnect();
      Object.assign(window, {
        atReady: {
          image: element.querySelector<HTMLImageElement>('.js-customiser-preview-image')?.src ?? null,
          svg: element.querySelector('.js-customiser-preview svg') !== null,
        },
      });
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto('tao-mau/?kho=a3');
  await expect(page.locator('print-customiser')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const atReady = await page.evaluate(
    () => (window as unknown as { atReady: { image: string; svg: boolean } }).atReady,
  );
  expect(atReady.image).toMatch(/_a3_cam\.webp$/);
  expect(atReady.svg).toBe(false);
  await expect(page.getByRole('button', { name: vi['customiser.downloadPdf']! })).toBeEnabled();
  // Then the engine's own preview takes the image's place.
  await expect(page.locator('.js-customiser-preview svg')).toBeVisible();
  await expect(page.locator('.js-customiser-preview-image')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('on a phone, the preview below the form shows the unit line typed once it is scrolled to', async ({ page }) => {
  const { errors } = watch(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('tao-mau/');
  await expect(page.locator('print-customiser')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.getByLabel(vi['customiser.unit']!).fill(UNIT);
  await expect(page.locator('.js-customiser-unit-shown')).toHaveText(UNIT);
  await page.locator('.customiser__preview').scrollIntoViewIfNeeded();
  const preview = page.locator('.js-customiser-preview');
  await expect(preview.locator('svg')).toBeVisible();
  await expect(preview).toHaveAttribute('aria-label', new RegExp(UNIT));
  await expect(page.locator('.js-customiser-preview-image')).toHaveCount(0);
  expect(errors).toEqual([]);
});

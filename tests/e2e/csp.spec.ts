/**
 * The site under its own security headers (deploy/security-headers.json, sent by the local
 * server and by deploy/nginx.conf): every page, search, the quick exit and the customiser
 * work with zero `securitypolicyviolation` events. Also run against nginx (`npm run test:nginx`).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths, watch } from './helpers.ts';
import { offline, openAndType, resultLinks, vi } from './search-helpers.ts';

const HEADERS: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../deploy/security-headers.json', import.meta.url), 'utf8'),
);
const POLICY = HEADERS['Content-Security-Policy']!;

/** Records every CSP violation of the page from its first byte, in `window.__violations`. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __violations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test('the policy allows only the site itself, with no unsafe-* source', () => {
  expect(POLICY).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  );
  expect(POLICY).not.toMatch(/'unsafe-(inline|eval|hashes)'/);
});

for (const path of sitemapPaths()) {
  test(`/${path} works under the policy with no violation`, async ({ page }) => {
    const violations = await recordViolations(page);
    const { errors } = watch(page);
    const response = await page.goto(path);
    for (const [name, value] of Object.entries(HEADERS))
      expect(response!.headers()[name.toLowerCase()], name).toBe(value);
    // Its stylesheet and its scripts ran: the headings' font, and the quick exit's element defined by its module.
    expect(await page.locator('.site-header__name').evaluate((el) => getComputedStyle(el).fontFamily)).toContain(
      'Be Vietnam Pro',
    );
    await expect(page.locator('quick-exit')).toBeAttached();
    await expect.poll(() => page.evaluate(() => customElements.get('quick-exit') !== undefined)).toBe(true);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('search finds under the policy (wasm allowed, nothing else)', async ({ page }) => {
  const violations = await recordViolations(page);
  const { errors } = watch(page);
  await page.goto('');
  const dialog = await openAndType(page, 'vun dap');
  await expect(resultLinks(dialog).first()).toBeVisible();
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('the quick exit leaves under the policy', async ({ page, context, baseURL }) => {
  const left = await offline(context, baseURL);
  const violations = await recordViolations(page);
  await page.goto('khau-hieu/');
  expect(await violations()).toEqual([]);
  await page.getByRole('link', { name: vi['quickExit.label'] }).click();
  await expect(page).toHaveTitle('Neutral');
  expect(left.length).toBeGreaterThan(0);
});

test('the customiser previews and makes a PDF under the policy', async ({ page }) => {
  const violations = await recordViolations(page);
  const { errors } = watch(page);
  await page.goto('tao-mau/');
  await expect(page.locator('print-customiser')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.getByLabel(vi['customiser.unit']).fill('Xã Bản Bo');
  await expect(page.locator('.js-customiser-preview svg')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: vi['customiser.downloadPdf'] }).click(),
  ]);
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

/**
 * The offline copy, on request ("Lưu để đọc khi không có mạng" on /tro-giup/): saved, the site
 * reads with the network cut; never saved, no service worker and no request for it; removed,
 * nothing remains; a new build replaces it whole. The project blocks service workers for every
 * other spec (playwright.config.ts); this one allows them, in a fresh browser context per test.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { watch } from './helpers.ts';
import { openAndType, resultLinks, resultPaths, searchPage, SLOGAN_5, vi } from './search-helpers.ts';

test.use({ serviceWorkers: 'allow', viewport: { width: 360, height: 740 } });
// Saving downloads the whole copy (about 3 MB) first: slow on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const SLOGAN_5_TEXT = 'Chấm dứt bạo lực, vun đắp yêu thương.';

const status = (page: Page) => page.locator('.js-offline-status');
const saveButton = (page: Page) => page.getByRole('button', { name: vi['offline.save'] });
const removeButton = (page: Page) => page.getByRole('button', { name: vi['offline.remove'] });

/** The site's service worker registrations and cache names, as the page sees them. */
const storage = (page: Page) =>
  page.evaluate(async () => ({
    registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
    caches: await caches.keys(),
  }));

/** Opens /tro-giup/, presses "save" with the keyboard and waits until the copy is complete. */
async function saveCopy(page: Page) {
  await page.goto('tro-giup/#doc-khi-khong-co-mang');
  await saveButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(vi['offline.saved'], { timeout: 45_000 });
  // The next step has focus; the manifest is linked now that a copy exists.
  await expect(removeButton(page)).toBeFocused();
  await expect(saveButton(page)).toBeHidden();
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
}

/** Every URL the context requests, the service worker's own requests included. */
function allRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('after saving, home, a slogan, the plan and search work with the network cut; an unsaved address shows the offline page', async ({
  page,
  context,
}) => {
  const { errors } = watch(page);
  await saveCopy(page);
  await context.setOffline(true);
  const failed: { path: string; error: string | undefined }[] = [];
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    // Cut short by the next navigation (the favicon's request, at times): not one the copy missed.
    if (error === 'net::ERR_ABORTED') return;
    failed.push({ path: new URL(request.url()).pathname, error });
  });

  await page.goto('');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.slogan-list, ol, ul').first()).toBeVisible();
  // The stylesheet came from the saved copy: headings are in the brand font (body text is the system's).
  expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Be Vietnam Pro');

  await page.goto(SLOGAN_5);
  await expect(page.locator('h1')).toHaveText(/5/);
  await expect(page.locator('main')).toContainText(SLOGAN_5_TEXT);

  await page.goto('ke-hoach/');
  await expect(page.locator('main')).toContainText(SLOGAN_5_TEXT);

  // The header's search (Pagefind, its WebAssembly and index, all from the copy) …
  await page.goto('');
  const dialog = await openAndType(page, 'vun dap');
  await expect(resultLinks(dialog).first()).toBeVisible();
  expect((await resultPaths(dialog))[0]).toMatch(/cham-dut-bao-luc-vun-dap-yeu-thuong\/$/);
  // … and the search page, whose address holds the query.
  await searchPage(page, 'to cao');
  await expect(resultLinks(page).first()).toBeVisible();

  // Never saved: an address the site does not have, and a print file never downloaded.
  const missing = await page.goto('khau-hieu/khong-co-trang-nay/');
  expect(missing?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText(vi['offlinePage.title']);
  await expect(page.locator('main')).toContainText(vi['offlinePage.body']);
  await expect(page.locator('main').getByRole('link', { name: vi['nav.plan'] })).toBeVisible();
  await page.getByRole('link', { name: vi['nav.plan'] }).last().click();
  await expect(page).toHaveURL(/ke-hoach\/$/);

  await context.setOffline(false);
  // What failed offline is print files' previews never seen online (not in the copy) and
  // nothing else: every page's styles, scripts, fonts and search came from the copy.
  expect(
    failed
      .filter(({ path }) => !/\/tai-lieu\/xem-truoc\/[^/]+\.(webp|avif)$/.test(path))
      .map(({ path, error }) => `${path} (${error})`),
  ).toEqual([]);
  expect(errors.filter((error) => !error.includes('net::ERR_FAILED'))).toEqual([]);
});

test('print files are never in the copy, but one downloaded while online stays available offline', async ({
  page,
  context,
}) => {
  await saveCopy(page);
  const files = await page.evaluate(async () => {
    const manifest = (await (await fetch('../tai-lieu/manifest.json')).json()) as {
      files: { path: string; type: string; bytes: number }[];
    };
    const pdfs = manifest.files.filter((file) => file.type === 'pdf');
    return { fetched: pdfs[0]!, never: pdfs[1]! };
  });
  // Nothing of tai-lieu/ but its pages is in the precache.
  const precached = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.includes('precache'));
    const urls: string[] = [];
    for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });
  expect(precached.length).toBeGreaterThan(50);
  expect(
    precached.filter((url) => /\/tai-lieu\/.*\.(pdf|zip|svg|png|webp|json|txt)(\?|$)|SHA256SUMS/.test(url)),
  ).toEqual([]);

  const size = (path: string) =>
    page.evaluate(async (url) => {
      try {
        const response = await fetch(url);
        return response.ok ? (await response.arrayBuffer()).byteLength : -response.status;
      } catch {
        return 'failed';
      }
    }, `../${path}`);
  expect(await size(files.fetched.path)).toBe(files.fetched.bytes);

  await context.setOffline(true);
  expect(await size(files.fetched.path)).toBe(files.fetched.bytes);
  expect(await size(files.never.path)).toBe('failed');
  await context.setOffline(false);
});

test('the offline page is accessible and kept out of the sitemap and the search index', async ({ page, request }) => {
  await page.goto('ngoai-tuyen/');
  await expect(page.locator('h1')).toHaveText(vi['offlinePage.title']);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('main')).not.toHaveAttribute('data-pagefind-body');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  expect(await (await request.get('sitemap.xml')).text()).not.toContain('ngoai-tuyen');
});

test('without opting in, no service worker is registered and neither it nor the manifest is fetched', async ({
  page,
  context,
}) => {
  const urls = allRequests(context);
  for (const path of ['', SLOGAN_5, 'ke-hoach/', 'tro-giup/', 'tim-kiem/?q=vun%20dap']) {
    await page.goto(path);
    // The page's scripts ran (the quick exit's element is defined by its module).
    await expect.poll(() => page.evaluate(() => customElements.get('quick-exit') !== undefined)).toBe(true);
  }
  // The control is there and ready, untouched.
  await page.goto('tro-giup/');
  await expect(saveButton(page)).toBeVisible();
  await expect(removeButton(page)).toBeHidden();
  await expect(status(page)).toHaveText('');
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);

  expect(await storage(page)).toEqual({ registrations: [], caches: [] });
  expect(urls.filter((url) => /\/(sw\.js|manifest\.webmanifest|icons\/)/.test(url))).toEqual([]);
  expect(context.serviceWorkers()).toEqual([]);
});

test('"remove" unregisters the worker and deletes every cache, and says so', async ({ page, context }) => {
  await saveCopy(page);
  expect((await storage(page)).registrations).toHaveLength(1);
  expect((await storage(page)).caches.length).toBeGreaterThan(0);

  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(vi['offline.removed']);
  await expect(saveButton(page)).toBeFocused();
  await expect(removeButton(page)).toBeHidden();
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
  expect(await storage(page)).toEqual({ registrations: [], caches: [] });

  // Still nothing on the next visit, and the pages come from the network again.
  await page.goto('tro-giup/');
  await expect(saveButton(page)).toBeVisible();
  expect(await storage(page)).toEqual({ registrations: [], caches: [] });
  await context.setOffline(true);
  await expect(page.goto('ke-hoach/')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  await context.setOffline(false);
});

test('on return, the help page says a copy is saved and offers only "remove"', async ({ page }) => {
  // The worker and the manifest are the site's own files: the policy (default-src 'self') lets them be.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __violations: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
  });
  await saveCopy(page);
  await page.goto('');
  await page.goto('tro-giup/');
  await expect(status(page)).toHaveText(vi['offline.isSaved']);
  await expect(removeButton(page)).toBeVisible();
  await expect(saveButton(page)).toBeHidden();
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
  // The manifest and its icons are in the copy and name the site.
  const manifest = await page.evaluate(async () => (await fetch('../manifest.webmanifest')).json());
  expect(manifest).toMatchObject({ lang: 'vi', start_url: './', display: 'standalone' });
  expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(['192x192', '512x512', 'any']);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});

/** Serves a copy of dist/ (print files left out) on a free port; `stop` ends the server and deletes the copy. */
async function serveCopyOfDist() {
  const root = mkdtempSync(join(tmpdir(), 'offline-e2e-'));
  cpSync('dist', root, { recursive: true, filter: (path) => !/\/tai-lieu\/(tep|xem-truoc|goi)(\/|$)/.test(path) });
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--dir', root]);
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const match = / at (http:\/\/\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    server.on('exit', (code) => reject(new Error(`scripts/serve.mjs exited (${code})`)));
  });
  return {
    root,
    url,
    stop: () => {
      server.kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The cache keys of the copy whose address holds `path`. */
const copyKeys = (page: Page, path: string) =>
  page.evaluate(async (path) => {
    const keys: string[] = [];
    for (const name of await caches.keys())
      if (name.includes('precache'))
        for (const request of await (await caches.open(name)).keys())
          if (new URL(request.url).pathname.endsWith(path)) keys.push(request.url);
    return keys;
  }, path);

test('a new build replaces the copy whole, once the pages of the old one are closed', async ({ browser }) => {
  const site = await serveCopyOfDist();
  const context = await browser.newContext({
    baseURL: site.url,
    serviceWorkers: 'allow',
    locale: 'vi-VN',
    viewport: { width: 360, height: 740 },
  });
  try {
    const page = await context.newPage();
    await saveCopy(page);
    const [oldKey] = await copyKeys(page, '/ke-hoach/index.html');
    expect(oldKey).toBeTruthy();

    // The new build: one page changed, its revision in sw.js with it (the build's MD5, cut).
    const file = join(site.root, 'ke-hoach/index.html');
    const html = readFileSync(file, 'utf8').replace('<html ', '<html data-build="2" ');
    writeFileSync(file, html);
    const revision = createHash('md5').update(html).digest('hex').slice(0, 12);
    const worker = readFileSync(join(site.root, 'sw.js'), 'utf8');
    const newWorker = worker.replace(/(\["ke-hoach\/index\.html",")[0-9a-f]+"/, `$1${revision}"`);
    expect(newWorker).not.toBe(worker);
    writeFileSync(join(site.root, 'sw.js'), newWorker);

    // The browser finds the new worker; it installs beside the old copy and waits.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state))
      .toBe('installed');
    expect((await copyKeys(page, '/ke-hoach/index.html')).sort()).toEqual(
      [oldKey, oldKey!.replace(/[0-9a-f]{12}$/, revision)].sort(),
    );
    // The open page still gets the old build, online and offline.
    const builtAs = () =>
      page.evaluate(async () => {
        const text = await (await fetch('../ke-hoach/')).text();
        return new DOMParser().parseFromString(text, 'text/html').documentElement.dataset.build ?? 'old';
      });
    expect(await builtAs()).toBe('old');
    await context.setOffline(true);
    expect(await builtAs()).toBe('old');
    await context.setOffline(false);

    // Its last page closed, the next visit gets the new worker and the new build only. The
    // browser activates the waiting worker once the old one has no page left; a visit that
    // starts before it has noticed (a loaded machine) is still the old worker's, and the new
    // one waits for that page too: such a visit is closed and made again, as a person would
    // come back later.
    await page.close();
    const workerState = (visit: Page) =>
      visit.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return [registration?.waiting ?? null, registration?.active?.state];
      });
    let next = await context.newPage();
    for (let visit = 1; ; visit++) {
      await next.goto('');
      const state = await expect
        .poll(() => workerState(next), { timeout: 3_000 })
        .toEqual([null, 'activated'])
        .then(
          () => 'activated',
          (error: unknown) => error,
        );
      if (state === 'activated') break;
      if (visit === 5) throw state;
      await next.close();
      // No page of the site open for a moment: the waiting worker's turn.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      next = await context.newPage();
    }
    await expect
      .poll(() => copyKeys(next, '/ke-hoach/index.html'))
      .toEqual([oldKey!.replace(/[0-9a-f]{12}$/, revision)]);
    await context.setOffline(true);
    await next.goto('ke-hoach/');
    await expect(next.locator('html')).toHaveAttribute('data-build', '2');
    await next.goto('');
    await expect(next.locator('h1')).toBeVisible();
    await context.setOffline(false);
  } finally {
    await context.close();
    site.stop();
  }
});

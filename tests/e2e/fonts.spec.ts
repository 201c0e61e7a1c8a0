/**
 * The site's one web font (README "Fonts"): Be Vietnam Pro Bold, cut to the campaign's
 * characters, for headings and slogans; body text in the system font. Checked as a reader's
 * browser gets it: nothing from another origin, the one preloaded file is what the first
 * screen draws, every character drawn in it is in it, its fallback is metric-matched, and
 * a font that comes late moves nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths } from './helpers.ts';

test.use({ viewport: { width: 360, height: 740 } });

const FIRST_SCREENS = ['', 'khau-hieu/', 'ke-hoach/', 'tro-giup/', 'tao-mau/'];

interface Face {
  family: string;
  src: string;
  display: string;
  sizeAdjust: string;
  ascent: string;
  descent: string;
}

/** The `@font-face` rules of the page's stylesheets, in layers or not. */
function fontFaces(page: Page): Promise<Face[]> {
  return page.evaluate(() => {
    const faces: Face[] = [];
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSFontFaceRule) {
          const get = (name: string) => rule.style.getPropertyValue(name).trim();
          faces.push({
            family: get('font-family').replace(/^["']|["']$/g, ''),
            src: get('src'),
            display: get('font-display'),
            sizeAdjust: get('size-adjust'),
            ascent: get('ascent-override'),
            descent: get('descent-override'),
          });
        } else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return faces;
  });
}

/** The first family of an element's computed font-family. */
const firstFamily = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) =>
      getComputedStyle(el)
        .fontFamily.split(',')[0]!
        .trim()
        .replace(/^["']|["']$/g, ''),
    );

/** The preloaded font files of the page, as absolute URLs. */
const preloadedFonts = (page: Page) =>
  page.locator('link[rel="preload"][as="font"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));

/** The brand face: the @font-face whose file is preloaded. */
async function brandFace(page: Page) {
  const [preload, ...more] = await preloadedFonts(page);
  expect(more, 'one font file preloaded').toEqual([]);
  const path = new URL(preload!).pathname;
  const face = (await fontFaces(page)).find((f) => f.src.includes(path));
  expect(face, `an @font-face uses ${path}`).toBeDefined();
  return { preload: preload!, path, face: face! };
}

/** One page of each kind: each first path segment, its index and one page under it. */
function pageOfEachKind(): string[] {
  const seen = new Map<string, string>();
  for (const path of sitemapPaths()) {
    const [section = '', rest = ''] = path.split('/');
    const kind = `${section}/${rest ? '*' : ''}`;
    if (!seen.has(kind)) seen.set(kind, path);
  }
  return [...seen.values()];
}

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

test('no built page or stylesheet names a font on another origin', () => {
  const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|css)$/.test(f));
  const pages = files.filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(40);
  for (const file of files) {
    const text = readFileSync(join(DIST, file), 'utf8');
    const fontLinks = [...text.matchAll(/<link\b[^>]*\bas="font"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]!);
    const faceUrls = [...text.matchAll(/@font-face\s*\{[^}]*\}/g)].flatMap((m) =>
      [...m[0].matchAll(/url\(\s*["']?([^"')]+)/g)].map((u) => u[1]!),
    );
    // Site-relative paths only: no scheme, no `//host`.
    for (const url of [...fontLinks, ...faceUrls]) expect(url, file).toMatch(/^\/(?!\/)/);
    if (file.endsWith('.html')) expect(text, file).not.toMatch(/@import|fonts\.(googleapis|gstatic)|<style/);
  }
});

test('pages load only their preloaded font file, from the site', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const fonts: string[] = [];
  // Routing turns the HTTP cache off: every page's font requests are seen.
  await page.route('**/*', (route) => {
    if (route.request().resourceType() === 'font') fonts.push(route.request().url());
    return route.continue();
  });
  for (const path of FIRST_SCREENS) {
    fonts.length = 0;
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const preloads = await preloadedFonts(page);
    for (const url of fonts) expect(new URL(url).origin, `${path}: ${url}`).toBe(origin);
    expect(new Set(fonts), `${path}: the fonts it loads`).toEqual(new Set(preloads));
  }
});

for (const path of FIRST_SCREENS) {
  test(`/${path}: the preloaded font draws the first screen and is not wasted`, async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (/preload/i.test(msg.text())) warnings.push(msg.text());
    });
    await page.goto(path);
    const { preload, face } = await brandFace(page);
    expect(face.display).toBe('optional');
    await page.evaluate(() => document.fonts.ready);
    // The site's name in the header and the page's h1, on the first screen, are set in it.
    for (const selector of ['.site-header__name', 'main h1']) {
      expect(await firstFamily(page, selector), selector).toBe(face.family);
      const box = (await page.locator(selector).first().boundingBox())!;
      expect(box.y, `${selector} on the first screen`).toBeLessThan(740);
    }
    const used = await page.evaluate(
      (family) =>
        [...document.fonts].some((f) => f.family.replace(/^["']|["']$/g, '') === family && f.status === 'loaded'),
      face.family,
    );
    expect(used, 'the face is loaded').toBe(true);
    // Fetched once: the preload matches the stylesheet's request (crossorigin, type).
    const fetched = await page.evaluate(
      (url) => performance.getEntriesByType('resource').filter((e) => e.name === url).length,
      preload,
    );
    expect(fetched).toBe(1);
    // Chromium warns 3 s after load about a preload nothing used.
    await page.waitForTimeout(3500);
    expect(warnings).toEqual([]);
  });
}

test('every character drawn in the brand font is in its file (a page of each kind)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('');
  const { path: fontPath, face } = await brandFace(page);
  const file = fileURLToPath(new URL(`../../dist${fontPath}`, import.meta.url));
  const font = fontkit.create(readFileSync(file)) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
  const drawn = new Map<string, string>();
  for (const path of pageOfEachKind()) {
    await page.goto(path);
    const text = await page.evaluate((family) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !el.checkVisibility()) continue;
        const first = getComputedStyle(el)
          .fontFamily.split(',')[0]!
          .trim()
          .replace(/^["']|["']$/g, '');
        if (first === family) out.push(node.textContent ?? '');
      }
      return out.join(' ');
    }, face.family);
    for (const c of text) if (!drawn.has(c)) drawn.set(c, path);
  }
  expect(drawn.size, 'headings were found').toBeGreaterThan(40);
  const missing = [...drawn].filter(([c]) => /\S/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0)!));
  expect(missing).toEqual([]);
});

test('the fallback is metric-matched and comes right after the font', async ({ page }) => {
  await page.goto('');
  const { face } = await brandFace(page);
  const fallbacks = (await fontFaces(page)).filter((f) => f.family.startsWith(`${face.family} fallback`));
  expect(fallbacks.length).toBeGreaterThan(0);
  for (const f of fallbacks) {
    expect(f.src).toMatch(/^local\(/);
    for (const value of [f.sizeAdjust, f.ascent, f.descent]) expect(value).toMatch(/^\d+(\.\d+)?%$/);
  }
  const stack = (await page.locator('main h1').evaluate((el) => getComputedStyle(el).fontFamily))
    .split(',')
    .map((s) => s.trim().replace(/^["']|["']$/g, ''));
  expect(stack.slice(0, 1 + fallbacks.length)).toEqual([face.family, ...fallbacks.map((f) => f.family)]);
  // Body text is the system's font: nothing to download, nothing to swap.
  // (Arial's metrics before the Linux system-ui, DejaVu Sans, which is much wider.)
  const body = await page
    .locator('main p')
    .first()
    .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(body).toContain('system-ui');
  expect(body).not.toContain(face.family);
});

/** The fonts Chromium really drew an element's text with (CDP), by family name. */
async function drawnWith(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

test('a font that arrives after the first paint is not swapped in: nothing moves', async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.assign(window, { __shifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let arrived!: () => void;
  const fontArrived = new Promise<void>((resolve) => (arrived = resolve));
  // The file is held until the page has been measured on screen, however slow the machine.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.woff2$/, async (route) => {
    await released;
    await route.continue();
    arrived();
  });
  // Not waiting for `load`: a preloaded file holds it back, and the page is drawn before.
  await page.goto('khau-hieu/cham-dut-bao-luc-vun-dap-yeu-thuong/', { waitUntil: 'commit' });
  // Measured once the page is on screen: the first contentful paint comes after the render-blocking
  // stylesheet, so a slow machine cannot hand us the heading's box from before its styles arrived.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
    timeout: 15_000,
  });
  await expect(page.locator('main h1')).toBeVisible();
  const before = await page.locator('main h1').boundingBox();
  release();
  await fontArrived;
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  // Still the fallback (a swap would have drawn Be Vietnam Pro now), in the same place.
  expect(await drawnWith(page, 'main h1')).not.toContain('Be Vietnam Pro');
  expect(await page.locator('main h1').boundingBox()).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
  // The next page, the file now at hand, is drawn in it.
  await page.unrouteAll();
  await page.goto('khau-hieu/');
  expect(await drawnWith(page, 'main h1')).toEqual(['Be Vietnam Pro']);
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths, watch } from './helpers.ts';

const paths = sitemapPaths();

test('the sitemap lists every kind of page', () => {
  for (const expected of [
    '',
    'khau-hieu/',
    'khau-hieu/cham-dut-bao-luc-vun-dap-yeu-thuong/',
    'can-cu-phap-ly/',
    'hoat-dong/',
    'trach-nhiem/',
    'trach-nhiem/phong-giao-duc-va-dao-tao/',
    'lich-trinh/',
    'ke-hoach/',
    'tro-giup/',
    'tai-lieu/',
    'tao-mau/',
  ]) {
    expect(paths).toContain(expected);
  }
  expect(paths.filter((p) => p.startsWith('khau-hieu/') && p !== 'khau-hieu/')).toHaveLength(14);
});

for (const path of paths) {
  test(`/${path} loads cleanly, in Vietnamese, accessibly, without leaving the site`, async ({ page, baseURL }) => {
    // axe with every rule takes long on the biggest page (/tai-lieu/), more on a busy machine.
    test.setTimeout(180_000);
    const { errors, requests } = watch(page);
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.evaluate(() => document.fonts.ready);

    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^.{40,}$/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    for (const property of ['og:title', 'og:description', 'og:url', 'og:type', 'og:locale']) {
      await expect(page.locator(`meta[property="${property}"]`)).toHaveAttribute('content', /\S/);
    }
    await expect(page.locator('quick-exit')).toHaveCount(1);

    // Every rule axe runs by default: WCAG A and AA and its best practices (landmarks, regions…).
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const origin = new URL(baseURL!).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('an unknown address gets the Vietnamese 404 page', async ({ page }) => {
  const { errors } = watch(page);
  const response = await page.goto('khong-co-trang-nay/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Không tìm thấy trang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});

test('pages print on A4 without navigation or the quick exit', async ({ page }) => {
  await page.goto('ke-hoach/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-nav')).toBeHidden();
  await expect(page.locator('quick-exit')).toBeHidden();
  await expect(page.locator('h1')).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // Every page's MediaBox is A4: 595.28 × 841.89 pt (Chromium rounds to a few hundredths).
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  expect(boxes.length).toBeGreaterThan(0);
  for (const [, w, h] of boxes) {
    expect(Math.abs(Number(w) - 595.28)).toBeLessThan(1);
    expect(Math.abs(Number(h) - 841.89)).toBeLessThan(1);
  }
});

test('slogan 6 shows the fixed text and the recorded note', async ({ page }) => {
  await page.goto('khau-hieu/cham-dut-bao-luc-doi-voi-phu-nu-va-tre-em/');
  await expect(page.locator('.slogan-quote')).toHaveText('Chấm dứt bạo lực đối với phụ nữ và trẻ em.');
  await expect(page.getByRole('note')).toContainText('Chấm đứt');
});

test('the help page never calls 1900 969 680 free', async ({ page }) => {
  await page.goto('tro-giup/');
  const line = page.locator('#ngoi-nha-binh-yen');
  await expect(line).toContainText('1900 969 680');
  await expect(line).not.toContainText(/miễn phí/i);
  await expect(page.locator('#tong-dai-111')).toContainText('miễn phí');
});

for (const [label, viewport, fontSize] of [
  ['a 320 px phone', { width: 320, height: 640 }, 16],
  ['a 360 px phone with text at 200 %', { width: 360, height: 740 }, 32],
] as const) {
  test(`no page scrolls sideways on ${label}`, async ({ browser }) => {
    test.setTimeout(240_000); // every page of the sitemap, one after the other
    const page = await browser.newPage({ viewport });
    // The reader's default text size, as the browser's setting sets it (rem and em follow).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: fontSize, fixed: Math.round(fontSize * 0.8) } });
    const overflowing: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      const extra = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (extra > 0) overflowing.push(`/${path}: ${extra}px`);
    }
    await page.close();
    expect(overflowing).toEqual([]);
  });
}

test('on a phone the menu keeps "Tìm trợ giúp" in view without scrolling', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  await page.goto('khau-hieu/');
  const help = page.locator('.site-nav').getByRole('link', { name: 'Tìm trợ giúp' });
  await expect(help).toBeInViewport({ ratio: 1 });
  await page.close();
});

test('the home page has a link-preview image (Open Graph) that loads', async ({ page, request, baseURL }) => {
  await page.goto('./');
  const image = page.locator('meta[property="og:image"]');
  await expect(image).toHaveAttribute('content', /\.png$/);
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /\S/);
  // The URL is absolute (SITE_URL); fetch its path from the test server.
  const response = await request.get(new URL(new URL((await image.getAttribute('content'))!).pathname, baseURL).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\/png/);
});

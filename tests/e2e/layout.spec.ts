/**
 * Layout details found by trying the site as a reader: the menu lines up with the content on a
 * desktop, texts never run together, and the search's close button holds its word.
 */
import { expect, test, type Page } from '@playwright/test';
import { EDUCATION, vi } from './search-helpers.ts';

/** Left edge of the first line of text inside the element. */
const textLeft = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getClientRects()[0]!.left;
    });

test('on a desktop the menu lines up with the content and fits on one row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('khau-hieu/');
  expect(Math.abs((await textLeft(page, '.site-nav a')) - (await textLeft(page, 'main h1')))).toBeLessThan(1);
  const rows = await page
    .locator('.site-nav a')
    .evaluateAll((as) => new Set(as.map((a) => a.getBoundingClientRect().top)).size);
  expect(rows).toBe(1);
});

test('texts do not run together (read without styles, by a screen reader or copied)', async ({ page }) => {
  await page.goto('./');
  expect(await page.locator('.dates').textContent()).toMatch(/20\/12\/2020 Hạn gửi/);
  await page.goto(EDUCATION);
  expect(await page.locator('main').textContent()).toContain(`huyện. ${vi['agency.timelineLink']}`);
});

for (const standard of [16, 32]) {
  test(`the search's close button holds its word, text at ${standard * 6.25} %`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard, fixed: 13 } });
    await page.goto('./');
    await page.keyboard.press('/');
    const close = page.getByRole('button', { name: vi['search.close'] });
    await expect(close).toBeVisible();
    const [scroll, client] = await close.evaluate((b) => [b.scrollWidth, b.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    const box = (await close.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  });
}

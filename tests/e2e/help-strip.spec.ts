/**
 * The help strip (src/components/help/HelpStrip.astro): from every page, on a 360 × 740 phone,
 * at normal and at 200 % text size, one tap calls 113 or 111, and nothing covers the buttons.
 */
import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths } from './helpers.ts';

const paths = sitemapPaths();
const PHONE = { width: 360, height: 740 };

/** Text at 200 %: the browser's default font size doubled, as a reader's setting does (rem and em follow). */
async function doubleTextSize(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
}

/** Each call link's box and whether it is the topmost element at its centre. */
async function callLinks(page: Page, numbers: string[]) {
  return page.evaluate((wanted) => {
    return wanted.map((number) => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>(`a[href="tel:${number}"]`)];
      const link = links[0];
      if (!link) return { number, found: false };
      const box = link.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {
        number,
        found: true,
        width: box.width,
        height: box.height,
        top: box.top,
        bottom: box.bottom,
        right: box.right,
        onTop: !!hit && link.contains(hit),
      };
    });
  }, numbers);
}

for (const textSize of ['100 %', '200 %']) {
  test(`every page has one-tap 113 and 111 in the first screen at 360 × 740, text ${textSize}`, async ({ browser }) => {
    test.setTimeout(240_000); // every page of the sitemap, one after the other
    const page = await browser.newPage({ viewport: PHONE });
    if (textSize === '200 %') await doubleTextSize(page);
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      for (const link of await callLinks(page, ['113', '111'])) {
        const where = `/${path} tel:${link.number}`;
        if (!link.found) {
          problems.push(`${where}: missing`);
          continue;
        }
        if (link.width! < 44 || link.height! < 44) problems.push(`${where}: ${link.width} × ${link.height} px`);
        if (link.top! < 0 || link.bottom! > PHONE.height || link.right! > PHONE.width)
          problems.push(`${where}: outside the first screen (${link.top}–${link.bottom})`);
        if (!link.onTop) problems.push(`${where}: covered by another element`);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  });
}

test('the strip says "Cần giúp ngay?", links to the help page and prints as the numbers', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('khau-hieu/');
  const strip = page.getByRole('complementary', { name: 'Cần giúp ngay?' });
  await expect(strip.getByRole('link', { name: 'Cần giúp ngay?' })).toHaveAttribute('href', /\/tro-giup\/$/);
  await expect(strip.getByRole('link', { name: /^Gọi 113/ })).toHaveAttribute('href', 'tel:113');
  await expect(strip.getByRole('link', { name: /^Gọi 111/ })).toHaveAttribute('href', 'tel:111');
  await page.emulateMedia({ media: 'print' });
  await expect(strip).toBeVisible();
  await expect(strip).toContainText('113');
  await expect(strip).toContainText('111');
});

test('the quick exit never covers content: headings scrolled into view stay clear of it', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('tro-giup/');
  const exitBox = (await page.locator('.quick-exit').boundingBox())!;
  for (const heading of await page.locator('main h2').all()) {
    await heading.evaluate((h) => h.scrollIntoView());
    const box = (await heading.boundingBox())!;
    // scrollIntoView honours scroll-padding: the heading starts below the quick exit's bar.
    expect(box.y).toBeGreaterThanOrEqual(exitBox.height);
  }
  // At the top of the page, the bar holds nothing but the quick exit.
  await page.evaluate(() => window.scrollTo(0, 0));
  const covered = await page.evaluate(() => {
    const bar = document.querySelector('.quick-exit')!.getBoundingClientRect();
    return [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('.quick-exit, .skip-link') && el.getClientRects().length)
      .filter((el) => el.getBoundingClientRect().top < bar.bottom && el.getBoundingClientRect().height > 0)
      .map((el) => el.tagName);
  });
  expect(covered).toEqual([]);
});

test('every call link of every page, the footer’s too, is at least 44 × 44 px at 360 × 740', async ({ browser }) => {
  test.setTimeout(240_000); // every page of the sitemap, one after the other
  const page = await browser.newPage({ viewport: PHONE });
  const problems: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const links = await page.locator('a[href^="tel:"]').evaluateAll((as) =>
      as
        .filter((a) => a.checkVisibility())
        .map((a) => {
          const box = a.getBoundingClientRect();
          return { href: a.getAttribute('href'), footer: !!a.closest('footer'), width: box.width, height: box.height };
        }),
    );
    if (!links.some((link) => link.footer)) problems.push(`/${path}: no call link in the footer`);
    for (const link of links)
      if (link.width < 44 || link.height < 44)
        problems.push(`/${path} ${link.href}${link.footer ? ' (footer)' : ''}: ${link.width} × ${link.height} px`);
  }
  await page.close();
  expect(problems).toEqual([]);
});

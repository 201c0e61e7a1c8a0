/**
 * Search UI, in Chromium, against the built site: keyboard use, the quick exit above the
 * dialog, accessibility with results open, and the site without JavaScript (src/components/search/).
 */

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { basePath } from '../../site.config.mjs';
import { sitemapPaths, WCAG_TAGS } from './helpers.ts';
import { SLOGAN_5, offline, openAndType, resultLinks, searchPage, vi } from './search-helpers.ts';

test.describe('keyboard only', () => {
  test('/ opens the search, Tab reaches the results and Enter opens one', async ({ page }) => {
    await page.goto('./');
    const dialog = await openAndType(page, 'vun dap');
    await expect(dialog.getByRole('searchbox')).toBeFocused();
    await expect(dialog.getByRole('searchbox')).toHaveValue('vun dap'); // the "/" itself was not typed

    const first = resultLinks(dialog).first();
    for (let i = 0; i < 10 && !(await first.evaluate((a) => a === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
      // Focus never leaves the dialog (the quick exit aside).
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog, .quick-exit'))).toBe(true);
    }
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${basePath}${SLOGAN_5}`);
  });

  test('the header button opens it, Esc closes it and focus returns to the button', async ({ page }) => {
    await page.goto('./');
    const button = page.getByRole('button', { name: vi['search.open'] });
    for (let i = 0; i < 6 && !(await button.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: vi['search.dialogTitle'] });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('searchbox')).toBeFocused();
    // The page behind is out of reach while the dialog is open.
    await expect(page.locator('main')).toHaveJSProperty('inert', true);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expect(page.locator('main')).toHaveJSProperty('inert', false);
  });

  test('Tab cycles through the dialog and the quick exit only', async ({ page }) => {
    await page.goto('./');
    await openAndType(page, 'bao luc');
    const visited = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      visited.add(
        await page.evaluate(() => {
          const el = document.activeElement;
          return el?.closest('dialog') ? 'dialog' : el?.closest('.quick-exit') ? 'quick exit' : (el?.tagName ?? 'none');
        }),
      );
    }
    expect([...visited].filter((where) => where !== 'BODY').sort()).toEqual(['dialog', 'quick exit']);
  });
});

test('the quick exit stays on top and usable while the search dialog is open', async ({ page, context, baseURL }) => {
  const left = await offline(context, baseURL);
  await page.goto('./');
  const dialog = await openAndType(page, 'bao luc');
  const quickExit = page.getByRole('link', { name: vi['quickExit.label'] });
  const exitUrl = (await quickExit.getAttribute('href'))!;

  // By keyboard: Shift+Tab from the dialog's first control.
  await dialog.getByRole('button', { name: vi['search.close'] }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(quickExit).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: vi['search.close'] })).toBeFocused();

  // By pointer: Playwright clicks only if nothing covers the link at that point.
  await quickExit.click();
  await page.waitForURL(exitUrl);
  expect(left).toEqual([exitUrl]);
});

test('Shift pressed three times in the search box still leaves the page', async ({ page, context, baseURL }) => {
  await offline(context, baseURL);
  await page.goto('./');
  await openAndType(page, 'bao luc');
  const exitUrl = (await page.getByRole('link', { name: vi['quickExit.label'] }).getAttribute('href'))!;
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForURL(exitUrl);
});

test.describe('accessibility with the results open', () => {
  test('the header dialog has no axe violations', async ({ page }) => {
    await page.goto('./');
    await openAndType(page, 'binh dang gioi');
    await expect(page.getByRole('group', { name: vi['search.filters'] })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('the search page has no axe violations, on a phone too', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await searchPage(page, 'binh dang gioi');
    await page.getByRole('button', { name: vi['search.more'] }).click();
    await expect(page.locator('.search-result')).toHaveCount(12);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test('/muc-luc/ links every page of the sitemap', async ({ page }) => {
  await page.goto('muc-luc/');
  const links = new Set(
    await page.locator('main a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
  );
  const missing = sitemapPaths()
    .filter((path) => path !== 'muc-luc/')
    .filter((path) => !links.has(`${basePath}${path}`));
  expect(missing).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header search is a link to the list of every page', async ({ page }) => {
    await page.goto('./');
    const link = page.getByRole('banner').getByRole('link', { name: vi['search.noJsLink'] });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `${basePath}muc-luc/`);
    await expect(page.getByRole('button', { name: vi['search.open'] })).toBeHidden();
    await link.click();
    await expect(page.locator('h1')).toHaveText(vi['siteIndex.title']);
  });

  test('the search page says why it cannot search and links the list of pages', async ({ page }) => {
    await page.goto('tim-kiem/?q=bao+luc');
    // (Playwright's text locators skip <noscript>, so it is found by CSS.)
    const note = page.locator('main noscript .note');
    await expect(note).toBeVisible();
    await expect(note).toContainText(vi['search.noscript']);
    await expect(note.locator('a')).toHaveText(vi['search.indexLink']);
    await expect(note.locator('a')).toHaveAttribute('href', `${basePath}muc-luc/`);
    await expect(page.getByRole('searchbox')).toBeHidden();
  });
});

/**
 * Search that answers a call for help: the words of content/help-search.yaml, typed with or
 * without marks, show the call buttons above any results and find /tro-giup/; a search that finds
 * nothing always shows the call buttons.
 */
import { expect, test, type Locator } from '@playwright/test';
import { basePath } from '../../site.config.mjs';
import { openAndType, resultLinks, resultPaths, resultsFor, searchPage, vi } from './search-helpers';

const HELP_QUERIES = [
  'hotline',
  'đường dây nóng',
  'duong day nong',
  'tố cáo',
  'to cao',
  'tố giác',
  'to giac',
  'báo công an',
  'bao cong an',
  'bạo hành',
  'bao hanh',
  'cứu',
  'cuu',
  'giúp',
  'giup',
  '111',
  '113',
];

async function expectCallButtons(scope: Locator) {
  const help = scope.locator('.js-search-help');
  await expect(help).toBeVisible();
  await expect(help.locator('a[href="tel:113"]')).toBeVisible();
  await expect(help.locator('a[href="tel:111"]')).toBeVisible();
  await expect(help.getByRole('link', { name: /trợ giúp/ })).toHaveAttribute('href', `${basePath}tro-giup/`);
  return help;
}

for (const query of HELP_QUERIES) {
  test(`"${query}" shows the call buttons above the results and finds /tro-giup/`, async ({ page }) => {
    await searchPage(page, query);
    const panel = page.locator('search-panel');
    const help = await expectCallButtons(panel);
    const [helpBox, resultsBox] = [await help.boundingBox(), await panel.locator('.js-search-results').boundingBox()];
    expect(helpBox!.y + helpBox!.height).toBeLessThanOrEqual(resultsBox!.y);
    // Among the results (all of them, "more" pressed until none are left).
    const more = panel.getByRole('button', { name: vi['search.more'] });
    while (await more.isVisible()) {
      const shown = await resultLinks(page).count();
      await more.click();
      await expect(resultLinks(page)).not.toHaveCount(shown);
    }
    expect(await resultPaths(page)).toContain(`${basePath}tro-giup/`);
  });
}

test('"Cứu tôi với" (words no page has) still shows the call buttons', async ({ page }) => {
  await searchPage(page, 'Cứu tôi với');
  await expectCallButtons(page.locator('search-panel'));
});

test('a search with no results shows the call buttons', async ({ page }) => {
  await page.goto('./');
  const dialog = await openAndType(page, 'xyzzy');
  await resultsFor(dialog, 'xyzzy');
  await expect(dialog.locator('.js-search-status')).toContainText('Không tìm thấy');
  await expectCallButtons(dialog);
});

test('an ordinary search shows no help card, and none before anything is typed', async ({ page }) => {
  await page.goto('./');
  const dialog = await openAndType(page, 'vun dap');
  await resultsFor(dialog, 'vun dap');
  await expect(dialog.locator('.js-search-help')).toBeHidden();
  await dialog.getByRole('searchbox').fill('');
  await expect(dialog.locator('.js-search-help')).toBeHidden();
});

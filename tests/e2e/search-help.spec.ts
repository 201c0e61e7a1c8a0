/**
 * Search that answers a call for help: the words of content/help-search.yaml, typed with or
 * without marks, show the call buttons above any results and put /tro-giup/ first; a search that finds
 * nothing always shows the call buttons.
 */
import { expect, test, type Locator } from '@playwright/test';
import { basePath } from '../../site.config.mjs';
import { contentDirOf, loadContent } from '../../src/build/content/load.ts';
import { plainWords } from '../../src/shared/search/help-intent.ts';
import { openAndType, resultPaths, resultsFor, searchPage } from './search-helpers.ts';

/** Every word of the list (content/help-search.yaml, or CONTENT_DIR's), as written and typed without marks. */
const TERMS = loadContent(contentDirOf(new URL('../..', import.meta.url).pathname)).helpSearch.flatMap(
  (group) => group.terms,
);
const HELP_QUERIES = [...new Set(TERMS.flatMap((term) => [term, plainWords(term)]))];

test('the list holds the words people type when they need help', () => {
  // The words (a typo-safe floor for the loop below; the list may grow).
  for (const word of [
    'hotline',
    'đường dây nóng',
    'tố cáo',
    'tố giác',
    'báo công an',
    'bạo hành',
    'cứu',
    'giúp',
    '111',
    '113',
  ])
    expect(TERMS).toContain(word);
});

async function expectCallButtons(scope: Locator) {
  const help = scope.locator('.js-search-help');
  await expect(help).toBeVisible();
  await expect(help.locator('a[href="tel:113"]')).toBeVisible();
  await expect(help.locator('a[href="tel:111"]')).toBeVisible();
  await expect(help.getByRole('link', { name: /trợ giúp/ })).toHaveAttribute('href', `${basePath}tro-giup/`);
  return help;
}

for (const query of HELP_QUERIES) {
  test(`"${query}" shows the call buttons above the results, and /tro-giup/ first`, async ({ page }) => {
    await searchPage(page, query);
    const panel = page.locator('search-panel');
    const help = await expectCallButtons(panel);
    const [helpBox, resultsBox] = [await help.boundingBox(), await panel.locator('.js-search-results').boundingBox()];
    expect(helpBox!.y + helpBox!.height).toBeLessThanOrEqual(resultsBox!.y);
    expect((await resultPaths(page))[0]).toBe(`${basePath}tro-giup/`);
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

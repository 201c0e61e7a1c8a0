/** Shared by the search specs: the strings, the slogan pages, the queries and the steps of a search. */
import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** `src/i18n/vi.json`, read as data (its strings are what the page must show). */
export const vi: typeof import('../../src/i18n/vi.json') = JSON.parse(
  readFileSync(new URL('../../src/i18n/vi.json', import.meta.url), 'utf8'),
);

export const slogan = (id: string) => `khau-hieu/${id}/`;
export const SLOGAN_3 = slogan('binh-dang-gioi-la-chia-khoa-de-cham-dut-bao-luc-doi-voi-phu-nu-va-tre-em-gai');
export const SLOGAN_4 = slogan('chu-dong-phong-ngua-va-ung-pho-voi-bao-luc-xam-hai-doi-voi-phu-nu-va-tre-em');
export const SLOGAN_5 = slogan('cham-dut-bao-luc-vun-dap-yeu-thuong');
export const SLOGAN_8 = slogan('hay-to-cao-hanh-vi-bao-luc-xam-hai-phu-nu-va-tre-em');
export const SLOGAN_9 = slogan('huong-ung-ngay-quoc-te-xoa-bo-bao-luc-doi-voi-phu-nu-25-11-2020');
export const SLOGAN_11 = slogan('im-lang-khong-phai-la-cach-de-bao-ve-ban-than-va-nan-nhan-bi-xam-hai');
export const SLOGAN_14 = slogan('hay-len-tieng-khi-bi-bao-luc-moi-nguoi-se-giup-ban');
export const EDUCATION = 'trach-nhiem/phong-giao-duc-va-dao-tao/';

/** Queries as people type them, by kind: the query, the page that must come first or in the top 3, and which. */
const CASES: Record<string, [query: string, page: string, within: 1 | 3][]> = {
  'no marks': [
    ['bao luc', '', 3],
    ['len tieng', SLOGAN_14, 1],
    ['im lang', SLOGAN_11, 1],
  ],
  'd for đ': [
    ['binh dang gioi', SLOGAN_3, 3],
    ['vun dap', SLOGAN_5, 1],
    ['doi voi', SLOGAN_4, 3],
    // A call for help: the help page first (search-help.spec.ts), the slogan right after it.
    ['to cao', SLOGAN_8, 3],
    ['duong day nong', 'tro-giup/', 1],
  ],
  'exact marks': [
    ['bình đẳng giới', SLOGAN_3, 3],
    ['vun đắp', SLOGAN_5, 1],
    ['đối với', SLOGAN_4, 3],
  ],
  'upper case': [['VUN ĐẮP', SLOGAN_5, 1]],
  'mixed case': [
    ['Im Lặng', SLOGAN_11, 1],
    ['Phòng Giáo dục', EDUCATION, 1],
  ],
  'some marks': [['len tiếng', SLOGAN_14, 1]],
  number: [
    ['2174', 'can-cu-phap-ly/', 1],
    ['111', 'tro-giup/', 1],
  ],
  date: [['25/11', SLOGAN_9, 1]],
  agency: [
    ['phong giao duc', EDUCATION, 1],
    ['cong an', 'trach-nhiem/cong-an-huyen/', 1],
  ],
  activity: [
    ['mit tinh', 'hoat-dong/', 1],
    ['tham hoi tang qua', 'hoat-dong/', 1],
  ],
};

export const QUERIES = Object.entries(CASES).flatMap(([kind, rows]) =>
  rows.map(([query, page, within]) => ({ query, page, within, kind })),
);

export const resultList = (scope: Page | Locator) => scope.locator('.js-search-results');
export const resultLinks = (scope: Page | Locator) => scope.locator('.search-result__link');

/** Waits until the results for `query` are drawn, their excerpts too. */
export async function resultsFor(scope: Page | Locator, query: string) {
  await expect(resultList(scope)).toHaveAttribute('data-query', query);
  await expect(resultList(scope).locator('.search-result__excerpt[data-loading]')).toHaveCount(0);
}

/** Paths (from the site root) of the results shown, in order. */
export async function resultPaths(scope: Page | Locator): Promise<string[]> {
  return resultLinks(scope).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Opens the search page for `query` and waits for its results. */
export async function searchPage(page: Page, query: string) {
  await page.goto(`tim-kiem/?q=${encodeURIComponent(query)}`);
  await resultsFor(page, query);
}

/** Number at the start of the status line ("27 kết quả …"). */
export async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator('.js-search-status').textContent()) ?? '';
  return Number(/^\d+/.exec(text)?.[0] ?? NaN);
}

/** Opens the header search with `/` and types `query`. */
export async function openAndType(page: Page, query: string) {
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: vi['search.dialogTitle'] });
  await expect(dialog).toBeVisible();
  await page.keyboard.type(query);
  await resultsFor(dialog, query);
  return dialog;
}

/** Answers every request for another origin with a tiny page, and records it. */
export async function offline(context: BrowserContext, baseURL: string | undefined) {
  const origin = new URL(baseURL!).origin;
  const left: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      left.push(route.request().url());
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Neutral</title><p>Neutral page</p>',
      });
    },
  );
  return left;
}

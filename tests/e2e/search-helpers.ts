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

/** Queries as people type them, and the page that must come first (or in the top 3). */
export const QUERIES: { query: string; page: string; within: 1 | 3; kind: string }[] = [
  { query: 'bao luc', page: '', within: 3, kind: 'no marks' },
  { query: 'len tieng', page: SLOGAN_14, within: 1, kind: 'no marks' },
  { query: 'im lang', page: SLOGAN_11, within: 1, kind: 'no marks' },
  { query: 'binh dang gioi', page: SLOGAN_3, within: 3, kind: 'd for đ' },
  { query: 'vun dap', page: SLOGAN_5, within: 1, kind: 'd for đ' },
  { query: 'doi voi', page: SLOGAN_4, within: 3, kind: 'd for đ' },
  { query: 'to cao', page: SLOGAN_8, within: 1, kind: 'd for đ' },
  { query: 'duong day nong', page: 'tro-giup/', within: 1, kind: 'd for đ' },
  { query: 'bình đẳng giới', page: SLOGAN_3, within: 3, kind: 'exact marks' },
  { query: 'vun đắp', page: SLOGAN_5, within: 1, kind: 'exact marks' },
  { query: 'đối với', page: SLOGAN_4, within: 3, kind: 'exact marks' },
  { query: 'VUN ĐẮP', page: SLOGAN_5, within: 1, kind: 'upper case' },
  { query: 'Im Lặng', page: SLOGAN_11, within: 1, kind: 'mixed case' },
  { query: 'Phòng Giáo dục', page: EDUCATION, within: 1, kind: 'mixed case' },
  { query: 'len tiếng', page: SLOGAN_14, within: 1, kind: 'some marks' },
  { query: '2174', page: 'can-cu-phap-ly/', within: 1, kind: 'number' },
  { query: '111', page: 'tro-giup/', within: 1, kind: 'number' },
  { query: '25/11', page: SLOGAN_9, within: 1, kind: 'date' },
  { query: 'phong giao duc', page: EDUCATION, within: 1, kind: 'agency' },
  { query: 'cong an', page: 'trach-nhiem/cong-an-huyen/', within: 1, kind: 'agency' },
  { query: 'mit tinh', page: 'hoat-dong/', within: 1, kind: 'activity' },
  { query: 'tham hoi tang qua', page: 'hoat-dong/', within: 1, kind: 'activity' },
];

export const resultList = (scope: Page | Locator) => scope.locator('.js-search-results');
export const resultLinks = (scope: Page | Locator) => scope.locator('.search-result__link');

/** Waits until the results for `query` are drawn. */
export async function resultsFor(scope: Page | Locator, query: string) {
  await expect(resultList(scope)).toHaveAttribute('data-query', query);
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

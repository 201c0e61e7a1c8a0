/**
 * Search, in Chromium, against the built site: src/build/integrations/search.ts (index),
 * src/shared/search/ (folding, excerpts), src/components/search/ (UI: <site-search>, <search-panel>).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { basePath } from '../../site.config.mjs';
import { MARK } from '../../src/shared/search/fold';
import { sitemapPaths, watch, WCAG_TAGS } from './helpers';

/** `src/i18n/vi.json`, read as data (its strings are what the page must show). */
const vi: typeof import('../../src/i18n/vi.json') = JSON.parse(
  readFileSync(new URL('../../src/i18n/vi.json', import.meta.url), 'utf8'),
);

const slogan = (id: string) => `khau-hieu/${id}/`;
const SLOGAN_3 = slogan('binh-dang-gioi-la-chia-khoa-de-cham-dut-bao-luc-doi-voi-phu-nu-va-tre-em-gai');
const SLOGAN_4 = slogan('chu-dong-phong-ngua-va-ung-pho-voi-bao-luc-xam-hai-doi-voi-phu-nu-va-tre-em');
const SLOGAN_5 = slogan('cham-dut-bao-luc-vun-dap-yeu-thuong');
const SLOGAN_8 = slogan('hay-to-cao-hanh-vi-bao-luc-xam-hai-phu-nu-va-tre-em');
const SLOGAN_9 = slogan('huong-ung-ngay-quoc-te-xoa-bo-bao-luc-doi-voi-phu-nu-25-11-2020');
const SLOGAN_11 = slogan('im-lang-khong-phai-la-cach-de-bao-ve-ban-than-va-nan-nhan-bi-xam-hai');
const SLOGAN_14 = slogan('hay-len-tieng-khi-bi-bao-luc-moi-nguoi-se-giup-ban');
const EDUCATION = 'trach-nhiem/phong-giao-duc-va-dao-tao/';

/** Queries as people type them, and the page that must come first (or in the top 3). */
const QUERIES: { query: string; page: string; within: 1 | 3; kind: string }[] = [
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

const resultList = (scope: Page | Locator) => scope.locator('.js-search-results');
const resultLinks = (scope: Page | Locator) => scope.locator('.search-result__link');

/** Waits until the results for `query` are drawn. */
async function resultsFor(scope: Page | Locator, query: string) {
  await expect(resultList(scope)).toHaveAttribute('data-query', query);
}

/** Paths (from the site root) of the results shown, in order. */
async function resultPaths(scope: Page | Locator): Promise<string[]> {
  return resultLinks(scope).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Opens the search page for `query` and waits for its results. */
async function searchPage(page: Page, query: string) {
  await page.goto(`tim-kiem/?q=${encodeURIComponent(query)}`);
  await resultsFor(page, query);
}

/** Number at the start of the status line ("27 kết quả …"). */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator('.js-search-status').textContent()) ?? '';
  return Number(/^\d+/.exec(text)?.[0] ?? NaN);
}

/** Opens the header search with `/` and types `query`. */
async function openAndType(page: Page, query: string) {
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: vi['search.dialogTitle'] });
  await expect(dialog).toBeVisible();
  await page.keyboard.type(query);
  await resultsFor(dialog, query);
  return dialog;
}

/** Answers every request for another origin with a tiny page, and records it. */
async function offline(context: BrowserContext, baseURL: string | undefined) {
  const origin = new URL(baseURL!).origin;
  const left: string[] = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      left.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Neutral</title><p>Neutral page</p>' });
    },
  );
  return left;
}

test.describe('search ranks the page people look for', () => {
  for (const { query, page: expected, within, kind } of QUERIES) {
    test(`“${query}” (${kind}) has /${expected} ${within === 1 ? 'first' : 'in the top 3'}`, async ({ page }) => {
      await searchPage(page, query);
      expect((await resultPaths(page)).slice(0, within)).toContain(`${basePath}${expected}`);
    });
  }
});

test('excerpts and titles show only the real text of the page, never a folded spelling', async ({ page, context }) => {
  const target = await context.newPage();
  const pages = new Map<string, { title: string; words: Set<string> }>();
  const words = (text: string) => (text.toLocaleLowerCase('vi').match(/[\p{L}\p{N}]+/gu) ?? []).filter(Boolean);

  for (const query of ['vun dap', 'binh dang gioi', 'doi voi', 'duong day nong', 'dang', 'phong giao duc', 'Đ']) {
    await searchPage(page, query);
    const results = page.locator('.search-result');
    const count = await results.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const result = results.nth(i);
      const link = result.locator('.search-result__link');
      const href = (await link.getAttribute('href'))!;
      if (!pages.has(href)) {
        await target.goto(href);
        pages.set(href, {
          title: (await target.locator('meta[property="og:title"]').getAttribute('content'))!,
          // Every text node of <main>, also the folded away ones (a closed <details>).
          words: new Set(
            words(
              await target.locator('main').evaluate((main) => {
                const texts: string[] = [];
                const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? '');
                return `${texts.join(' ')} ${texts.join('')}`;
              }),
            ),
          ),
        });
      }
      const real = pages.get(href)!;
      await expect(link).toHaveText(real.title);
      const excerpt = (await result.locator('.search-result__excerpt').textContent())!;
      const absent = words(excerpt).filter((word) => !real.words.has(word));
      expect(absent, `words of the excerpt for “${query}” missing from ${href}`).toEqual([]);
    }
    expect(await page.locator('main').textContent()).not.toContain(MARK);
  }

  // The matched words are marked as written on the page.
  await searchPage(page, 'vun dap');
  await expect(page.locator('.search-result').first().locator('mark')).toHaveText(['vun đắp']);
});

test('type filters narrow the results, and “all” brings them back', async ({ page }) => {
  await searchPage(page, 'binh dang gioi');
  const all = await shownCount(page);
  const chip = (label: string) => page.getByRole('group', { name: vi['search.filters'] }).getByRole('button', { name: new RegExp(`^${label} \\(`) });
  await expect(chip(vi['search.filterAll'])).toHaveAttribute('aria-pressed', 'true');

  for (const [label, slug] of [
    [vi['search.type.slogan'], 'khau-hieu'],
    [vi['search.type.agency'], 'co-quan-thuc-hien'],
  ] as const) {
    const expected = Number(/\((\d+)\)/.exec((await chip(label).textContent())!)![1]);
    await chip(label).click();
    await expect(chip(label)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.js-search-status')).toContainText(`loại “${label}”`);
    expect(await shownCount(page)).toBe(expected);
    expect(expected).toBeLessThan(all);
    await expect(page).toHaveURL(new RegExp(`[?&]loai=${slug}(&|$)`));
    const tags = await page.locator('.search-result__type .tag').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set([label]));
  }

  await chip(vi['search.filterAll']).click();
  await expect(page.locator('.js-search-status')).not.toContainText('loại');
  expect(await shownCount(page)).toBe(all);
});

test('the address keeps ?q= (and the type), so a search can be shared and reloaded', async ({ page }) => {
  await page.goto('tim-kiem/');
  const input = page.getByRole('searchbox', { name: vi['search.inputLabel'] });
  await input.pressSequentially('to cao');
  await resultsFor(page, 'to cao');
  await expect(page).toHaveURL(/\?q=to\+cao$/);
  await page.getByRole('button', { name: new RegExp(`^${vi['search.type.slogan']} \\(`) }).click();
  await expect(page).toHaveURL(/\?q=to\+cao&loai=khau-hieu$/);
  await expect(page.locator('.js-search-status')).toContainText(vi['search.type.slogan']);
  const before = { paths: await resultPaths(page), status: await page.locator('.js-search-status').textContent() };

  await page.reload();
  await resultsFor(page, 'to cao');
  await expect(input).toHaveValue('to cao');
  await expect(page.locator('.js-search-status')).toHaveText(before.status!);
  expect(await resultPaths(page)).toEqual(before.paths);

  // Shared to someone else: a fresh page with the same address.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await resultsFor(other, 'to cao');
  expect(await resultPaths(other)).toEqual(before.paths);
});

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
    for (let i = 0; i < 6 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
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

test('empty, punctuation-only and unmatched queries get a helpful message, never an error', async ({ page }) => {
  const { errors } = watch(page);
  await page.goto('tim-kiem/');
  const input = page.getByRole('searchbox', { name: vi['search.inputLabel'] });
  const message = page.locator('.js-search-status');
  await input.focus();
  await expect(message).toHaveText(vi['search.empty']);

  await input.fill('!!! …');
  await expect(message).toHaveText(vi['search.punctuationOnly'].replace('{query}', '!!! …'));
  await expect(resultList(page)).toBeHidden();

  await input.fill('zqxwv');
  await expect(message).toContainText(vi['search.noResults'].replace('{query}', 'zqxwv'));
  await expect(message.getByRole('link', { name: vi['search.indexLink'] })).toHaveAttribute('href', `${basePath}muc-luc/`);
  await expect(resultList(page)).toBeHidden();

  await input.fill('');
  await expect(message).toHaveText(vi['search.empty']);
  await expect(page).toHaveURL(/\/tim-kiem\/$/);
  expect(errors).toEqual([]);
});

test('nothing of search loads with a page; the first search loads only what it needs', async ({ page, baseURL }) => {
  const { requests, errors } = watch(page);
  for (const path of ['./', 'ke-hoach/', 'tim-kiem/']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(requests.filter((url) => /\/pagefind\/|search-panel/.test(url)), path).toEqual([]);
  }
  await page.goto('./', { waitUntil: 'networkidle' });
  await openAndType(page, 'bao luc');
  expect(requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
  // Never Pagefind's own UI (its Vietnamese has a typo) nor its worker.
  expect(requests.filter((url) => /pagefind-(ui|modular-ui|component-ui|highlight|worker)/.test(url))).toEqual([]);
  await expect(page.locator('body')).not.toContainText('Kiểm thị');
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(errors).toEqual([]);
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

test('“more results” adds the next ones and moves focus to the first of them', async ({ page }) => {
  await searchPage(page, 'bao luc');
  await expect(page.locator('.search-result')).toHaveCount(6);
  await page.getByRole('button', { name: vi['search.more'] }).click();
  await expect(page.locator('.search-result')).toHaveCount(12);
  await expect(resultLinks(page).nth(6)).toBeFocused();
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

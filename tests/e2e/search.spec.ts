/**
 * Search, in Chromium, against the built site: src/build/integrations/search.ts (index),
 * src/shared/search/ (folding, excerpts), src/components/search/ (UI: <site-search>, <search-panel>).
 */
import { expect, test } from '@playwright/test';
import { basePath } from '../../site.config.mjs';
import { MARK } from '../../src/shared/search/fold.ts';
import {
  PAGEFIND_ENTRY_FILE,
  PAGEFIND_PRELOAD_LIST,
  PAGEFIND_WASM_FILE,
  type SearchPreload,
} from '../../src/shared/search/pagefind-files.ts';
import { watch } from './helpers.ts';
import {
  QUERIES,
  SLOGAN_5,
  openAndType,
  resultLinks,
  resultList,
  resultPaths,
  resultsFor,
  searchPage,
  shownCount,
  vi,
} from './search-helpers.ts';

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
  const chip = (label: string) =>
    page.getByRole('group', { name: vi['search.filters'] }).getByRole('button', { name: new RegExp(`^${label} \\(`) });
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
  await expect(message.getByRole('link', { name: vi['search.indexLink'] })).toHaveAttribute(
    'href',
    `${basePath}muc-luc/`,
  );
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
    expect(
      requests.filter((url) => /\/pagefind\/|search-panel/.test(url)),
      path,
    ).toEqual([]);
  }
  await page.goto('./', { waitUntil: 'networkidle' });
  await openAndType(page, 'bao luc');
  expect(requests.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
  // Its WebAssembly is the one the page preloads alongside its script, fetched once: Pagefind takes the preload.
  const entry = (await (await page.request.get('pagefind/pagefind-entry.json')).json()) as {
    languages: Record<string, { wasm?: string }>;
  };
  expect(`wasm.${entry.languages['vi']?.wasm ?? 'unknown'}.pagefind`).toBe(PAGEFIND_WASM_FILE);
  expect(requests.filter((url) => url.endsWith(`/pagefind/${PAGEFIND_WASM_FILE}`))).toHaveLength(1);
  // So are the entry file and the build's list of the metadata and filters (pagefind-preload.ts):
  // each fetched once, so Pagefind took every preload.
  const { files: list } = (await (await page.request.get(`pagefind/${PAGEFIND_PRELOAD_LIST}`)).json()) as SearchPreload;
  expect(list.length).toBeGreaterThan(1);
  for (const file of [PAGEFIND_ENTRY_FILE, PAGEFIND_PRELOAD_LIST, ...list])
    expect(
      requests.filter((url) => new URL(url).pathname === `${basePath}pagefind/${file}`),
      file,
    ).toHaveLength(1);
  // Never Pagefind's own UI (its Vietnamese has a typo) nor its worker.
  expect(requests.filter((url) => /pagefind-(ui|modular-ui|component-ui|highlight|worker)/.test(url))).toEqual([]);
  await expect(page.locator('body')).not.toContainText('Kiểm thị');
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(errors).toEqual([]);
});

test('on a slow line the results are listed before their excerpts arrive; a lost excerpt loses only itself', async ({
  page,
}) => {
  // Every page's fragment held back until the test lets it through, and one never delivered.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let lost = '';
  await page.route('**/pagefind/fragment/*.pf_fragment', async (route) => {
    await released;
    if (!lost) lost = route.request().url();
    if (route.request().url() === lost) await route.abort();
    else await route.continue();
  });
  await page.goto('tim-kiem/?q=vun%20dap');
  await expect(resultList(page)).toHaveAttribute('data-query', 'vun dap');
  const results = page.locator('.search-result');
  await expect(results).not.toHaveCount(0);
  // Titles, links and types are there; each excerpt keeps its place, empty, until its fragment comes.
  const listed = await resultLinks(page).evaluateAll((links) =>
    links.map((a) => [(a as HTMLAnchorElement).href, a.textContent]),
  );
  await expect(page.locator('.search-result__excerpt[data-loading]')).toHaveCount(await results.count());
  await expect(page.locator('.search-result__excerpt[data-loading]').first()).toHaveText('');
  await expect(results.first().locator('.search-result__type')).toBeVisible();
  await expect(resultLinks(page).first()).toHaveAttribute('href', `${basePath}${SLOGAN_5}`);
  await expect(resultLinks(page).first()).not.toContainText(MARK);
  release();
  // Then the excerpts; the one whose fragment was lost is left out, and the search does not fail.
  await expect(page.locator('.search-result__excerpt[data-loading]')).toHaveCount(0);
  await expect(page.locator('.search-result__excerpt')).toHaveCount((await results.count()) - 1);
  await expect(page.locator('.search-result mark').first()).toHaveText('vun đắp');
  await expect(page.locator('.js-search-status')).not.toContainText(vi['search.error']);
  // The addresses and titles listed first are the ones the fragments give.
  expect(
    await resultLinks(page).evaluateAll((links) => links.map((a) => [(a as HTMLAnchorElement).href, a.textContent])),
  ).toEqual(listed);
});

test('“more results” adds the next ones and moves focus to the first of them', async ({ page }) => {
  await searchPage(page, 'bao luc');
  await expect(page.locator('.search-result')).toHaveCount(6);
  await page.getByRole('button', { name: vi['search.more'] }).click();
  await expect(page.locator('.search-result')).toHaveCount(12);
  await expect(resultLinks(page).nth(6)).toBeFocused();
});

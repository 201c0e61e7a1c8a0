// The search part of `npm run bench` (scripts/bench.mjs).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../browser.mjs';
import { basePath } from '../../site.config.mjs';
import { kb, median } from './stats.mjs';

/**
 * Search (src/components/search/, src/build/integrations/search.ts), in a fresh browser
 * context each run (nothing cached), on the home page:
 * - first query: `/` opens the header search (which starts loading the search
 *   code), then the query is typed, either a key every 100 ms (a fast typist)
 *   or all at once (the worst case: nothing loads while typing); the clock
 *   runs from the last keystroke's input event to the frame that draws the
 *   results (when the results list gets `data-query`);
 * - later queries: the field is cleared and the next query typed, same clock;
 * - bytes of the first query: encoded (gzip) body bytes of every response from
 *   opening the search to the first results: search code, Pagefind, index,
 *   and what the searches for the partly typed query fetched;
 * - plain page loads: requests for the search code or Pagefind while every
 *   sitemap page loads without a search (target 0), and the header's boot
 *   script that every page loads, reported apart.
 */
export async function benchSearch({ executablePath, paths, origin, runs }) {
  const FIRST = 'bao luc';
  const LATER = ['binh dang gioi', 'vun dap', '111', 'phong giao duc'];
  const rounds = Math.max(10, runs);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const isSearchFile = (url) => /\/pagefind\/|\/_astro\/search-panel\./.test(url);
  const modes = [
    { name: 'a key every 100 ms', delay: 100, first: [], later: [], bytes: [], requests: [] },
    { name: 'all at once', delay: 0, first: [], later: [], bytes: [], requests: [] },
  ];
  try {
    for (const mode of modes) {
      for (let i = 0; i < rounds; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${origin}${basePath}`, { waitUntil: 'networkidle' });
        await page.evaluate(() => {
          const bench = (window.__searchBench = { input: 0, drawn: new Map() });
          document.addEventListener('input', (event) => (bench.input = event.timeStamp), true);
          new MutationObserver(() => {
            const query = document.querySelector('dialog .js-search-results[data-query]')?.getAttribute('data-query');
            if (query && !bench.drawn.has(query)) {
              const input = bench.input;
              bench.drawn.set(query, -1);
              // When the frame that draws them runs (its start time can precede the keystroke).
              requestAnimationFrame(() => bench.drawn.set(query, performance.now() - input));
            }
          }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-query'] });
        });
        const responses = [];
        page.on('requestfinished', (request) => {
          // The favicon may be fetched late; it is not part of the search.
          if (!request.url().endsWith('/favicon.svg'))
            responses.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize })));
        });
        const elapsed = (query) =>
          page
            .waitForFunction(
              (q) =>
                (window.__searchBench.drawn.get(q) ?? -1) >= 0 ? { ms: window.__searchBench.drawn.get(q) } : null,
              query,
              { timeout: 15_000 },
            )
            .then((handle) => handle.jsonValue())
            .then(({ ms }) => ms)
            .catch(async (error) => {
              const state = await page.evaluate(() => [
                document.querySelector('dialog input')?.value,
                document.querySelector('dialog .js-search-status')?.textContent,
              ]);
              throw new Error(`no results drawn for “${query}” (field, status: ${JSON.stringify(state)})`, {
                cause: error,
              });
            });

        // Playwright evaluates its injected script in the page at the first waitForFunction, about
        // 20 ms of the page's thread: done now, not inside the clock (search-peer.mjs waits too).
        await page.waitForFunction(() => true);
        await page.keyboard.press('/');
        await page.keyboard.type(FIRST, { delay: mode.delay });
        mode.first.push(await elapsed(FIRST));
        const got = await Promise.all(responses);
        mode.bytes.push(got.reduce((sum, r) => sum + r.bytes, 0));
        if (i === 0) mode.requests = got.map((r) => ({ url: r.url.replace(origin, ''), bytes: r.bytes }));

        for (const query of LATER) {
          await page.keyboard.press('Control+A');
          await page.keyboard.type(query, { delay: mode.delay });
          mode.later.push(await elapsed(query));
        }
        await context.close();
      }
    }

    // Pages loaded without a search.
    const context = await browser.newContext();
    const loaded = [];
    const page = await context.newPage();
    page.on('requestfinished', (request) =>
      loaded.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize }))),
    );
    for (const path of paths) await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    const all = await Promise.all(loaded);
    const searchOnLoad = all.filter((r) => isSearchFile(r.url));
    const boot = all.find((r) => /\/_astro\/SiteSearch\./.test(r.url));
    await context.close();

    const result = {
      modes: modes.map((m) => ({
        typing: m.name,
        firstQueryMs: { median: median(m.first), runs: m.first, targetMs: 100 },
        laterQueryMs: { median: median(m.later), max: Math.max(...m.later), runs: m.later, targetMs: 50 },
        firstQueryBytes: { median: median(m.bytes), runs: m.bytes, requests: m.requests, targetBytes: 100 * 1024 },
      })),
      plainPageLoads: {
        pages: paths.length,
        searchRequests: searchOnLoad.length,
        searchBytes: searchOnLoad.reduce((s, r) => s + r.bytes, 0),
        target: 0,
      },
      headerBootScriptBytes: boot?.bytes ?? null,
    };
    for (const m of modes) {
      console.log(`typed ${m.name}; first query's requests (run 1):`);
      for (const r of m.requests) console.log(`${String(r.bytes).padStart(7)} B  ${r.url}`);
      const ms = (xs) =>
        `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
      console.log(
        `search, first query on a fresh page, typed ${m.name}: ${ms(m.first)} over ${m.first.length} runs; target ≤ 100 ms`,
      );
      console.log(`search, later queries, typed ${m.name}: ${ms(m.later)} over ${m.later.length}; target < 50 ms`);
      console.log(
        `search, bytes of the first query, typed ${m.name} (encoded): ${kb(median(m.bytes))} median (max ${kb(Math.max(...m.bytes))}); target < 100 KB\n`,
      );
    }
    console.log(
      `search, ${paths.length} pages loaded without a search: ${searchOnLoad.length} search requests, ${searchOnLoad.reduce((s, r) => s + r.bytes, 0)} B; target 0`,
    );
    console.log(`  (every page loads the header's search boot script: ${boot?.bytes ?? '?'} B encoded)\n`);
    return result;
  } finally {
    await browser.close();
  }
}

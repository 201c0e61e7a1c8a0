// The peer's search (Starlight's Pagefind UI), timed as scripts/bench/search.mjs times ours.
import { CHROMIUM_ARGS } from '../browser.mjs';
import { chromium } from '@playwright/test';
import { median } from './stats.mjs';

/**
 * In a fresh browser context each run, on the peer's home page: Ctrl+K opens Starlight's
 * search dialog, the query is typed at once (the worst case), and the clock runs from the
 * last keystroke's input event to the frame that shows the first result's title (Pagefind
 * UI first draws empty placeholders, then the titles).
 */
export async function benchPeerSearch({ executablePath, origin, runs, query = 'bao luc' }) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const times = [];
  try {
    for (let i = 0; i < Math.max(10, runs); i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
      await page.evaluate(() => {
        const bench = (window.__peerSearch = { input: 0, drawn: -1 });
        document.addEventListener('input', (event) => (bench.input = event.timeStamp), true);
        const observer = new MutationObserver(() => {
          const link = document.querySelector('.pagefind-ui__result-link');
          if (link && link.textContent?.trim() && bench.drawn < 0) {
            bench.drawn = -2;
            const input = bench.input;
            requestAnimationFrame(() => (bench.drawn = performance.now() - input));
            observer.disconnect();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.locator('button[data-open-modal]').waitFor({ state: 'visible' });
      await page.waitForFunction(() => !document.querySelector('button[data-open-modal]')?.disabled);
      await page.click('button[data-open-modal]');
      const input = page.locator('.pagefind-ui__search-input');
      await input.waitFor({ state: 'visible' });
      await input.pressSequentially(query);
      const handle = await page.waitForFunction(
        () => window.__peerSearch.drawn >= 0 && window.__peerSearch.drawn,
        null,
        {
          timeout: 15_000,
        },
      );
      times.push(await handle.jsonValue());
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { firstQueryMs: { median: median(times), runs: times }, query, typing: 'all at once' };
}

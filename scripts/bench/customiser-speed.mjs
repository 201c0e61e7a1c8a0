// How soon /tao-mau/ is usable on a cheap phone, for `npm run bench` (scripts/bench.mjs).
import { basePath } from '../../site.config.mjs';
import { SLOW_NETWORK, throttle } from './cls.mjs';
import { VIEWPORT } from './transfer.mjs';

/**
 * A first visit to /tao-mau/ at 400 kbps / 400 ms with the CPU slowed 4× (empty cache):
 * - ready: from the start of the navigation until `<print-customiser>` says
 *   `data-state="ready"` (fonts loaded, preview drawn, buttons enabled);
 * - first PDF: from the click on the PDF button until the download starts (pdf-lib is
 *   fetched then if the page has not fetched it already), in the same throttled page;
 *   measured in Node around Playwright's click, so it includes a few ms of the driver.
 */
export async function measureCustomiserSpeed({ browser, origin, cpu = 4, network = SLOW_NETWORK }) {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await throttle(page, { network, cpu });
    await page.goto(`${origin}${basePath}tao-mau/`, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForSelector('print-customiser[data-state="ready"]', { timeout: 120_000 });
    const readyMs = await page.evaluate(() => performance.now());
    const button = page.locator('button[data-type="pdf"]');
    await button.waitFor({ state: 'visible' });
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
    const pdfWallMs = Date.now() - started;
    await download.path();
    return { readyMs, firstPdfMs: pdfWallMs, cpu, network };
  } finally {
    await context.close();
  }
}

// The customiser part of `npm run bench` (called by scripts/bench.mjs).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../browser.mjs';
import { basePath } from '../../site.config.mjs';
import { kb, median } from './stats.mjs';

/** A slow rural phone: 400 kbit/s down, 400 ms round trip, CPU slowed 4×. */
export const SLOW_PHONE = { downKbps: 400, upKbps: 400, latencyMs: 400, cpuSlowdown: 4 };

/**
 * /tao-mau/ (src/components/customiser/) on a slow phone, in a fresh browser context
 * each run (nothing cached), at 360 × 740:
 * - preview: from the navigation's start to the build's preview image shown (form and
 *   preview before the engine);
 * - ready: from the navigation's start to the page's own ready signal, `data-state="ready"`
 *   on `<print-customiser>` (set when the engine is loaded in its worker and the first
 *   preview is drawn);
 * - first PDF: the PDF button is clicked as soon as the page is ready; from that click
 *   to the download link the page makes;
 * - bytes: encoded (as sent, gzip) body and header bytes of every response until ready,
 *   and of those between ready and the PDF (pdf-lib, when it is not in yet);
 * - engine before idle: whether the engine's or pdf-lib's code was requested before the
 *   page's `load` event (target: no);
 * - long tasks on the page's thread while a unit line is typed after ready (a key every
 *   100 ms), longest and how many over 50 ms (target: none).
 * Throttling is Chromium's (CDP `Network.emulateNetworkConditions`,
 * `Emulation.setCPUThrottlingRate`), set on the page and on its worker.
 *
 * @param {{ executablePath: string, origin: string, runs?: number, conditions?: typeof SLOW_PHONE }} options
 */
export async function benchCustomiser({ executablePath, origin, runs = 3, conditions = SLOW_PHONE }) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const url = `${origin}${basePath}tao-mau/`;
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
      const page = await context.newPage();
      const throttle = async (session) => {
        await session.send('Network.enable');
        await session.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: conditions.latencyMs,
          downloadThroughput: (conditions.downKbps * 1000) / 8,
          uploadThroughput: (conditions.upKbps * 1000) / 8,
        });
        await session.send('Emulation.setCPUThrottlingRate', { rate: conditions.cpuSlowdown }).catch(() => {});
      };
      const session = await context.newCDPSession(page);
      await throttle(session);
      const responses = [];
      page.on('requestfinished', (request) =>
        responses.push(
          request.sizes().then((sizes) => ({
            url: request.url(),
            bytes: sizes.responseBodySize + sizes.responseHeadersSize,
            at: Date.now(),
          })),
        ),
      );
      await page.addInitScript(() => {
        const bench = { ready: -1, preview: -1, load: -1, link: -1, click: -1, longTasks: [] };
        Object.assign(window, { __customiserBench: bench });
        addEventListener('load', () => (bench.load = performance.now()));
        // The build's preview image shown (before the engine).
        document.addEventListener(
          'load',
          (event) => {
            if (
              bench.preview < 0 &&
              event.target instanceof HTMLImageElement &&
              event.target.matches('.js-customiser-preview-image')
            )
              bench.preview = performance.now();
          },
          true,
        );
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, ms: entry.duration });
        }).observe({ type: 'longtask', buffered: true });
        document.addEventListener(
          'click',
          (event) => {
            const target = event.target;
            if (target instanceof HTMLAnchorElement && target.download) bench.link = performance.now();
            if (target instanceof HTMLButtonElement && target.dataset.type === 'pdf') bench.click = performance.now();
          },
          true,
        );
        new MutationObserver(() => {
          if (bench.ready < 0 && document.querySelector('print-customiser[data-state="ready"]'))
            bench.ready = performance.now();
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
      });
      const started = Date.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForSelector('print-customiser[data-state="ready"]', { timeout: 120_000 });
      const readyAt = Date.now();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.click('button[data-type="pdf"]'),
      ]);
      await download.path();
      // Typing after ready: the preview follows, the page's thread stays free.
      const typedFrom = await page.evaluate(() => performance.now());
      await page.locator('textarea[name]').pressSequentially('Trường Tiểu học Nùng Nàng', { delay: 100 });
      await page.waitForTimeout(1500);
      const bench = await page.evaluate(() => window.__customiserBench);
      const all = await Promise.all(responses);
      const isEngine = (u) => /\/_astro\/(engine|render-pdf)[-.]/.test(u);
      const loadWall = started + bench.load;
      const typingTasks = bench.longTasks.filter((t) => t.start >= typedFrom);
      samples.push({
        previewMs: bench.preview < 0 ? bench.ready : bench.preview,
        readyMs: bench.ready,
        firstPdfMs: bench.link - bench.click,
        bytesToReady: all.filter((r) => r.at <= readyAt).reduce((s, r) => s + r.bytes, 0),
        bytesAfterReady: all.filter((r) => r.at > readyAt).reduce((s, r) => s + r.bytes, 0),
        engineBeforeLoad: all.some((r) => isEngine(r.url) && r.at < loadWall),
        typingLongTasks: typingTasks.filter((t) => t.ms > 50).length,
        typingLongestTaskMs: Math.max(0, ...typingTasks.map((t) => t.ms)),
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const pick = (key) => median(samples.map((s) => s[key]));
  const result = {
    conditions,
    runs: samples,
    previewMs: pick('previewMs'),
    readyMs: pick('readyMs'),
    firstPdfMs: pick('firstPdfMs'),
    bytesToReady: pick('bytesToReady'),
    bytesAfterReady: pick('bytesAfterReady'),
    typingLongTasks: Math.max(...samples.map((s) => s.typingLongTasks)),
    engineBeforeLoad: samples.some((s) => s.engineBeforeLoad),
    targets: { readyMs: 3000, firstPdfMs: 1500, typingLongTasks: 0 },
  };
  console.log(
    `customiser at ${conditions.downKbps} kbit/s, ${conditions.latencyMs} ms, CPU ÷${conditions.cpuSlowdown} ` +
      `(median of ${runs}): form and the build's preview image ${(result.previewMs / 1000).toFixed(2)} s; engine ready ${(result.readyMs / 1000).toFixed(2)} s (target ≤ 3 s), ` +
      `first PDF ${(result.firstPdfMs / 1000).toFixed(2)} s after the click (≤ 1.5 s); ` +
      `${kb(result.bytesToReady)} to ready + ${kb(result.bytesAfterReady)} after; ` +
      `long tasks > 50 ms while typing: ${result.typingLongTasks} (0); engine before load: ${result.engineBeforeLoad}`,
  );
  return result;
}

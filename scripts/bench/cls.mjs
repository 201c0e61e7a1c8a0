// Layout shift on a slow connection, for `npm run bench` (scripts/bench.mjs).
import { VIEWPORT } from './transfer.mjs';

/** The slow connection: 400 kbps each way, 400 ms round trip. */
export const SLOW_NETWORK = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

/** Applies `network` (and a CPU slowdown, if given) to `page` through the DevTools protocol. */
export async function throttle(page, { network = SLOW_NETWORK, cpu = 1 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return cdp;
}

/**
 * Cumulative layout shift of a first visit to each path on the slow network (empty cache,
 * 360 × 740): the largest session window of shifts not caused by input (as web-vitals
 * counts it: shifts less than 1 s apart, a window at most 5 s), recorded from the first
 * paint until the fonts are in and the page has been still for 1 s. Also when the last
 * font arrived and the largest single shift, to say what moved.
 */
export async function measureCls({ browser, origin, paths, network = SLOW_NETWORK }) {
  const rows = [];
  for (const path of paths) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(() => {
      const shifts = (window.__benchShifts = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.hadRecentInput) continue;
          shifts.push({
            value: entry.value,
            time: entry.startTime,
            nodes: (entry.sources ?? []).map((s) => s.node?.nodeName?.toLowerCase() ?? '?').slice(0, 3),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await throttle(page, { network });
    await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(1000);
    const { shifts, fontsAt } = await page.evaluate(() => ({
      shifts: window.__benchShifts,
      fontsAt: Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((r) => /\.(woff2?|ttf|otf)(\?|$)/.test(r.name))
          .map((r) => r.responseEnd),
      ),
    }));
    await context.close();
    let cls = 0;
    let window = 0;
    let start = -Infinity;
    let last = -Infinity;
    for (const shift of shifts) {
      if (shift.time - last > 1000 || shift.time - start > 5000) {
        window = 0;
        start = shift.time;
      }
      window += shift.value;
      last = shift.time;
      cls = Math.max(cls, window);
    }
    const largest = shifts.reduce((a, b) => (b.value > (a?.value ?? 0) ? b : a), undefined);
    rows.push({ path, cls, shifts: shifts.length, fontsArrivedMs: fontsAt, largestShift: largest ?? null });
  }
  return rows;
}

// Bytes a page costs over the wire, for `npm run bench` (scripts/bench.mjs): every response
// counted, fonts included, as the server sent it (gzip where it compresses).
import { kb } from './stats.mjs';

/** Mobile viewport of the tests and the issues' figures. */
export const VIEWPORT = { width: 360, height: 740 };

/**
 * Records, through the DevTools protocol, the bytes of every response a page receives:
 * `body` is what came over the wire for the body (gzip-encoded where the server compressed
 * it), `total` adds the response headers. Answers from the browser's cache cost 0 and are
 * counted apart (`cached`).
 */
export async function recordResponses(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    byId.set(requestId, {
      url: response.url,
      type,
      status: response.status,
      headers: response.encodedDataLength ?? 0,
      fromCache: Boolean(response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker),
      total: 0,
    });
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    const entry = byId.get(requestId);
    if (entry) entry.fromCache = true;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = byId.get(requestId);
    if (entry) entry.total = encodedDataLength;
  });
  return {
    cdp,
    /** The responses so far, and forgets them. */
    take() {
      const list = [...byId.values()].map((r) => ({
        url: r.url,
        type: r.type,
        status: r.status,
        cached: r.fromCache,
        total: r.fromCache ? 0 : r.total,
        body: r.fromCache ? 0 : Math.max(0, r.total - r.headers),
      }));
      byId.clear();
      return list;
    },
  };
}

/**
 * Loads `url` and waits until the network is quiet, the fonts are in and the page has had
 * an idle moment (code loaded when idle, as Starlight's, is part of the visit).
 */
export async function loadFully(page, url) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() =>
    document.fonts.ready.then(
      () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500), { timeout: 5000 })),
    ),
  );
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

const sum = (list, key) => list.reduce((s, r) => s + r[key], 0);
const summary = (list) => ({
  bodyBytes: sum(list, 'body'),
  totalBytes: sum(list, 'total'),
  requests: list.length,
  fromCache: list.filter((r) => r.cached).length,
  fontBytes: sum(
    list.filter((r) => r.type === 'Font'),
    'body',
  ),
  byType: list.reduce((acc, r) => ({ ...acc, [r.type]: (acc[r.type] ?? 0) + r.body }), {}),
});

/**
 * First and repeat visit of each path: a fresh browser context (empty cache) loads the page
 * (first visit), then loads it again in the same context (repeat visit: what the cache does
 * not spare). Returns one row a path; `onRow`, if given, gets each row as soon as it is measured.
 */
export async function measureTransfer({ browser, origin, paths, onRow }) {
  const rows = [];
  for (const path of paths) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const recorder = await recordResponses(page);
    await loadFully(page, `${origin}${path}`);
    const first = recorder.take();
    await loadFully(page, `${origin}${path}`);
    const repeat = recorder.take();
    await context.close();
    const row = {
      path,
      first: summary(first),
      repeat: summary(repeat),
      files: first.map((r) => ({ url: r.url.replace(origin, ''), type: r.type, body: r.body })),
    };
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}

/**
 * One line a page: first visit (body bytes as sent, then with headers) and repeat visit (with
 * headers: revalidated files cost their headers only).
 */
export function formatTransferRow(row) {
  return `${kb(row.first.bodyBytes).padStart(9)} first (${kb(row.first.totalBytes)} with headers; ${row.first.requests} req, fonts ${kb(row.first.fontBytes)})  ${kb(row.repeat.totalBytes).padStart(8)} repeat (${row.repeat.requests} req, body ${kb(row.repeat.bodyBytes)})  ${row.path}`;
}

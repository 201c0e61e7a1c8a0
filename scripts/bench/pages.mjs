// What a page costs a visitor on a slow phone: bytes on a first and a repeat visit, and how far
// the layout shifts while it loads over a slow line. Self-contained, for `npm run bench`
// (scripts/bench.mjs) to call, or run on its own against a built dist/:
//
//   node scripts/bench/pages.mjs [--runs 3] [--port $BENCH_PORT] [path …]
//
// (it serves dist/ with scripts/serve.mjs; the default paths are home, the first slogan page,
// /ke-hoach/ and /tro-giup/).
//
// Bytes are read from Chromium's own network log (CDP), per request:
// - `body`: the response body as it crossed the wire (gzip where the server compressed it, the
//   file itself for woff2 and images), every file counted: HTML, CSS, JS, fonts, images;
// - `headers`: the response headers' bytes, reported apart (a 304 revalidation is all headers);
// - anything served from the browser's cache costs 0.
// A first visit is a fresh browser context (empty cache); the repeat visit opens the same
// address again in that context, as a reader who comes back does.
//
// Layout shift: the page loads in a fresh context at `kbps` down and up and `rttMs` round trip
// (CDP Network.emulateNetworkConditions), 360×740 like the end-to-end tests; a
// PerformanceObserver sums `layout-shift` entries without recent input, grouped in session
// windows (1 s gap, 5 s cap) as CLS is defined; the largest window is the CLS.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../browser.mjs';
import { basePath } from '../../site.config.mjs';
import { kb, median } from './stats.mjs';

export const VIEWPORT = { width: 360, height: 740 };
/** Targets of issue 10 (bytes: body bytes on the wire, every file). */
export const TARGETS = { firstVisitBytes: 35 * 1024, repeatVisitBytes: 12 * 1024, cls: 0.02 };

/** Records every request of a page through CDP; `settle()` waits for the network to go quiet. */
async function recordNetwork(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', done: false, headers: 0, total: 0 });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.type = e.type;
    r.status = e.response.status;
    r.mimeType = e.response.mimeType;
    r.fromCache = Boolean(e.response.fromDiskCache || e.response.fromMemoryCache || e.response.fromPrefetchCache);
    // At this point encodedDataLength is what the status line and headers took.
    r.headers = e.response.encodedDataLength ?? 0;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.done = true;
    r.total = e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: true, failed: e.errorText });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.fromCache = true;
  });
  return {
    cdp,
    async settle(quietMs = 800) {
      let last = -1;
      for (let i = 0; i < 200; i++) {
        const pending = [...requests.values()].filter((r) => !r.done).length;
        if (pending === 0 && last === requests.size) return;
        last = requests.size;
        await sleep(quietMs / 4);
      }
    },
    take() {
      const list = [...requests.values()].map((r) => ({
        url: r.url,
        type: r.type,
        status: r.status,
        fromCache: Boolean(r.fromCache),
        headerBytes: r.fromCache ? 0 : r.headers,
        bodyBytes: r.fromCache ? 0 : Math.max(0, r.total - r.headers),
        failed: r.failed,
      }));
      requests.clear();
      return list;
    },
  };
}

const sum = (requests, key) => requests.reduce((s, r) => s + r[key], 0);

/** Bytes by resource type (Document, Stylesheet, Script, Font, Image…), body bytes. */
function byType(requests) {
  const out = {};
  for (const r of requests) out[r.type] = (out[r.type] ?? 0) + r.bodyBytes;
  return out;
}

/**
 * First and repeat visit of one page.
 * @param {{ browser: import('@playwright/test').Browser, origin: string, path: string }} options
 */
export async function measureTransfer({ browser, origin, path }) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const net = await recordNetwork(page);
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await net.settle();
    const first = net.take();
    await page.close();
    // The reader comes back: a new tab in the same browser (its cache kept), same address.
    const again = await context.newPage();
    const net2 = await recordNetwork(again);
    await again.goto(`${origin}${path}`, { waitUntil: 'load' });
    await net2.settle();
    const repeat = net2.take();
    const summary = (requests) => ({
      bodyBytes: sum(requests, 'bodyBytes'),
      headerBytes: sum(requests, 'headerBytes'),
      requests: requests.filter((r) => !r.fromCache).length,
      byType: byType(requests),
      files: requests,
    });
    return { path, first: summary(first), repeat: summary(repeat) };
  } finally {
    await context.close();
  }
}

/** Installed before any script of the page: collects layout shifts and font loads. */
function observeShifts() {
  const state = { shifts: [], fonts: [] };
  /** @type {any} */ (window).__pagesBench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {PerformanceEntry & { value: number, hadRecentInput: boolean }} */ (entry);
      if (!shift.hadRecentInput) state.shifts.push({ t: shift.startTime, value: shift.value });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  document.fonts?.addEventListener('loadingdone', (e) => {
    for (const face of e.fontfaces)
      state.fonts.push({ t: performance.now(), family: face.family, weight: face.weight });
  });
}

/** CLS as defined: the largest sum of shifts in a session window (gaps < 1 s, at most 5 s long). */
export function clsFromShifts(shifts) {
  let best = 0;
  let current = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const { t, value } of [...shifts].sort((a, b) => a.t - b.t)) {
    if (t - last > 1000 || t - start > 5000) {
      current = 0;
      start = t;
    }
    current += value;
    last = t;
    best = Math.max(best, current);
  }
  return best;
}

/**
 * Layout shift of one page loaded over a slow line, in a fresh context (nothing cached).
 * @param {{ browser: import('@playwright/test').Browser, origin: string, path: string, kbps?: number, rttMs?: number }} options
 */
export async function measureCls({ browser, origin, path, kbps = 400, rttMs = 400 }) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(observeShifts);
    const net = await recordNetwork(page);
    const bytesPerSecond = (kbps * 1000) / 8;
    await net.cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: rttMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    const started = Date.now();
    await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
    const loadMs = Date.now() - started;
    await net.settle(1500);
    // Shifts are reported a frame after they happen.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const state = await page.evaluate(() => /** @type {any} */ (window).__pagesBench);
    const firstPaintMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    );
    return {
      path,
      cls: clsFromShifts(state.shifts),
      shifts: state.shifts,
      fontsLoaded: state.fonts,
      firstPaintMs,
      loadMs,
      bodyBytes: sum(net.take(), 'bodyBytes'),
    };
  } finally {
    await context.close();
  }
}

/**
 * Every figure for a list of pages, each the median of `runs`.
 * @param {{ executablePath?: string, browser?: import('@playwright/test').Browser, origin: string, paths: string[], runs?: number, kbps?: number, rttMs?: number }} options
 */
export async function benchPages({ executablePath, browser: given, origin, paths, runs = 3, kbps = 400, rttMs = 400 }) {
  const browser = given ?? (await chromium.launch({ executablePath, args: CHROMIUM_ARGS }));
  try {
    const pages = [];
    for (const path of paths) {
      const transfers = [];
      const shifts = [];
      for (let i = 0; i < runs; i++) transfers.push(await measureTransfer({ browser, origin, path }));
      for (let i = 0; i < runs; i++) shifts.push(await measureCls({ browser, origin, path, kbps, rttMs }));
      const last = transfers.at(-1);
      pages.push({
        path,
        firstVisitBytes: median(transfers.map((t) => t.first.bodyBytes)),
        firstVisitHeaderBytes: median(transfers.map((t) => t.first.headerBytes)),
        firstVisitRequests: last.first.requests,
        firstVisitByType: last.first.byType,
        repeatVisitBytes: median(transfers.map((t) => t.repeat.bodyBytes)),
        repeatVisitHeaderBytes: median(transfers.map((t) => t.repeat.headerBytes)),
        repeatVisitRequests: last.repeat.requests,
        cls: median(shifts.map((s) => s.cls)),
        clsRuns: shifts.map((s) => s.cls),
        slowLoadMs: median(shifts.map((s) => s.loadMs)),
        slowFirstPaintMs: median(shifts.map((s) => s.firstPaintMs ?? NaN)),
        slowFontsLoadedMs: shifts.map((s) => s.fontsLoaded.map((f) => Math.round(f.t))),
        files: last.first.files.map(({ url, type, bodyBytes }) => ({ url: new URL(url).pathname, type, bodyBytes })),
      });
    }
    return { pages, runs, network: { kbps, rttMs }, targets: TARGETS };
  } finally {
    if (!given) await browser.close();
  }
}

/** One line a page, for a console report. */
export function formatPages({ pages, network }) {
  const lines = [
    `first / repeat visit (body bytes on the wire, every file), CLS at ${network.kbps} kbps / ${network.rttMs} ms RTT:`,
  ];
  for (const p of pages) {
    const types = Object.entries(p.firstVisitByType)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k.toLowerCase()} ${kb(v)}`)
      .join(', ');
    lines.push(
      `${kb(p.firstVisitBytes).padStart(9)} first (${p.firstVisitRequests} req: ${types})  ${kb(p.repeatVisitBytes).padStart(8)} repeat  CLS ${p.cls.toFixed(3)}  ${p.path}`,
    );
  }
  lines.push(
    `targets: first ≤ ${kb(TARGETS.firstVisitBytes)}, repeat ≤ ${kb(TARGETS.repeatVisitBytes)}, CLS ≤ ${TARGETS.cls}`,
  );
  return lines.join('\n');
}

/** The first slogan page named in the sitemap. */
export function defaultPaths(distDir = 'dist') {
  const xml = readFileSync(`${distDir}/sitemap.xml`, 'utf8');
  const all = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const slogan = all.find((p) => p.startsWith(`${basePath}khau-hieu/`) && p !== `${basePath}khau-hieu/`);
  return [basePath, slogan, `${basePath}ke-hoach/`, `${basePath}tro-giup/`].filter(Boolean);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '3' },
      port: { type: 'string', default: process.env.BENCH_PORT ?? '4330' },
      json: { type: 'string' },
    },
  });
  const origin = `http://127.0.0.1:${values.port}`;
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', values.port], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${origin}${basePath}`)).ok) break;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    const executablePath = await findChromium();
    const result = await benchPages({
      executablePath,
      origin,
      paths: positionals.length ? positionals : defaultPaths(),
      runs: Number(values.runs),
    });
    console.log(formatPages(result));
    if (values.json) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(values.json, JSON.stringify(result, null, 2));
    }
  } finally {
    server.kill();
  }
}

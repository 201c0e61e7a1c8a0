// Benchmarks for the targets of the issues (never timed tests):
//   1. bytes each page transfers, gzip, fonts excluded (target: ≤ 25 KB), and its JavaScript;
//   2. Lighthouse mobile scores on home, a slogan page and the plan page (target: 100 × 4);
//   3. clean build time of the site, median (target: < 7.5 s);
//   4. search: time from a query typed on a fresh page to its first results on screen
//      (target: median < 200 ms), later queries (< 50 ms), bytes of the first query
//      (compressed, < 100 KB), search bytes loaded by pages without a search (0).
//   5. print files: cold generation with an empty cache (target: < 90 s), the print step of a
//      rebuild with nothing changed (< 5 s), bytes of all print files in dist/ (< 100 MB),
//      the largest A2 PDF (< 100 KB), and what the customiser page transfers on a first
//      visit, compressed, code and fonts included (< 450 KB).
// Usage: npm run bench [-- --only size,lighthouse,build,search,print] [--runs 5]
// Results are printed and written to bench-results/latest.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { LOCAL_SITE_URL, basePath } from '../site.config.mjs';
import { benchSearch } from './bench/search.mjs';
import { benchOffline } from './bench/offline.mjs';
import { kb, median } from './bench/stats.mjs';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'size,lighthouse,build,search,print' },
    runs: { type: 'string', default: '5' },
  },
});
const only = new Set(values.only.split(','));
const runs = Number(values.runs);
// BENCH_PORT: another checkout may be benchmarking on the same machine.
const PORT = Number(process.env.BENCH_PORT ?? 4330);
const origin = `http://127.0.0.1:${PORT}`;
const results = { date: new Date().toISOString(), node: process.version };

function build() {
  rmSync('dist', { recursive: true, force: true });
  rmSync('node_modules/.astro', { recursive: true, force: true });
  rmSync('.astro', { recursive: true, force: true });
  const start = performance.now();
  const run = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: { SITE_URL: LOCAL_SITE_URL, ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  return seconds;
}

/** The print step's own timings, written by src/build/integrations/print-files.ts at the end of a build. */
const PRINT_CACHE = '.cache/print-files';
const lastPrintRun = () => JSON.parse(readFileSync(join(PRINT_CACHE, 'last-run.json'), 'utf8'));
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

/** Bytes of every file under `dir`. */
function folderBytes(dir) {
  let sum = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) sum += statSync(join(entry.parentPath, entry.name)).size;
  }
  return sum;
}

let built = false;
if (only.has('print')) {
  rmSync(PRINT_CACHE, { recursive: true, force: true });
  const coldBuild = build();
  const cold = lastPrintRun();
  console.log(
    `print, cold (empty cache): generation ${cold.generationSeconds.toFixed(1)} s (${cold.rendered} files rendered, ${cold.bundlesBuilt} ZIPs), copy into dist ${cold.copySeconds.toFixed(1)} s; whole build ${coldBuild.toFixed(1)} s (target < 90 s)`,
  );
  const warmBuild = build();
  const warm = lastPrintRun();
  console.log(
    `print, rebuild with nothing changed: print step ${warm.printStepSeconds.toFixed(2)} s (${warm.rendered} rendered, ${warm.reused} from cache); whole build ${warmBuild.toFixed(1)} s (target < 5 s for the print step)`,
  );
  built = true;
  const manifest = JSON.parse(readFileSync('dist/tai-lieu/manifest.json', 'utf8'));
  const printBytes =
    ['tai-lieu/tep', 'tai-lieu/xem-truoc', 'tai-lieu/goi'].reduce(
      (sum, dir) => sum + folderBytes(join('dist', dir)),
      0,
    ) + statSync('dist/tai-lieu/manifest.json').size;
  const byType = {};
  for (const file of manifest.files) byType[file.type] = (byType[file.type] ?? 0) + file.bytes;
  byType.zip = manifest.bundles.reduce((sum, bundle) => sum + bundle.bytes, 0);
  const a2 = manifest.files.filter((f) => f.formatId === 'a2' && f.type === 'pdf').sort((a, b) => b.bytes - a.bytes);
  console.log(
    `print files in dist/: ${mb(printBytes)} (${Object.entries(byType)
      .map(([k, v]) => `${k} ${mb(v)}`)
      .join(', ')}); target < 100 MB`,
  );
  console.log(`largest A2 PDF: ${kb(a2[0].bytes)} (${a2[0].name}); target < 100 KB`);
  results.print = {
    cold: { ...cold, buildSeconds: coldBuild },
    unchanged: { ...warm, buildSeconds: warmBuild },
    printBytes,
    bytesByType: byType,
    largestA2Pdf: { name: a2[0].name, bytes: a2[0].bytes },
    targets: {
      coldSeconds: 90,
      unchangedPrintStepSeconds: 5,
      printBytes: 100e6,
      a2PdfBytes: 100 * 1024,
      customiserFirstVisitBytes: 450 * 1024,
    },
  };
}

if (only.has('build')) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(build());
    console.log(`build ${i + 1}/${runs}: ${times.at(-1).toFixed(2)} s`);
  }
  results.build = { runs: times, medianSeconds: median(times), targetSeconds: 7.5 };
  console.log(`clean build: median ${median(times).toFixed(2)} s over ${runs} runs (target < 7.5 s)\n`);
} else if (!built) {
  build();
}

const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
let serverExited = false;
server.on('exit', () => (serverExited = true));
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${origin}${basePath}`)).ok) break;
    } catch {
      // not listening yet: try again
    }
    await sleep(100);
  }
  // A server that exited at once could not listen: whatever answered is not this dist/.
  await sleep(300);
  if (serverExited) throw new Error(`Could not serve dist/ on port ${PORT} (in use?): set BENCH_PORT.`);
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-browser.mjs`.');
  const xml = readFileSync('dist/sitemap.xml', 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);

  if (only.has('size')) {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const pages = [];
    for (const path of paths) {
      const page = await browser.newPage();
      const bodies = [];
      page.on('response', async (response) => {
        const type = response.request().resourceType();
        if (type === 'font') return;
        bodies.push(
          response
            .body()
            .then((b) => ({ url: response.url(), type, gzip: gzipSync(b).length, raw: b.length }))
            .catch(() => null),
        );
      });
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      const inlineScript = await page.evaluate(() =>
        [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join(''),
      );
      const resources = (await Promise.all(bodies)).filter(Boolean);
      const scriptFiles = resources.filter((r) => r.type === 'script');
      pages.push({
        path,
        gzipBytes: resources.reduce((sum, r) => sum + r.gzip, 0),
        requests: resources.length,
        jsBytes: inlineScript.length + scriptFiles.reduce((sum, r) => sum + r.raw, 0),
        jsGzipBytes:
          (inlineScript ? gzipSync(inlineScript).length : 0) + scriptFiles.reduce((sum, r) => sum + r.gzip, 0),
      });
      await page.close();
    }
    await browser.close();
    const worst = pages.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    results.size = { pages, maxGzipBytes: worst.gzipBytes, worstPage: worst.path, targetBytes: 25 * 1024 };
    for (const p of pages)
      console.log(
        `${kb(p.gzipBytes).padStart(9)}  ${String(p.requests).padStart(2)} req  JS ${p.jsBytes} B (${p.jsGzipBytes} B gz)  ${p.path}`,
      );
    console.log(`largest transfer without fonts: ${kb(worst.gzipBytes)} (${worst.path}); target ≤ 25 KB\n`);
  }

  if (only.has('print')) {
    // What a first visit to the customiser transfers, as sent over the wire (gzip from
    // scripts/serve.mjs): page, CSS, code and every font, until the preview is drawn.
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses = [];
    page.on('requestfinished', (request) =>
      responses.push(
        request.sizes().then((sizes) => ({
          url: request.url(),
          type: request.resourceType(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        })),
      ),
    );
    await page.goto(`${origin}${basePath}tao-mau/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('print-customiser[data-state="ready"]');
    const firstVisit = await Promise.all(responses.splice(0));
    const total = firstVisit.reduce((sum, r) => sum + r.bytes, 0);
    const byKind = {};
    for (const r of firstVisit) byKind[r.type] = (byKind[r.type] ?? 0) + r.bytes;
    // pdf-lib comes only with the first PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-type="pdf"]')]);
    await download.path();
    const onPdf = (await Promise.all(responses.splice(0))).reduce((sum, r) => sum + r.bytes, 0);
    await browser.close();
    results.print = {
      ...results.print,
      customiser: { firstVisitBytes: total, byKind, requests: firstVisit, firstPdfExtraBytes: onPdf },
    };
    console.log(
      `customiser first visit: ${kb(total)} compressed in ${firstVisit.length} requests (${Object.entries(byKind)
        .map(([k, v]) => `${k} ${kb(v)}`)
        .join(', ')}); target < 450 KB`,
    );
    console.log(`  + ${kb(onPdf)} when the first PDF is made (pdf-lib, loaded on demand)\n`);
  }

  if (only.has('lighthouse')) {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const targets = [basePath, `${basePath}khau-hieu/cham-dut-bao-luc-vun-dap-yeu-thuong/`, `${basePath}ke-hoach/`];
    const chrome = await chromeLauncher.launch({
      chromePath: executablePath,
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    });
    results.lighthouse = [];
    try {
      for (const path of targets) {
        const scoresByRun = [];
        for (let i = 0; i < Math.min(runs, 3); i++) {
          const { lhr } = await lighthouse(`${origin}${path}`, {
            port: chrome.port,
            logLevel: 'error',
            output: 'json',
          });
          scoresByRun.push(
            Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)])),
          );
          if (i === 0) {
            const failing = Object.values(lhr.audits).filter(
              (a) =>
                a.score !== null &&
                a.score < 1 &&
                a.scoreDisplayMode !== 'informative' &&
                a.scoreDisplayMode !== 'notApplicable',
            );
            if (failing.length)
              console.log(`  ${path}: audits below 1: ${failing.map((a) => `${a.id} (${a.score})`).join(', ')}`);
          }
        }
        const scores = Object.fromEntries(
          Object.keys(scoresByRun[0]).map((k) => [k, median(scoresByRun.map((s) => s[k]))]),
        );
        results.lighthouse.push({ path, scores, runs: scoresByRun });
        console.log(
          `Lighthouse (mobile, median of ${scoresByRun.length}) ${path}: ${Object.entries(scores)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        );
      }
    } finally {
      await chrome.kill();
    }
    console.log('target: 100 in all four categories\n');
  }

  if (only.has('search')) {
    results.search = await benchSearch({ executablePath, paths, origin, runs });
  }
  if (only.has('size') || only.has('offline')) results.offline = await benchOffline({ executablePath, paths, origin });
} finally {
  server.kill();
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
console.log('written: bench-results/latest.json');

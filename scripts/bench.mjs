// `npm run bench`: the speed and size targets of the issues (never timed tests), each figure
// beside the Starlight peer's where the peer has one (../shared/peer-starlight/, copied to
// .cache/peer-starlight/; PEER_DIR to change it) and beside its target, with pass or fail.
// Sections (--only, comma-separated; all by default):
//   build       clean build of this site and of the peer, alternating, median (scripts/bench/build.mjs)
//   print       print files: cold generation with an empty cache, the print step of a rebuild
//               with nothing changed, bytes in dist/, the largest A2 PDF, what /tao-mau/ transfers
//   transfer    first and repeat visit of every page, every file counted, fonts included (transfer.mjs)
//   cls         layout shift at 400 kbps / 400 ms on home, a slogan page, /ke-hoach/ (cls.mjs)
//   customiser  /tao-mau/ ready and first PDF at 400 kbps with the CPU slowed 4× (customiser.mjs), and long tasks while typing
//   lighthouse  Lighthouse mobile on one page of every kind (lighthouse-pages.mjs)
//   search      first result of a cold query, later queries, bytes (search.mjs; the peer's: search-peer.mjs)
// Usage: npm run bench [-- --only build,transfer] [--runs 3] [--build-runs 7] [--pages <regexp>] [--no-build] [--help]
//   --runs       runs of each measure (medians); --build-runs: pairs of clean builds, 7 by default:
//                on the shared 2-core machine one pair's ratio moves by a tenth or more either way,
//                and the median of 3 pairs by several hundredths
//   --pages     only the sitemap's paths that match (transfer, Lighthouse), e.g. --pages 'tai-lieu/'
//   --no-build  measure the dist/ there is (built with the same SITE_URL); not with build or print
// Results are printed and written to bench-results/latest.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { LOCAL_SITE_URL, basePath } from '../site.config.mjs';
import { benchBuild } from './bench/build.mjs';
import { measureCls } from './bench/cls.mjs';
import { benchCustomiser } from './bench/customiser.mjs';
import { lighthouseScores, pagesByKind } from './bench/lighthouse-pages.mjs';
import { PEER_PAGES, cleanBuild, preparePeer, servePeer } from './bench/peer.mjs';
import { benchSearch } from './bench/search.mjs';
import { benchOffline } from './bench/offline.mjs';
import { benchPeerSearch } from './bench/search-peer.mjs';
import { kb, median } from './bench/stats.mjs';
import { formatTransferRow, measureTransfer } from './bench/transfer.mjs';

const SECTIONS = ['build', 'print', 'transfer', 'cls', 'customiser', 'lighthouse', 'search', 'offline'];
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: SECTIONS.join(',') },
    runs: { type: 'string', default: '3' },
    'build-runs': { type: 'string', default: '7' },
    pages: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  // The usage is the comment at the top of this file.
  const head = readFileSync(new URL(import.meta.url), 'utf8').split('\nimport ')[0];
  console.log(head.replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}
const pagesPattern = values.pages === undefined ? undefined : new RegExp(values.pages);
// `size` was the name of the transfer section before fonts were counted.
const only = new Set(values.only.split(',').map((s) => (s === 'size' ? 'transfer' : s)));
for (const name of only)
  if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section "${name}" (${SECTIONS})`);
if (values['no-build'] && (only.has('build') || only.has('print')))
  throw new Error('--no-build: the build and print sections build; leave them out with --only');
const runs = Number(values.runs);
if (!(runs >= 1)) throw new Error(`--runs: a number ≥ 1, not "${values.runs}"`);
const buildRuns = Number(values['build-runs']);
if (!(buildRuns >= 1)) throw new Error(`--build-runs: a number ≥ 1, not "${values['build-runs']}"`);
// BENCH_PORT: another checkout may be benchmarking on the same machine (the peer: the next port).
const PORT = Number(process.env.BENCH_PORT ?? 4330);
const origin = `http://127.0.0.1:${PORT}`;
const SITE_URL = process.env.SITE_URL ?? LOCAL_SITE_URL;
const load = () => loadavg().map((n) => n.toFixed(2));
const results = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpus().length, loadAtStart: load() },
  runs,
  sections: [...only],
  checks: [],
};

/** One figure beside the peer's and its target; `atMost`: the figure passes when ≤ target. */
function check(measure, value, { target, peer, format = String, atMost = true }) {
  const pass = value === undefined || value === null ? undefined : atMost ? value <= target : value >= target;
  results.checks.push({ measure, value, peer: peer ?? null, target, pass: pass ?? null });
  const peerText = peer === undefined || peer === null ? '' : `  (peer ${format(peer)})`;
  console.log(
    `${pass === undefined ? '  ?  ' : pass ? 'PASS ' : 'FAIL '} ${measure}: ${format(value)}${peerText}; target ${atMost ? '≤' : '≥'} ${format(target)}`,
  );
}
const ms = (n) => `${Math.round(n)} ms`;
const s2 = (n) => `${n.toFixed(2)} s`;

// --- Builds --------------------------------------------------------------------------------
const needsPeer = ['build', 'transfer', 'cls', 'lighthouse', 'search'].some((s) => only.has(s));
const peerDir = needsPeer ? preparePeer() : undefined;
const PRINT_CACHE = '.cache/print-files';
const lastPrintRun = () => JSON.parse(readFileSync(join(PRINT_CACHE, 'last-run.json'), 'utf8'));
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const build = () => cleanBuild('.', { SITE_URL }).seconds;

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
    `print, cold (empty cache): generation ${cold.generationSeconds.toFixed(1)} s (${cold.rendered} files rendered, ${cold.bundlesBuilt} ZIPs), into dist ${cold.copySeconds.toFixed(1)} s; whole build ${coldBuild.toFixed(1)} s`,
  );
  const warmBuild = build();
  const warm = lastPrintRun();
  console.log(
    `print, rebuild with nothing changed: ${warm.rendered} rendered, ${warm.reused} from cache; whole build ${warmBuild.toFixed(1)} s`,
  );
  // The print-shop issue's targets: a cold generation under 30 s, a warm one under 1 s.
  check('print, cold generation (empty cache)', cold.generationSeconds, { target: 30, format: s2 });
  check('print step of a rebuild with nothing changed', warm.printStepSeconds, { target: 1, format: s2 });
  built = true;
  const manifest = JSON.parse(readFileSync('dist/tai-lieu/manifest.json', 'utf8'));
  const printBytes =
    ['tai-lieu/tep', 'tai-lieu/xem-truoc', 'tai-lieu/goi'].reduce(
      (sum, dir) => sum + folderBytes(join('dist', dir)),
      0,
    ) + statSync('dist/tai-lieu/manifest.json').size;
  const a2 = manifest.files.filter((f) => f.formatId === 'a2' && f.type === 'pdf').sort((a, b) => b.bytes - a.bytes);
  check('print files in dist/', printBytes, { target: 100e6, format: mb });
  check(`largest A2 PDF (${a2[0].name})`, a2[0].bytes, { target: 100 * 1024, format: kb });
  results.print = {
    cold: { ...cold, buildSeconds: coldBuild },
    unchanged: { ...warm, buildSeconds: warmBuild },
    printBytes,
    largestA2Pdf: { name: a2[0].name, bytes: a2[0].bytes },
  };
}

if (only.has('build')) {
  console.log(`\nclean builds, alternating with the peer (load ${load().join(' ')})`);
  results.build = benchBuild({ runs: buildRuns, peerDir });
  results.build.loadAfter = load();
  check(`clean build, median of ${buildRuns}`, results.build.medianSeconds, {
    target: results.build.peerMedianSeconds ?? NaN,
    peer: results.build.peerMedianSeconds,
    format: s2,
  });
  if (results.build.ratio !== undefined)
    check('clean build ÷ peer (medians)', results.build.ratio, { target: 1, format: (n) => `${n.toFixed(2)}×` });
} else if (!built && !values['no-build']) {
  build();
}
const browserSections = ['transfer', 'cls', 'customiser', 'lighthouse', 'search', 'print'];
if (peerDir && !existsSync(join(peerDir, 'dist', 'index.html'))) cleanBuild(peerDir);

// --- In a browser --------------------------------------------------------------------------
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
let serverExited = false;
server.on('exit', () => (serverExited = true));
const peer =
  peerDir && browserSections.some((s) => only.has(s)) ? await servePeer(join(peerDir, 'dist'), PORT + 1) : undefined;
let browser;
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
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const xml = readFileSync('dist/sitemap.xml', 'utf8');
  const allPaths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const paths = pagesPattern ? allPaths.filter((p) => pagesPattern.test(p)) : allPaths;
  if (!paths.length) throw new Error(`--pages ${values.pages}: no page of the sitemap matches`);
  const slogan = allPaths.find((p) => p.startsWith(`${basePath}khau-hieu/`) && p !== `${basePath}khau-hieu/`);
  const KEY_PAGES = [
    ['home', basePath, PEER_PAGES.home],
    ['slogan page', slogan, PEER_PAGES.slogan],
    ['/ke-hoach/', `${basePath}ke-hoach/`, PEER_PAGES.plan],
  ];
  const isContentPage = (path) => !path.startsWith(`${basePath}tao-mau/`);

  if (only.has('transfer')) {
    console.log(
      `\nfirst visit (gzip body bytes as sent) and repeat visit (with headers), every file, fonts included, median of ${runs} (load ${load().join(' ')})`,
    );
    const oursByRun = [];
    const peerByRun = [];
    for (let i = 0; i < runs; i++) {
      // Each page's line as it is measured (first run), the medians below.
      const onRow = i === 0 ? (row) => console.log(`  ${formatTransferRow(row)}`) : undefined;
      oursByRun.push(await measureTransfer({ browser, origin, paths, onRow }));
      if (peer)
        peerByRun.push(await measureTransfer({ browser, origin: peer.origin, paths: Object.values(PEER_PAGES) }));
    }
    // Bytes vary little between runs (only what a page fetches late): the median of each figure.
    const mid = (byRun, index, visit, key) => median(byRun.map((rows) => rows[index][visit][key]));
    const ours = oursByRun[0].map((row, i) => ({
      ...row,
      first: { ...row.first, bodyBytes: mid(oursByRun, i, 'first', 'bodyBytes') },
      repeat: { ...row.repeat, totalBytes: mid(oursByRun, i, 'repeat', 'totalBytes') },
    }));
    const peerRows = peerByRun[0]?.map((row, i) => ({
      ...row,
      first: { ...row.first, bodyBytes: mid(peerByRun, i, 'first', 'bodyBytes') },
      repeat: { ...row.repeat, totalBytes: mid(peerByRun, i, 'repeat', 'totalBytes') },
    }));
    console.log(runs > 1 ? `median of ${runs}:` : '');
    for (const row of ours) console.log(formatTransferRow(row));
    if (peerRows) {
      console.log('peer:');
      for (const row of peerRows) console.log(formatTransferRow(row));
    }
    const peerRow = (path) => peerRows?.find((r) => r.path === path);
    for (const [name, path, peerPath] of KEY_PAGES) {
      const row = ours.find((r) => r.path === path);
      if (!row) continue;
      check(`first visit, ${name}`, row.first.bodyBytes, {
        target: 35 * 1024,
        peer: peerRow(peerPath)?.first.bodyBytes,
        format: kb,
      });
      check(`repeat visit with headers, ${name}`, row.repeat.totalBytes, {
        target: 12 * 1024,
        peer: peerRow(peerPath)?.repeat.totalBytes,
        format: kb,
      });
    }
    const content = ours.filter((r) => isContentPage(r.path));
    if (!content.length) throw new Error('transfer: no content page among the pages measured');
    const worstFirst = content.reduce((a, b) => (b.first.bodyBytes > a.first.bodyBytes ? b : a));
    const worstRepeat = content.reduce((a, b) => (b.repeat.totalBytes > a.repeat.totalBytes ? b : a));
    const peerMax = (visit, key) => (peerRows ? Math.max(...peerRows.map((r) => r[visit][key])) : undefined);
    check(`first visit, largest content page (${worstFirst.path})`, worstFirst.first.bodyBytes, {
      target: 35 * 1024,
      peer: peerMax('first', 'bodyBytes'),
      format: kb,
    });
    check(`repeat visit with headers, largest content page (${worstRepeat.path})`, worstRepeat.repeat.totalBytes, {
      target: 12 * 1024,
      peer: peerMax('repeat', 'totalBytes'),
      format: kb,
    });
    results.transfer = {
      pages: ours,
      peer: peerRows ?? null,
      runs: { ours: oursByRun.map((r) => r.map((p) => [p.path, p.first.bodyBytes, p.repeat.bodyBytes])) },
    };
  }

  if (only.has('cls')) {
    console.log(`\nlayout shift at 400 kbps / 400 ms, median of ${runs} (load ${load().join(' ')})`);
    const byRun = [];
    const peerRuns = [];
    for (let i = 0; i < runs; i++) {
      byRun.push(await measureCls({ browser, origin, paths: KEY_PAGES.map(([, path]) => path) }));
      if (peer) peerRuns.push(await measureCls({ browser, origin: peer.origin, paths: KEY_PAGES.map(([, , p]) => p) }));
    }
    results.cls = KEY_PAGES.map(([name, path, peerPath], i) => ({
      name,
      path,
      cls: median(byRun.map((r) => r[i].cls)),
      runs: byRun.map((r) => r[i]),
      peer: peerRuns.length
        ? { path: peerPath, cls: median(peerRuns.map((r) => r[i].cls)), runs: peerRuns.map((r) => r[i]) }
        : null,
    }));
    for (const row of results.cls) {
      const largest = row.runs[0].largestShift;
      if (largest)
        console.log(
          `  ${row.path}: fonts in at ${ms(row.runs[0].fontsArrivedMs)}, largest shift ${largest.value.toFixed(3)} at ${ms(largest.time)} (${largest.nodes.join(', ')})`,
        );
      check(`CLS, ${row.name}`, row.cls, { target: 0.02, peer: row.peer?.cls, format: (n) => n.toFixed(3) });
    }
  }

  if (only.has('customiser')) {
    console.log(`\n/tao-mau/ at 400 kbps / 400 ms, CPU 4× slower, median of ${runs} (load ${load().join(' ')})`);
    // Ready, first PDF, bytes before and after ready, long tasks while typing (customiser.mjs).
    results.customiser = await benchCustomiser({ executablePath, origin, runs });
    check('/tao-mau/ ready', results.customiser.readyMs, { target: 3000, format: ms });
    check('/tao-mau/ first PDF after the click', results.customiser.firstPdfMs, { target: 1500, format: ms });
    check('/tao-mau/ long tasks over 50 ms while typing', results.customiser.typingLongTasks, {
      target: 0,
      format: String,
    });
  }

  if (only.has('print')) {
    // What a first visit to the customiser transfers, fonts and code included (no throttling).
    const [row] = await measureTransfer({ browser, origin, paths: [`${basePath}tao-mau/`] });
    results.print.customiserFirstVisit = row.first;
    check('/tao-mau/ first visit', row.first.bodyBytes, { target: 450 * 1024, format: kb });
  }

  if (only.has('lighthouse')) {
    const pages = pagesByKind(paths, basePath);
    console.log(`\nLighthouse mobile, ${pages.length} kinds of page, median of ${runs} (load ${load().join(' ')})`);
    const rows = await lighthouseScores({ executablePath, origin, pages, runs });
    const peerRows = peer
      ? await lighthouseScores({
          executablePath,
          origin: peer.origin,
          pages: [
            ['home', PEER_PAGES.home],
            ['slogan', PEER_PAGES.slogan],
          ],
          runs,
        })
      : [];
    results.lighthouse = { pages: rows, peer: peerRows };
    const text = (scores) => Object.values(scores).join('/');
    for (const row of rows) {
      const peerRow = peerRows.find((p) => p.kind === row.kind || (row.kind === 'slogan' && p.kind === 'slogan'));
      const lowest = Math.min(...Object.values(row.scores));
      results.checks.push({
        measure: `Lighthouse ${row.kind}`,
        value: row.scores,
        peer: peerRow?.scores ?? null,
        target: 100,
        pass: lowest >= 100,
      });
      console.log(
        `${lowest >= 100 ? 'PASS ' : 'FAIL '} Lighthouse ${row.kind} (${row.path}): ${text(row.scores)}${peerRow ? `  (peer ${text(peerRow.scores)})` : ''}; target 100/100/100/100${row.failing.length ? `\n        below 1: ${row.failing.join(', ')}` : ''}`,
      );
    }
  }

  if (only.has('search')) {
    console.log(`\nsearch (load ${load().join(' ')})`);
    results.search = await benchSearch({ executablePath, paths, origin, runs });
    const peerSearch = peer ? await benchPeerSearch({ executablePath, origin: peer.origin, runs }) : undefined;
    results.search.peer = peerSearch ?? null;
    const atOnce = results.search.modes.find((m) => m.typing === 'all at once');
    check('search, first result of a cold query typed at once', atOnce.firstQueryMs.median, {
      target: 100,
      peer: peerSearch?.firstQueryMs.median,
      format: ms,
    });
  }
  if (only.has('offline')) {
    results.offline = await benchOffline({ executablePath, paths, origin });
    const { totalGzipBytes, targetBytes } = results.offline.optIn;
    check('offline copy, sw.js + manifest (gzip)', totalGzipBytes, {
      target: targetBytes - 1,
      format: (n) => `${n} B`,
    });
  }
} finally {
  await browser?.close();
  server.kill();
  await peer?.close();
}

results.machine.loadAtEnd = load();
console.log(
  `\n${results.checks.filter((c) => c.pass === true).length} passed, ${results.checks.filter((c) => c.pass === false).length} failed; load ${load().join(' ')} on ${cpus().length} CPUs`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
console.log('written: bench-results/latest.json');

// The offline-copy part of `npm run bench` (scripts/bench.mjs): what saving the site costs
// those who opt in, and that it costs nothing to anyone else.
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../browser.mjs';
import { kb } from './stats.mjs';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * - `sw.js` and `manifest.webmanifest` (src/build/integrations/offline.ts), gzip: the service
 *   worker (src/components/offline/sw.ts, minified) split into its code and the precache list,
 *   `[["url", "revision"?], …]` (target: both files together < 5 KB compressed);
 * - the offline copy: how many files and bytes a "save" downloads;
 * - opting out: every sitemap page loaded in a browser that allows service workers, with
 *   no "save" pressed; bytes of the worker, the manifest or its icons fetched (target: 0),
 *   service workers registered (0), and the control's own script, which only /tro-giup/ loads.
 */
export async function benchOffline({ executablePath, paths, origin }) {
  const worker = readFileSync('dist/sw.js');
  const manifest = readFileSync('dist/manifest.webmanifest');
  const list = /\[\["[^]*?"\]\]/.exec(worker.toString('utf8'))?.[0] ?? '';
  const urls = JSON.parse(list || '[]').map(([url]) => url);
  if (!urls.length) throw new Error('dist/sw.js: no precache list found');
  const copyBytes = urls.reduce((sum, url) => sum + statSync(`dist/${url}`).size, 0);
  const optIn = {
    swGzipBytes: gz(worker),
    manifestGzipBytes: gz(manifest),
    precacheListGzipBytes: gz(Buffer.from(list)),
    codeGzipBytes: gz(Buffer.from(worker.toString('utf8').replace(list, '[]'))),
    totalGzipBytes: gz(worker) + gz(manifest),
    targetBytes: 5 * 1024,
    precachedFiles: urls.length,
    precachedBytes: copyBytes,
  };

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const fetched = [];
  let controlScriptGzipBytes = 0;
  context.on('response', async (response) => {
    const url = response.url();
    if (/\/(sw\.js|manifest\.webmanifest|icons\/[^/]+\.png)$/.test(url))
      fetched.push({ url, bytes: (await response.body().catch(() => Buffer.alloc(0))).length });
    if (/\/_astro\/OfflineCopy\.[^/]*\.js$/.test(url))
      controlScriptGzipBytes = gz(await response.body().catch(() => Buffer.alloc(0)));
  });
  const page = await context.newPage();
  for (const path of paths) await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  const registrations = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  await browser.close();
  const optOut = {
    bytesFetched: fetched.reduce((sum, f) => sum + f.bytes, 0),
    requests: fetched.map((f) => f.url),
    registrations,
    controlScriptGzipBytes,
    targetBytes: 0,
  };

  console.log(
    `offline copy, opted in: sw.js ${kb(optIn.swGzipBytes)} gz (its code alone ${kb(optIn.codeGzipBytes)}, the precache list alone ${kb(optIn.precacheListGzipBytes)}) + manifest ${kb(optIn.manifestGzipBytes)} gz = ${kb(optIn.totalGzipBytes)}, ${optIn.totalGzipBytes} B (target < 5 KB, 5,120 B); saving downloads ${optIn.precachedFiles} files, ${(copyBytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `offline copy, not opted in (${paths.length} pages): ${optOut.bytesFetched} B of worker, manifest or icons, ${registrations} service workers (target 0); the control's script on /tro-giup/ only: ${controlScriptGzipBytes} B gz\n`,
  );
  return { optIn, optOut };
}

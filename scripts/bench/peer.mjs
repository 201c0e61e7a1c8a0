// The Starlight peer (../shared/peer-starlight/ by default, PEER_DIR to change it): the same
// campaign built with Starlight's defaults, measured beside this site in the same run.
// The shared folder is never written to: it is copied to .cache/peer-starlight/ (ignored by
// git) and installed there with `npm ci` once (again only when its package-lock.json changes).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import compression from 'compression';
import send from 'send';

export const PEER_SOURCE = resolve(process.env.PEER_DIR ?? '../shared/peer-starlight');
export const PEER_COPY = resolve('.cache/peer-starlight');

/**
 * The peer's pages that match ours, by kind (the peer has no full-plan page: its longest page,
 * the responsibilities, stands beside /ke-hoach/).
 */
export const PEER_PAGES = {
  home: '/',
  slogan: '/thong-diep/01/',
  plan: '/trach-nhiem/',
  slogans: '/thong-diep/',
  activities: '/hoat-dong/',
  legal: '/can-cu-phap-ly/',
  timeline: '/moc-thoi-gian/',
};

/** Copies the peer's sources (not its node_modules or dist) and installs it if need be; returns its folder, or undefined without a peer. */
export function preparePeer({ log = console.log } = {}) {
  if (!existsSync(join(PEER_SOURCE, 'package.json'))) {
    log(`no peer at ${PEER_SOURCE} (set PEER_DIR): peer figures skipped`);
    return undefined;
  }
  cpSync(PEER_SOURCE, PEER_COPY, {
    recursive: true,
    filter: (from) => !/[/\\](node_modules|dist|\.astro)([/\\]|$)/.test(from.slice(PEER_SOURCE.length)),
  });
  const lock = readFileSync(join(PEER_COPY, 'package-lock.json'), 'utf8');
  const stamp = join(PEER_COPY, 'node_modules', '.bench-lock');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
    log(`installing the peer in ${PEER_COPY} (npm ci)…`);
    const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_COPY, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm ci in ${PEER_COPY} failed:\n${run.stderr}`);
    writeFileSync(stamp, lock);
  }
  return PEER_COPY;
}

/**
 * A clean `npm run build` in `dir` (dist/, .astro/ and Astro's and Vite's caches removed first),
 * in seconds. `env` is added to the environment.
 */
export function cleanBuild(dir, env = {}) {
  for (const sub of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'])
    rmSync(join(dir, sub), { recursive: true, force: true });
  const start = performance.now();
  const run = spawnSync('npm', ['run', 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`build in ${dir} failed:\n${run.stdout}\n${run.stderr}`);
  return { seconds, output: run.stdout };
}

/**
 * Serves `dir` on 127.0.0.1:`port` the way scripts/serve.mjs serves ours (send, gzip by
 * `compression`), without our security headers (they would block Starlight's inline code).
 */
export async function servePeer(dir, port) {
  const compress = compression({ threshold: 256 }); // as scripts/serve.mjs and nginx
  const server = createServer((req, res) =>
    compress(req, res, () => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
      send(req, path, { root: dir, index: ['index.html'] })
        .on('error', () => {
          res.statusCode = 404;
          res.end('Not found');
        })
        .pipe(res);
    }),
  );
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

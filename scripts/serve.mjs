// The local server for dist/: `npm start`, the end-to-end tests and the benchmark. For local
// use only (it listens on 127.0.0.1): deploy dist/ with a real web server (deploy/, README).
// Files are served by `send` (Express's file sender: ETag and 304, Range, no path outside the
// root, the file closed when a download is cut off) and compressed by `compression`; this file
// only adds the base path, index pages, the 404 page, 405 for other methods and the headers.
//   node scripts/serve.mjs [--port 4321] [--dir dist]    (--port 0: any free port, printed)
import { createServer } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import compression from 'compression';
import send from 'send';
import { basePath } from '../site.config.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    dir: { type: 'string', default: 'dist' },
  },
});
const HOST = '127.0.0.1';
const root = realpathSync(resolve(values.dir));
if (!existsSync(join(root, 'index.html'))) {
  console.error(`${root}/index.html not found: build the site first (npm run build).`);
  process.exit(1);
}
const notFoundPage = existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : 'Not found';

/** Headers every answer carries: the deployed site's security headers (deploy/), so tests run under them. */
const COMMON_HEADERS = JSON.parse(readFileSync(new URL('../deploy/security-headers.json', import.meta.url), 'utf8'));

// Compress text (HTML, CSS, JS, JSON, SVG, the customiser's TTF fonts, the search wasm) but never
// a byte range: a part of a gzip stream is not the part asked for. From 256 bytes, as nginx does
// (deploy/nginx.conf, gzip_min_length; `compression` waits for 1 KB by default), so the bytes a
// page costs here are the deployed site's.
const compress = compression({
  threshold: 256,
  filter: (req, res) => !req.headers.range && compression.filter(req, res),
});

// Pagefind writes its index and WebAssembly gzip-compressed (a `pagefind_dcd` signature inside).
// Sent as they are with `Content-Encoding: gzip`, the browser inflates them natively and Pagefind
// skips its own inflate in JavaScript, on the page's thread, on the way to the first result; a
// client that does not take gzip gets them bare, and Pagefind inflates them itself. Same rule as
// deploy/nginx.conf.
const PAGEFIND_GZIPPED = /\/pagefind\/(?:.+\.pf_(?:meta|index|fragment|filter)|wasm\.[^/]+\.pagefind)$/;

function reply(res, status, headers = {}, body = '') {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { ...COMMON_HEADERS, ...headers });
  res.end(body);
}

const notFound = (req, res) =>
  reply(
    res,
    404,
    { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' },
    req.method === 'HEAD' ? '' : notFoundPage,
  );

/** True when `path` (absolute, under root) exists and it and every link on the way stay inside root. */
function insideRoot(path) {
  try {
    const real = realpathSync(path);
    return real === root || real.startsWith(root + sep);
  } catch {
    return false;
  }
}

function serve(req, res) {
  const raw = (req.url ?? '/').split('?')[0];
  const query = (req.url ?? '').slice(raw.length);
  // Printable ASCII only (what a browser sends); a base path prefix, or the base path without its slash.
  if (!/^\/[\x21-\x7e]*$/.test(raw)) return notFound(req, res);
  if (raw === basePath.slice(0, -1))
    return reply(res, 301, { Location: basePath + query.replace(/[^\x21-\x7e]/g, '') });
  if (!raw.startsWith(basePath)) return notFound(req, res);
  const rel = '/' + raw.slice(basePath.length);
  let decoded;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return notFound(req, res);
  }
  const file = join(root, decoded);
  if (!file.startsWith(root) || !insideRoot(file)) return notFound(req, res);
  if (statSync(file).isDirectory()) {
    // The address of a folder ends with a slash; the Location stays on this site, under the base path.
    if (!rel.endsWith('/')) return reply(res, 301, { Location: basePath + rel.replace(/^\/+/, '') + '/' });
    if (!insideRoot(join(file, 'index.html'))) return notFound(req, res);
  }
  send(req, rel, { root, index: ['index.html'], dotfiles: 'ignore', cacheControl: false, etag: true })
    .on('headers', (response, path) => {
      for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
      const hashed = path.startsWith(join(root, '_astro') + sep);
      response.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (PAGEFIND_GZIPPED.test(rel)) {
        response.setHeader('Vary', 'Accept-Encoding');
        // `compression` leaves an answer that already has an encoding alone.
        if (/\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? '')))
          response.setHeader('Content-Encoding', 'gzip');
      }
    })
    .on('error', (error) =>
      error.status === 404 || error.status === 403 ? notFound(req, res) : reply(res, error.status ?? 500),
    )
    .pipe(res);
}

const server = createServer((req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { Allow: 'GET, HEAD' });
    compress(req, res, () => {
      try {
        serve(req, res);
      } catch (error) {
        console.error(error);
        reply(res, 500);
      }
    });
  } catch (error) {
    console.error(error);
    reply(res, 500);
  }
});
// A malformed request or a connection reset is the client's problem, never the server's end.
server.on('clientError', (_error, socket) => socket.destroy());

server.listen(Number(values.port), HOST, () => {
  const { port } = server.address();
  console.log(`Serving ${root} at http://${HOST}:${port}${basePath} (local use only)`);
});

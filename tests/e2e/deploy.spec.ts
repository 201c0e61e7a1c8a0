/**
 * What a host must do for the site, checked against the server under test: the local server,
 * or nginx with deploy/nginx.conf (`npm run test:nginx`). Headers, caching, MIME types,
 * compression, byte ranges for ZIPs and the 404 page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const HEADERS: Record<string, string> = JSON.parse(
  readFileSync(new URL('../../deploy/security-headers.json', import.meta.url), 'utf8'),
);
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url);
const first = (folder: string, pattern: RegExp) => {
  const name = readdirSync(dist(folder)).find((file) => pattern.test(file));
  if (!name) throw new Error(`no ${pattern} in dist/${folder}`);
  return `${folder}${name}`;
};

test('every answer carries the security headers; HTML is revalidated, hashed assets kept for good', async ({
  request,
}) => {
  const page = await request.get('');
  for (const [name, value] of Object.entries(HEADERS)) expect(page.headers()[name.toLowerCase()], name).toBe(value);
  expect(page.headers()['cache-control']).toBe('no-cache');
  const css = (await page.text()).match(/href="([^"]+\.css)"/)![1]!;
  const asset = await request.get(css.replace(/^\//, ''));
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  for (const path of ['pagefind/pagefind.js', 'tai-lieu/manifest.json'])
    expect((await request.get(path)).headers()['cache-control'], path).toBe('no-cache');
});

test("the offline copy's service worker and manifest are revalidated, with their MIME types", async ({ request }) => {
  // A cached sw.js would hold back a new build's copy (the control also asks the browser to
  // bypass its cache for it: updateViaCache 'none').
  const worker = await request.get('sw.js');
  expect(worker.status()).toBe(200);
  expect(worker.headers()['cache-control']).toBe('no-cache');
  expect(worker.headers()['content-type']).toMatch(/^(text|application)\/javascript/);
  const manifest = await request.get('manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()['cache-control']).toBe('no-cache');
  expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  expect((await manifest.json()).start_url).toBe('./');
});

test('serves each file type with its MIME type', async ({ request }) => {
  const cases: [string, RegExp][] = [
    ['', /^text\/html; charset=utf-8$/],
    [first('tai-lieu/tep/', /\.pdf$/), /^application\/pdf$/],
    [first('tai-lieu/tep/', /\.svg$/), /^image\/svg\+xml/],
    [first('tai-lieu/goi/', /\.zip$/), /^application\/zip$/],
    [first('lich-trinh/', /\.ics$/), /^text\/calendar; charset=utf-8$/],
    [first('pagefind/', /\.pagefind$/), /^application\/octet-stream$/],
    ['pagefind/pagefind.js', /^(text|application)\/javascript/],
  ];
  for (const [path, type] of cases) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(type);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  }
});

test('compresses HTML, CSS and JavaScript for clients that accept gzip', async ({ request }) => {
  const page = await request.get('', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(page.headers()['content-encoding']).toBe('gzip');
  const js = await request.get('pagefind/pagefind.js', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(js.headers()['content-encoding']).toBe('gzip');
});

test("sends Pagefind's gzip files as they are, with Content-Encoding for clients that accept gzip", async ({
  request,
}) => {
  // Pagefind writes its index and WebAssembly gzip-compressed, with a signature inside.
  const signature = Buffer.from('pagefind_dcd');
  for (const path of [first('pagefind/', /^wasm\..+\.pagefind$/), first('pagefind/index/', /\.pf_index$/)]) {
    const stored = readFileSync(dist(path));
    expect(stored.subarray(0, 2).toString('hex'), path).toBe('1f8b');
    // The browser inflates it: Pagefind gets its signature and skips its own inflate.
    const taken = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(taken.headers()['content-encoding'], path).toBe('gzip');
    expect(taken.headers()['vary'], path).toMatch(/Accept-Encoding/i);
    expect(
      Buffer.from(await taken.body())
        .subarray(0, signature.length)
        .equals(signature),
      path,
    ).toBe(true);
    // A client without gzip gets the file as stored (Pagefind inflates it itself), never gzip twice.
    const bare = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(bare.headers()['content-encoding'], path).toBeUndefined();
    expect(Buffer.from(await bare.body()).equals(stored), path).toBe(true);
  }
});

test('answers a byte range of a ZIP (resumed downloads), uncompressed', async ({ request }) => {
  const zip = first('tai-lieu/goi/', /\.zip$/);
  const whole = readFileSync(dist(zip));
  const part = await request.get(zip, { headers: { Range: 'bytes=10-109', 'Accept-Encoding': 'gzip' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 10-109/${whole.length}`);
  expect(part.headers()['content-encoding']).toBeUndefined();
  expect(Buffer.from(await part.body()).equals(whole.subarray(10, 110))).toBe(true);
});

test('answers an unknown address with the 404 page and status 404, other methods with 405', async ({ request }) => {
  const missing = await request.get('khong-co-trang-nay/');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toBe(readFileSync(dist('404.html'), 'utf8'));
  expect((await request.post('', { data: 'x' })).status()).toBe(405);
});

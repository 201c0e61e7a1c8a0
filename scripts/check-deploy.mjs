// Checks a deployed copy of the site from outside, as a visitor's browser sees it, and says in
// plain words what is wrong: security headers, caching, canonical URLs, the 404 page, MIME types,
// compression and byte ranges (README "Deploy").
//   npm run check-deploy -- https://example.gov.vn/thang-hanh-dong/
// Exit code 0 when everything is right, 1 when something is wrong, 2 when the site cannot be read.
import { readFileSync } from 'node:fs';

const EXPECTED_HEADERS = JSON.parse(readFileSync(new URL('../deploy/security-headers.json', import.meta.url), 'utf8'));
const IMMUTABLE = 'public, max-age=31536000, immutable';

const problems = [];
const passed = [];
const check = (ok, good, bad) => (ok ? passed.push(good) : problems.push(bad));

async function get(url, headers = {}) {
  const response = await fetch(url, { headers, redirect: 'follow' });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

const header = (response, name) => response.headers.get(name) ?? '';
const attribute = (html, pattern) => pattern.exec(html)?.[1]?.replace(/&amp;/g, '&');

function checkSecurityHeaders(response, what) {
  for (const [name, value] of Object.entries(EXPECTED_HEADERS)) {
    const got = response.headers.get(name);
    check(
      got === value,
      `${what}: ${name} is set`,
      got === null
        ? `${what}: the ${name} header is missing. Add it as in deploy/security-headers.json (deploy/nginx.conf and deploy/_headers set it).`
        : `${what}: ${name} is "${got}", expected "${value}".`,
    );
  }
}

/** A MIME pattern as people write the type: /^(text|application)\/javascript/ → text/javascript. */
const plainType = (pattern) =>
  pattern.source
    .replace(/\\s\*/g, ' ')
    .replace(/\((\w+)\|\w+\)/g, '$1')
    .replace(/[\^$\\]/g, '');

function checkType(response, path, expected) {
  const type = header(response, 'content-type');
  check(
    response.ok && expected.test(type),
    `${path}: ${type}`,
    response.ok
      ? `${path} is served as "${type || 'no type'}", expected ${plainType(expected)}: add the type to the server's MIME types.`
      : `${path} answers ${response.status}: the file should be there (was all of dist/ copied?).`,
  );
}

async function checkSite(base) {
  const { response: home, body } = await get(base, { 'Accept-Encoding': 'gzip, br' });
  if (!home.ok) throw new Error(`${base} answers ${home.status}`);
  const html = body.toString('utf8');
  checkSecurityHeaders(home, 'home page');
  checkType(home, 'home page', /^text\/html;\s*charset=utf-8$/i);
  check(
    /\b(no-cache|max-age=0)\b/.test(header(home, 'cache-control')),
    'home page is revalidated on every visit',
    `home page: Cache-Control is "${header(home, 'cache-control')}": HTML should be "no-cache", or visitors keep an old page after a new build.`,
  );
  check(
    /^(gzip|br|zstd)$/.test(header(home, 'content-encoding')),
    `home page is compressed (${header(home, 'content-encoding')})`,
    'home page is not compressed: turn on gzip (or brotli) for HTML, CSS, JavaScript, JSON, SVG and .ics.',
  );

  // Canonical URLs: built with the address the site is served from (SITE_URL and BASE_PATH).
  const canonical = attribute(html, /<link rel="canonical" href="([^"]+)"/);
  check(
    canonical === home.url,
    `canonical URL is ${canonical}`,
    canonical
      ? `the home page names ${canonical} as its address, but it is served at ${home.url}: build again with SITE_URL (and BASE_PATH) set to the public address.`
      : 'the home page has no canonical URL.',
  );
  const ogUrl = attribute(html, /<meta property="og:url" content="([^"]+)"/);
  check(ogUrl === home.url, 'og:url matches', `og:url is ${ogUrl}, expected ${home.url}.`);
  const { response: sitemapResponse, body: sitemap } = await get(new URL('sitemap.xml', home.url));
  const locs = [...sitemap.toString('utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const foreign = locs.filter((loc) => !loc.startsWith(home.url));
  check(
    sitemapResponse.ok && locs.length > 0 && foreign.length === 0,
    `sitemap.xml lists ${locs.length} pages under ${home.url}`,
    sitemapResponse.ok
      ? `sitemap.xml lists ${foreign.length} of ${locs.length} pages at another address (e.g. ${foreign[0]}): build again with SITE_URL set.`
      : `sitemap.xml answers ${sitemapResponse.status}.`,
  );

  // 404 page.
  const missing = await get(new URL(`khong-co-trang-nay-${Date.now()}/`, home.url));
  check(
    missing.response.status === 404 && /<html/i.test(missing.body.toString('utf8')),
    'unknown addresses get the 404 page with status 404',
    missing.response.status === 404
      ? 'unknown addresses answer 404 without the site’s 404 page: serve 404.html for them (error_page 404 /404.html;).'
      : `an unknown address answers ${missing.response.status}, expected 404 with 404.html.`,
  );

  // Hashed assets: cached for good, compressed, right type. The page's own stylesheet, not the
  // few bytes inside <noscript> (too small to be worth compressing).
  const css = attribute(html.replace(/<noscript>[\s\S]*?<\/noscript>/g, ''), /<link rel="stylesheet" href="([^"]+)"/);
  if (css) {
    const { response } = await get(new URL(css, home.url), { 'Accept-Encoding': 'gzip, br' });
    checkType(response, css, /^text\/css/);
    check(
      header(response, 'cache-control') === IMMUTABLE,
      `${css} is cached for good`,
      `${css}: Cache-Control is "${header(response, 'cache-control')}": files under /_astro/ have hashed names and should be "${IMMUTABLE}".`,
    );
    check(
      /^(gzip|br|zstd)$/.test(header(response, 'content-encoding')),
      `${css} is compressed`,
      `${css} is not compressed: add text/css to the compressed types.`,
    );
  }

  // MIME types of the files people download and the search loads.
  const manifest = JSON.parse((await get(new URL('tai-lieu/manifest.json', home.url))).body.toString('utf8'));
  const fileOf = (type) => manifest.files.find((file) => file.type === type)?.path;
  const cases = [
    [fileOf('pdf'), /^application\/pdf$/],
    [fileOf('svg'), /^image\/svg\+xml/],
    [manifest.bundles[0]?.path, /^application\/zip$/],
    ['pagefind/pagefind.js', /^(text|application)\/javascript/],
  ];
  const calendar = attribute(
    (await get(new URL('lich-trinh/', home.url))).body.toString('utf8'),
    /href="([^"]+\.ics)"/,
  );
  if (calendar) cases.push([calendar, /^text\/calendar/]);
  // Manifest paths are relative to the site's base, the calendar link absolute: URL resolves both.
  for (const [path, type] of cases) if (path) checkType((await get(new URL(path, home.url))).response, path, type);

  // Byte ranges, so a cut-off ZIP download can resume.
  const zip = manifest.bundles[0]?.path;
  if (zip) {
    const { response } = await get(new URL(zip, home.url), { Range: 'bytes=0-99' });
    check(
      response.status === 206,
      `${zip}: byte ranges work`,
      `${zip}: a byte range answers ${response.status}, expected 206: downloads cannot resume.`,
    );
  }
}

const target = process.argv[2];
if (!target || !/^https?:\/\//.test(target)) {
  console.error('Give the address of the deployed site, e.g. npm run check-deploy -- https://example.gov.vn/');
  process.exit(2);
}
try {
  await checkSite(new URL(target.endsWith('/') ? target : `${target}/`));
} catch (error) {
  console.error(`Cannot check ${target}: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
}
for (const line of passed) console.log(`ok    ${line}`);
for (const line of problems) console.log(`WRONG ${line}`);
console.log(problems.length ? `\n${problems.length} thing(s) to fix.` : '\nEverything checked is right.');
process.exit(problems.length ? 1 : 0);

/**
 * Checks of the built site itself (dist/, after the build; no browser): every internal link,
 * asset and anchor of every page and stylesheet resolves to a file of the build, print files
 * and bundles included, and every page is valid HTML (html-validate's "standard" preset: the
 * HTML standard's content models, attributes, ids and nesting).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { basePath, siteUrl } from '../../site.config.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' });
const pages = files.filter((file) => file.endsWith('.html'));
const stylesheets = files.filter((file) => file.endsWith('.css'));
/** Where the build is served from, as the site's own origin sees it. */
const SITE = new URL(basePath, `${siteUrl}/`);

/** The file of dist/ a site URL names (a folder's index.html), or undefined when outside the build. */
function fileOf(url: URL): string | undefined {
  if (url.origin !== SITE.origin || !url.pathname.startsWith(SITE.pathname)) return undefined;
  const path = decodeURIComponent(url.pathname.slice(SITE.pathname.length));
  const file = `${DIST}${path}`;
  if (path === '' || path.endsWith('/')) return `${file}index.html`;
  return existsSync(file) && statSync(file).isDirectory() ? `${file}/index.html` : file;
}

/** The URLs a page refers to: href, src, srcset, and the URLs of its meta tags (og:image, og:url). */
function referencesOf(html: string): string[] {
  const values = (attribute: string) =>
    [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((match) => match[1]!.replace(/&amp;/g, '&'));
  const srcsets = values('srcset').flatMap((value) =>
    value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!),
  );
  const metaUrls = values('content').filter((value) => /^(https?:\/\/|\/)/.test(value));
  return [...new Set([...values('href'), ...values('src'), ...srcsets, ...metaUrls])];
}

const ids = new Map<string, Set<string>>();
const idsOf = (file: string) => {
  if (!ids.has(file))
    ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  return ids.get(file)!;
};

test('every internal link, asset and anchor of every page resolves, print files included', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const pageUrl = new URL(page.replace(/index\.html$/, ''), SITE);
    for (const reference of referencesOf(readFileSync(`${DIST}${page}`, 'utf8'))) {
      const url = new URL(reference, pageUrl);
      const file = fileOf(url);
      if (!file) continue;
      checked++;
      if (!existsSync(file)) broken.push(`${page}: ${reference} (no file)`);
      else if (url.hash && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1))))
        broken.push(`${page}: ${reference} (no id "${url.hash.slice(1)}")`);
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(1000);
});

test('every url() of every stylesheet resolves', () => {
  const broken: string[] = [];
  for (const sheet of stylesheets) {
    const sheetUrl = new URL(sheet, SITE);
    for (const [, raw] of readFileSync(`${DIST}${sheet}`, 'utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const file = fileOf(new URL(raw!, sheetUrl));
      if (file && !existsSync(file)) broken.push(`${sheet}: ${raw}`);
    }
  }
  expect(stylesheets.length).toBeGreaterThan(0);
  expect(broken).toEqual([]);
});

test('every file and bundle of the print manifest is in the build, at its size', () => {
  const manifest = JSON.parse(readFileSync(`${DIST}tai-lieu/manifest.json`, 'utf8')) as {
    files: { path: string; bytes: number }[];
    bundles: { path: string; bytes: number }[];
  };
  const missing = [...manifest.files, ...manifest.bundles].filter(
    ({ path, bytes }) => !existsSync(`${DIST}${path}`) || statSync(`${DIST}${path}`).size !== bytes,
  );
  expect(manifest.files.length).toBeGreaterThan(0);
  expect(missing).toEqual([]);
});

test('every page is valid HTML', async () => {
  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateFile(`${DIST}${page}`);
    for (const result of report.results)
      for (const message of result.messages)
        problems.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
  }
  expect(pages.length).toBeGreaterThan(30);
  expect(problems).toEqual([]);
});

test('every page writes numbers of measures in the house form: 1.189 mm, 0,8 m, 100% (EDITORIAL.md)', () => {
  // A measure written the programmer's way: 4+ digits without the thousands dot before a unit or
  // beside "×", a decimal point before a unit, a space before "%".
  const unit = String.raw`(?:mm|cm|m|px|dpi|KB|MB|B)(?![\p{L}\p{N}])`;
  const alone = String.raw`(?<![\p{L}\p{N}.,/])`; // not inside a date, a document number or a word
  const wrong = new RegExp(
    String.raw`${alone}\d{4,}\s*(?:×|${unit})|×\s*\d{4,}|${alone}\d+\.\d{1,2}\s*${unit}|\d\s+%`,
    'gu',
  );
  const found: string[] = [];
  for (const page of pages) {
    const text = readFileSync(`${DIST}${page}`, 'utf8')
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/\s+/g, ' ');
    for (const match of text.matchAll(wrong))
      found.push(`${page}: “…${text.slice(Math.max(0, match.index - 30), match.index + match[0].length)}”`);
  }
  expect(found).toEqual([]);
});

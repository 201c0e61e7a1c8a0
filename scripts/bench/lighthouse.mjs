// The Lighthouse part of `npm run bench` (called by scripts/bench.mjs): every page type.
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../browser.mjs';
import { basePath } from '../../site.config.mjs';
import { median } from './stats.mjs';

/**
 * One page of each type the site has, as paths under the base: the first listed in
 * dist/sitemap.xml for the types with many pages (slogan, agency, materials), and the
 * 404 page (not in the sitemap).
 * @returns {{ type: string, path: string }[]}
 */
export function pageTypes(sitemap = readFileSync('dist/sitemap.xml', 'utf8')) {
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname.slice(basePath.length));
  const first = (pattern) => paths.find((p) => pattern.test(p));
  const types = [
    ['home', ''],
    ['slogans', 'khau-hieu/'],
    ['slogan', first(/^khau-hieu\/[^/]+\/$/)],
    ['activities', 'hoat-dong/'],
    ['responsibilities', 'trach-nhiem/'],
    ['agency', first(/^trach-nhiem\/[^/]+\/$/)],
    ['timeline', 'lich-trinh/'],
    ['legal basis', 'can-cu-phap-ly/'],
    ['plan', 'ke-hoach/'],
    ['help', 'tro-giup/'],
    ['search', 'tim-kiem/'],
    ['site map', 'muc-luc/'],
    ['materials', 'tai-lieu/'],
    ...paths.filter((p) => /^tai-lieu\/[^/]+\/$/.test(p)).map((p) => [`materials: ${p.split('/')[1]}`, p]),
    ['customiser', 'tao-mau/'],
    ['404', '404.html'],
  ];
  // Materials: one page a slogan is one type (keep the first), the other sub-pages each their own.
  const slogans = new Set(paths.filter((p) => /^khau-hieu\/[^/]+\/$/.test(p)).map((p) => p.split('/')[1]));
  let sloganMaterials = false;
  return types
    .filter(([, path]) => path !== undefined && (path === '404.html' || paths.includes(path)))
    .filter(([, path]) => {
      if (!/^tai-lieu\/[^/]+\/$/.test(path) || !slogans.has(path.split('/')[1])) return true;
      if (sloganMaterials) return false;
      sloganMaterials = true;
      return true;
    })
    .map(([type, path]) => ({ type, path: `${basePath}${path}` }));
}

/**
 * Lighthouse 13, mobile (its defaults: Moto G power emulation, simulated slow 4G, CPU ÷4),
 * four categories, on every page type (`pageTypes()`), `runs` times each (median per
 * category). Chromium as scripts/browser.mjs finds it, with its flags for a closed network.
 * @param {{ executablePath: string, origin: string, runs?: number, pages?: { type: string, path: string }[] }} options
 * @returns {Promise<{ type: string, path: string, scores: Record<string, number>, runs: Record<string, number>[], failing: string[] }[]>}
 */
export async function benchLighthouse({ executablePath, origin, runs = 3, pages = pageTypes() }) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const results = [];
  try {
    for (const { type, path } of pages) {
      const byRun = [];
      const failing = new Set();
      for (let i = 0; i < runs; i++) {
        const { lhr } = await lighthouse(`${origin}${path}`, { port: chrome.port, logLevel: 'error', output: 'json' });
        byRun.push(Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round(c.score * 100)])));
        for (const audit of Object.values(lhr.audits)) {
          if (
            audit.score !== null &&
            audit.score < 1 &&
            audit.scoreDisplayMode !== 'informative' &&
            audit.scoreDisplayMode !== 'notApplicable' &&
            audit.scoreDisplayMode !== 'manual'
          )
            failing.add(`${audit.id} (${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
        }
      }
      const scores = Object.fromEntries(Object.keys(byRun[0]).map((k) => [k, median(byRun.map((s) => s[k]))]));
      results.push({ type, path, scores, runs: byRun, failing: [...failing] });
      console.log(
        `Lighthouse (mobile, median of ${runs}) ${type}, ${path}: ${Object.entries(scores)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}` + (failing.size ? `\n    below 1: ${[...failing].join(', ')}` : ''),
      );
    }
  } finally {
    await chrome.kill();
  }
  console.log('target: 100 in performance, accessibility, best practices and SEO on every page type\n');
  return results;
}

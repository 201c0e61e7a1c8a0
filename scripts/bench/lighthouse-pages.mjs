// Lighthouse (mobile, its defaults: simulated slow 4G and 4× CPU) on one page of every kind,
// for `npm run bench` (scripts/bench.mjs).
import { median } from './stats.mjs';
import { CHROMIUM_ARGS } from '../browser.mjs';

/** One page of each kind the site has (the sitemap's paths, first match of each pattern). */
export const PAGE_KINDS = [
  ['home', /^\/$/],
  ['slogan list', /^\/khau-hieu\/$/],
  ['slogan', /^\/khau-hieu\/[^/]+\/$/],
  ['activities', /^\/hoat-dong\/$/],
  ['agencies', /^\/trach-nhiem\/$/],
  ['agency', /^\/trach-nhiem\/[^/]+\/$/],
  ['timeline', /^\/lich-trinh\/$/],
  ['legal basis', /^\/can-cu-phap-ly\/$/],
  ['plan', /^\/ke-hoach\/$/],
  ['help', /^\/tro-giup\/$/],
  ['search', /^\/tim-kiem\/$/],
  ['index', /^\/muc-luc\/$/],
  ['materials', /^\/tai-lieu\/$/],
  ['materials of a slogan', /^\/tai-lieu\/[^/]+\/$/],
  ['customiser', /^\/tao-mau\/$/],
];

/** `[kind, path]` for every kind found among `paths` (paths relative to the base path). */
export function pagesByKind(paths, base = '/') {
  return PAGE_KINDS.flatMap(([kind, pattern]) => {
    const path = paths.find((p) => pattern.test(`/${p.slice(base.length)}`));
    return path ? [[kind, path]] : [];
  });
}

/**
 * Median category scores of `runs` Lighthouse runs of each `[kind, path]`, with the audits
 * below 1 in the first run (to say what costs points).
 */
export async function lighthouseScores({ executablePath, origin, pages, runs }) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const rows = [];
  try {
    for (const [kind, path] of pages) {
      const scoresByRun = [];
      let failing = [];
      for (let i = 0; i < runs; i++) {
        const { lhr } = await lighthouse(`${origin}${path}`, { port: chrome.port, logLevel: 'error', output: 'json' });
        scoresByRun.push(
          Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)])),
        );
        if (i === 0)
          failing = Object.values(lhr.audits)
            .filter(
              (a) =>
                a.score !== null &&
                a.score < 1 &&
                a.scoreDisplayMode !== 'informative' &&
                a.scoreDisplayMode !== 'notApplicable',
            )
            .map((a) => `${a.id} (${a.score})`);
      }
      const scores = Object.fromEntries(
        Object.keys(scoresByRun[0]).map((k) => [k, median(scoresByRun.map((s) => s[k]))]),
      );
      rows.push({ kind, path, scores, runs: scoresByRun, failing });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

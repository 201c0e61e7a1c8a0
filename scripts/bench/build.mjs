// Clean build time of this site against the Starlight peer, in the same run, for
// `npm run bench` (scripts/bench.mjs).
import { stripVTControlCharacters } from 'node:util';
import { LOCAL_SITE_URL } from '../../site.config.mjs';
import { cleanBuild } from './peer.mjs';
import { median } from './stats.mjs';

const seconds = (text) => (text.endsWith('ms') ? parseFloat(text) / 1000 : parseFloat(text));
const TIME = '([\\d.]+ ?m?s)';

/**
 * Where a build's time went, from Astro's own timings and our integrations' log lines
 * (seconds; a phase Astro did not report is left out). `wall` is the whole `npm run build`.
 */
export function phases(output, wall) {
  const text = stripVTControlCharacters(output);
  const all = (pattern) => [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => seconds(m[1]));
  const one = (pattern) => all(pattern)[0];
  const [serverBundle, clientBundle] = all(`\\[vite\\] ✓ built in ${TIME}`);
  const found = {
    wall,
    'content sync and types': one(`\\[types\\] Generated ${TIME}`),
    'print files (generation)': one(`\\[campaign:print-files\\] .* in ${TIME}\\n`),
    'collect build info (total)': one(`\\[build\\] ✓ Completed in ${TIME}\\.\\n.*Building static entrypoints`),
    'vite: server bundle': serverBundle,
    'vite: client bundle': clientBundle,
    'render pages': one(`\\n[^\\n]*?✓ Completed in ${TIME}\\.\\n(?![^\\n]*Building)`),
    'print files into dist/': one(`placed \\d+ print files.* in ${TIME}`),
    'search index': one(`search index: \\d+ pages in ${TIME}`) ?? one(`Finished building search index in ${TIME}`),
    'astro build (its own total)': one(`page\\(s\\) built in ${TIME}`),
  };
  // Before Astro starts its clock: npm, Node, loading astro.config.mjs and the integrations.
  const astroTotal = found['astro build (its own total)'];
  if (astroTotal !== undefined) found['startup (wall − astro total)'] = wall - astroTotal;
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined && !Number.isNaN(v)));
}

/**
 * `runs` clean builds of each site, alternating (ours, peer, ours, peer…) so that a change
 * in the machine's load falls on both. A clean build is `npm run build` after removing
 * dist/, .astro/ and the caches of Astro and Vite (node_modules/.astro, node_modules/.vite);
 * the print files' cache (.cache/print-files/) is kept: the peer has no print files, and an
 * unchanged rebuild must cost it nothing (its cold figure is the `print` section's).
 */
export function benchBuild({ runs, peerDir, log = console.log }) {
  const ours = [];
  const peer = [];
  const oursPhases = [];
  const peerPhases = [];
  for (let i = 0; i < runs; i++) {
    const a = cleanBuild('.', { SITE_URL: process.env.SITE_URL ?? LOCAL_SITE_URL });
    ours.push(a.seconds);
    oursPhases.push(phases(a.output, a.seconds));
    log(`build ${i + 1}/${runs}: this site ${ours.at(-1).toFixed(2)} s`);
    if (peerDir) {
      const b = cleanBuild(peerDir);
      peer.push(b.seconds);
      peerPhases.push(phases(b.output, b.seconds));
      log(`build ${i + 1}/${runs}: peer      ${peer.at(-1).toFixed(2)} s`);
    }
  }
  const medianPhases = (list) =>
    Object.fromEntries(
      Object.keys(list[0] ?? {}).map((k) => [k, median(list.map((p) => p[k]).filter((v) => v !== undefined))]),
    );
  const table = { ours: medianPhases(oursPhases), peer: medianPhases(peerPhases) };
  log('where the time goes (median seconds; phases overlap: Astro counts some inside others)');
  for (const key of new Set([...Object.keys(table.ours), ...Object.keys(table.peer)]))
    log(
      `  ${key.padEnd(30)} ${(table.ours[key]?.toFixed(2) ?? '–').padStart(7)} ${(table.peer[key]?.toFixed(2) ?? '–').padStart(7)}`,
    );
  const withPeer = peer.length > 0;
  return {
    runs: { ours, peer },
    medianSeconds: median(ours),
    phases: table,
    peerMedianSeconds: withPeer ? median(peer) : undefined,
    ratio: withPeer ? median(ours) / median(peer) : undefined,
    // Each run beside the peer's next to it: less sensitive to a load that drifts.
    pairRatioMedian: withPeer ? median(ours.map((t, i) => t / peer[i])) : undefined,
  };
}

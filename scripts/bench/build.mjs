// Clean build time of this site against the Starlight peer, in the same run, for
// `npm run bench` (scripts/bench.mjs).
import { LOCAL_SITE_URL } from '../../site.config.mjs';
import { cleanBuild } from './peer.mjs';
import { median } from './stats.mjs';

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
  for (let i = 0; i < runs; i++) {
    ours.push(cleanBuild('.', { SITE_URL: process.env.SITE_URL ?? LOCAL_SITE_URL }).seconds);
    log(`build ${i + 1}/${runs}: this site ${ours.at(-1).toFixed(2)} s`);
    if (peerDir) {
      peer.push(cleanBuild(peerDir).seconds);
      log(`build ${i + 1}/${runs}: peer      ${peer.at(-1).toFixed(2)} s`);
    }
  }
  const result = { runs: { ours, peer }, medianSeconds: median(ours) };
  if (peer.length) {
    result.peerMedianSeconds = median(peer);
    result.ratio = median(ours) / median(peer);
    // Each run beside the peer's next to it: less sensitive to a load that drifts.
    result.pairRatioMedian = median(ours.map((t, i) => t / peer[i]));
  }
  return result;
}

/**
 * Deployment settings, read from the environment at build time (see README).
 * N.B. imported by astro.config.mjs through plain JS too: keep it dependency-free.
 */
export { siteUrl, basePath, quickExitUrl } from '../site.config.mjs';

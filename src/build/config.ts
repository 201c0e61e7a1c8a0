/**
 * Deployment settings for pages and components, read from the environment at build
 * time (README: "Deploy"). The values live in `site.config.mjs`, which
 * `astro.config.mjs` reads directly.
 */
export { siteUrl, basePath, quickExitUrl } from '../../site.config.mjs';

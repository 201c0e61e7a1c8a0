// @ts-check
import { fileURLToPath } from 'node:url';
import { siteUrl, basePath, checkSiteUrl, exitUnlessSiteUrl } from './site.config.mjs';
import { contentCheck } from './src/build/integrations/content-check.ts';
import { sitemap } from './src/build/integrations/sitemap.ts';
import { search } from './src/build/integrations/search.ts';
import { clientGuard } from './src/build/integrations/client-guard.ts';
import { printFiles } from './src/build/integrations/print-files.ts';
import { offline } from './src/build/integrations/offline.ts';
import { noPreloadHelper } from './src/build/integrations/no-preload-helper.ts';
import { noDepOptimizer } from './src/build/integrations/no-dep-optimizer.ts';
import { brandFontCss } from './src/build/integrations/brand-font.ts';
import { BRAND_FONT, brandFontProvider, writeBrandFont } from './src/build/fonts/brand-font.ts';
import { contentDirOf, hasMdxPages } from './src/build/content/load.ts';

// `astro build` without a valid SITE_URL stops here, with one line that names it (README "Deploy").
exitUnlessSiteUrl();

// The brand font, cut to the campaign's characters before Astro reads `fonts` below
// (src/build/fonts/brand-font.ts; README "Fonts").
const root = fileURLToPath(new URL('.', import.meta.url));
const contentDir = contentDirOf(root);
const brandFont = await writeBrandFont({
  root,
  contentDir,
  cacheDir: fileURLToPath(new URL('.cache/fonts/', import.meta.url)),
});

// https://docs.astro.build/en/reference/configuration-reference/
// Not `defineConfig` from 'astro/config': that module loads svgo and its CSS tools on every
// build, for nothing this site uses (brandFontProvider in src/build/fonts/brand-font.ts).
/** @type {import('astro').AstroUserConfig} */
const config = {
  site: siteUrl,
  base: basePath,
  trailingSlash: 'always',
  // No inline CSS or JS, no data: URLs: the Content-Security-Policy (deploy/) allows only the
  // site's own files. CSS and scripts go to hashed files under /_astro/, cached for good.
  // Four pages rendered at once: one page's file writes overlap another's rendering (README "Benchmarks").
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // The customiser's worker is an ES module, so that it can load pdf-lib apart (code splitting).
  // No module-preload helper in the browser's bundle: it was a script of its own on every page
  // (0.9 KB gzip) for two dynamic imports that need nothing the page lacks (no-preload-helper.ts).
  vite: {
    build: { assetsInlineLimit: 0 },
    worker: { format: 'es' },
    plugins: [noPreloadHelper()],
  },
  // The prose has no code to colour: without a highlighter, Shiki and its WebAssembly are not
  // loaded for the prose pages on every build (README "Benchmarks").
  markdown: { syntaxHighlight: false },
  server: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  // Headings and slogans only; body text is the system's font. Astro copies the file to
  // /_astro/fonts/ and makes the metric-matched fallback face (size-adjust, ascent and
  // descent overrides) on Arial Bold, the bold system face it has metrics for.
  // `optional`: a font that misses the first paint is not swapped in (no layout shift);
  // BaseLayout preloads it, so it is normally there (README "Fonts").
  fonts: [
    {
      provider: brandFontProvider(brandFont),
      name: BRAND_FONT.family,
      cssVariable: BRAND_FONT.cssVariable,
      fallbacks: ['sans-serif'],
      display: 'optional',
    },
  ],
  integrations: [
    { name: 'site-url', hooks: { 'astro:config:setup': ({ command }) => checkSiteUrl(command) } },
    contentCheck(),
    // No dependency pre-bundling for the dev server `astro build` syncs content on (no-dep-optimizer.ts).
    noDepOptimizer(),
    brandFontCss(brandFont),
    clientGuard(),
    printFiles(),
    // Only for a content folder with an MDX page: Markdown pages need nothing beyond Astro
    // (hasMdxPages in src/build/content/load.ts).
    ...(hasMdxPages(contentDir) ? [(await import('@astrojs/mdx')).default()] : []),
    sitemap(),
    search(),
    // Last: it lists the files every integration above wrote into dist/.
    offline(),
  ],
};

export default config;

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteUrl, basePath, checkSiteUrl } from './site.config.mjs';
import { contentCheck } from './src/build/integrations/content-check';
import { sitemap } from './src/build/integrations/sitemap';
import { search } from './src/build/integrations/search';
import { clientGuard } from './src/build/integrations/client-guard';
import { printFiles } from './src/build/integrations/print-files';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: siteUrl,
  base: basePath,
  trailingSlash: 'always',
  // No inline CSS or JS, no data: URLs: the Content-Security-Policy (deploy/) allows only the
  // site's own files. CSS and scripts go to hashed files under /_astro/, cached for good.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The customiser's worker is an ES module, so that it can load pdf-lib apart (code splitting).
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
  server: { host: '127.0.0.1' },
  devToolbar: { enabled: false },
  integrations: [
    { name: 'site-url', hooks: { 'astro:config:setup': ({ command }) => checkSiteUrl(command) } },
    contentCheck(),
    clientGuard(),
    printFiles(),
    mdx(),
    sitemap(),
    search(),
  ],
});

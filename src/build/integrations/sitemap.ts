import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/**
 * Writes `sitemap.xml` and `robots.txt` from the pages Astro actually built
 * (every HTML page except the 404 and offline pages), so the sitemap can never miss a page.
 */
export function sitemap(): AstroIntegration {
  let site = '';
  let base = '/';
  return {
    name: 'campaign:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const origin = new URL(base, site);
        const urls = pages
          .map((p) => p.pathname)
          // Neither the 404 page nor the offline page (src/pages/ngoai-tuyen.astro) is a page to find.
          .filter((path) => !/^(404|ngoai-tuyen)\/?$/.test(path))
          .map((path) => new URL(path, origin).href)
          .sort();
        const xml =
          '<?xml version="1.0" encoding="UTF-8"?>\n' +
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
          urls.map((u) => `  <url><loc>${u}</loc></url>\n`).join('') +
          '</urlset>\n';
        await writeFile(new URL('sitemap.xml', dir), xml);
        await writeFile(
          new URL('robots.txt', dir),
          `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', origin).href}\n`,
        );
        logger.info(`sitemap.xml: ${urls.length} pages`);
      },
    },
  };
}

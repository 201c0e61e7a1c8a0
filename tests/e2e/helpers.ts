import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { basePath } from '../../site.config.mjs';

/** Every page the sitemap lists, as paths relative to the site's base ("khau-hieu/"). */
export function sitemapPaths(): string[] {
  const xml = readFileSync(new URL('../../dist/sitemap.xml', import.meta.url), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.slice(basePath.length));
}

/** Collects console errors, uncaught exceptions and every requested URL of a page. */
export function watch(page: Page) {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  return { errors, requests };
}

/** axe-core tags for WCAG 2.0–2.2 A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

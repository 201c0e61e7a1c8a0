/**
 * Node-only: preload hints for the customiser's engine, added to the built pages that
 * carry `<print-customiser>` (src/components/customiser/) when the build is done.
 *
 * Why: on a slow connection the engine's files came one after another: the page, its
 * script, then (once the page was idle) the worker, then the engine's chunks the worker
 * imports, then the chunks those import; each step waited for a round trip. With these
 * hints the browser asks for all of them as soon as it reads the page's head, at low
 * priority (after the page's own CSS, script and preview image), and the worker finds
 * them in the HTTP cache (Vite's `_astro/` files are immutable; the fonts are fetched
 * by the page, so an `as="fetch"` preload is used as is). pdf-lib (`render-pdf`) is left
 * out: the worker loads it once the engine is ready.
 *
 * The hashed names are only known once Vite has written the bundles, hence a step
 * after the build rather than markup in the component. A worker cannot be preloaded
 * as such (`as="worker"` is not a preload destination), and `modulepreload` would
 * compile the engine on the page's thread for nothing: `rel="prefetch"` puts them in
 * the HTTP cache without either.
 *
 * NODE ONLY: never import this from client-side code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Chunks the worker loads only after the engine is ready: not preloaded. */
const AFTER_READY = /^render-pdf-/;
/** The worker's address in the page's script, as Vite writes `new URL('./engine.worker.ts', import.meta.url)`. */
const WORKER_URL = /["'`]([^"'`]*\/_astro\/(engine\.worker-[\w-]+\.js))["'`]/;
/** A chunk a module imports statically, as Vite writes it: `import{…}from"./name.hash.js"`. */
const STATIC_IMPORT = /(?:^|;)\s*import\s*(?:[^"'`;]*?from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g;
/** A chunk another chunk imports (static or dynamic), as Vite writes it: `"./name-hash.js"`. */
const CHUNK_REF = /["'`]\.\/([\w.-]+\.js)["'`]/g;

/** The worker's file and every chunk it imports, at any depth, but pdf-lib's. */
async function workerChunks(assetsDir: string, worker: string): Promise<string[]> {
  const seen = new Set<string>([worker]);
  const queue = [worker];
  while (queue.length > 0) {
    const code = await readFile(join(assetsDir, queue.shift()!), 'utf8');
    for (const [, name] of code.matchAll(CHUNK_REF)) {
      if (!name || AFTER_READY.test(name) || seen.has(name)) continue;
      seen.add(name);
      queue.push(name);
    }
  }
  return [...seen];
}

/** An attribute of the page's `<print-customiser>` (its `data-*` names are its own). */
const attribute = (html: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(html)?.[1];

/**
 * Adds the preload hints to every page among `pages` (the HTML files Astro wrote in
 * `outDir`: `builtPages()`) with a `<print-customiser>`; returns the pages changed
 * (relative to `outDir`). Throws when such a page's worker or fonts cannot be found, so
 * that a change in the bundles' shape is seen at once.
 */
export async function addCustomiserPreloads(outDir: string, base: string, pages: readonly string[]): Promise<string[]> {
  const assetsDir = join(outDir, '_astro');
  const changed: string[] = [];
  const htmls = await Promise.all(pages.map((file) => readFile(file, 'utf8')));
  for (const [i, file] of pages.entries()) {
    const html = htmls[i]!;
    if (!html.includes('<print-customiser')) continue;
    const page = relative(outDir, file);
    // The worker's address is in one of the page's module scripts, whose own imports
    // would otherwise be found only once it is in (a round trip later).
    let worker: string | undefined;
    const pageImports: string[] = [];
    const scripts: string[] = [];
    for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g)) {
      if (!src?.startsWith(`${base}_astro/`)) continue;
      scripts.push(src);
      const code = await readFile(join(assetsDir, src.slice(`${base}_astro/`.length)), 'utf8');
      const match = WORKER_URL.exec(code);
      if (!match) continue;
      worker = match[2];
      for (const [, name] of code.matchAll(STATIC_IMPORT)) if (name) pageImports.push(name);
    }
    if (!worker) throw new Error(`${page}: <print-customiser> without its engine worker in the page's scripts`);
    const fonts = [attribute(html, 'data-display-font'), attribute(html, 'data-text-font')];
    if (fonts.some((font) => !font)) throw new Error(`${page}: <print-customiser> without its print fonts`);
    const links = [
      // The page's module scripts themselves (the customiser's, and those before it, which run
      // first): they are in the body, and with a meta Content-Security-Policy Chromium's
      // preload scanner does not look ahead for them; named in the head, they start at once.
      ...scripts.map((src) => `<link rel="modulepreload" href="${src}">`),
      ...pageImports.map((name) => `<link rel="modulepreload" href="${base}_astro/${name}">`),
      ...fonts.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin fetchpriority="low">`),
      ...(await workerChunks(assetsDir, worker)).map((name) => `<link rel="prefetch" href="${base}_astro/${name}">`),
    ].join('');
    if (!html.includes('</head>')) throw new Error(`${page}: no </head>`);
    await writeFile(file, html.replace('</head>', `${links}</head>`));
    changed.push(page);
  }
  return changed;
}

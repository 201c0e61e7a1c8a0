/**
 * Node-only: the browser bundle without Vite's module-preload machinery.
 *
 * Why: Vite wraps every dynamic `import()` of the browser's code in its preload helper
 * (`\0vite/preload-helper.js`), which fetches the imported chunk's dependencies ahead of it:
 * `<link rel="modulepreload">` for its scripts and a `<link rel="stylesheet">` for its CSS.
 * Here no dynamically imported chunk has a dependency the page lacks (the search code and
 * the customiser's PNG encoder), and `build.modulePreload` is off (it listed only what the
 * page has), yet the helper stayed: a script of its own on every page, 0.9 KB gzip and a
 * request, for two calls that only run `import()`.
 *
 * How, for the browser's bundle (`client`) of `astro build` only:
 * - `build.modulePreload: false` (set per environment: Astro's own `build.modulePreload`
 *   wins over the `vite.build` of the config);
 * - the helper's module is loaded as one line that runs the import, as Vite's does when it
 *   has nothing to preload (less its `vite:preloadError` event, which nothing here listens to);
 * - the build stops if a chunk that is imported dynamically, or one it imports, has CSS of
 *   its own: Vite's helper would have loaded that CSS, and the one line does not.
 *
 * NODE ONLY: never import this from client-side code.
 */
import { createHash } from 'node:crypto';
import type { VitePlugin } from './vite-plugin.ts';

/** The id of Vite's helper module (vite/src/node/plugins/importAnalysisBuild.ts). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** What the helper becomes: the import, run at once. */
export const PRELOAD_HELPER_CODE = 'export const __vitePreload = (load) => load();';

/** A chunk as the bundle gives it, with what Vite adds (the parts read here). */
interface BundleChunk {
  type: 'chunk';
  fileName: string;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss?: Set<string> };
}

/**
 * The chunks that a dynamic import loads, with everything they import, that have CSS of
 * their own: `[chunk, css files]`.
 */
export function dynamicChunksWithCss(bundle: Record<string, { type: string }>): [string, string[]][] {
  const chunks = new Map(
    Object.values(bundle)
      .filter((file): file is BundleChunk => file.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const reached = new Set<string>();
  const visit = (name: string): void => {
    if (reached.has(name)) return;
    reached.add(name);
    for (const next of chunks.get(name)?.imports ?? []) visit(next);
  };
  for (const chunk of chunks.values()) chunk.dynamicImports.forEach(visit);
  return [...reached].flatMap((name): [string, string[]][] => {
    const css = [...(chunks.get(name)?.viteMetadata?.importedCss ?? [])];
    return css.length ? [[name, css]] : [];
  });
}

export function noPreloadHelper(): VitePlugin {
  let building = false;
  return {
    name: 'campaign:no-preload-helper',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
    // A copy of the one line for each module that imports it, so that it lands in that module's
    // chunk: one module shared by two pages' scripts would be a chunk, and a request, of its own.
    resolveId(id, importer) {
      if (!building || id !== PRELOAD_HELPER_ID || !importer || this.environment.name !== 'client') return undefined;
      return `${PRELOAD_HELPER_ID}?from=${createHash('sha256').update(importer).digest('hex').slice(0, 12)}`;
    },
    load(id) {
      if (building && id.startsWith(`${PRELOAD_HELPER_ID}?from=`) && this.environment.name === 'client')
        return PRELOAD_HELPER_CODE;
      return undefined;
    },
    generateBundle(_options, bundle) {
      if (!building || this.environment.name !== 'client') return;
      const withCss = dynamicChunksWithCss(bundle);
      if (withCss.length)
        this.error(
          `no-preload-helper.ts: ${withCss.map(([chunk, css]) => `${chunk} (imported dynamically) has CSS: ${css.join(', ')}`).join('; ')}. ` +
            "Vite's preload helper would load it, the one-line helper does not: import that CSS statically from the page's code, or remove this plugin.",
        );
    },
  };
}

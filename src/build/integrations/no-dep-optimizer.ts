/**
 * Node-only: no dependency pre-bundling in `astro build` and `astro sync`.
 *
 * Why: before it builds, `astro build` syncs the content collections on a temporary Vite dev
 * server. Astro asks that server's browser environment to pre-bundle the dev toolbar and its
 * dependencies (`aria-query`, `axobject-query`, `html-escaper`, the toolbar's entry point), so
 * on every clean build Vite bundles them into `node_modules/.vite/deps/` with Rolldown: about
 * 0.2 s of work for a server that never sends a file to a browser, and a toolbar this site
 * turns off (`devToolbar` in astro.config.mjs). The production bundle never uses that folder.
 *
 * How: for `astro build` and `astro sync` only, a Vite plugin that runs after Astro's own and
 * leaves every environment with nothing to pre-bundle and no discovery, which is how Vite
 * turns its optimizer off (`noDiscovery` with an empty `include`). `astro dev` keeps it: there
 * the browser does load pre-bundled dependencies.
 *
 * NODE ONLY: never import this from client-side code.
 */
import type { AstroIntegration } from 'astro';
import type { VitePlugin } from './vite-plugin.ts';

/** The Vite plugin: every environment's optimizer off. */
export function noDepOptimizerPlugin(): VitePlugin {
  return {
    name: 'campaign:no-dep-optimizer',
    // After Astro's plugins, which add the dev toolbar's dependencies to `include`.
    enforce: 'post',
    configEnvironment(_name, options) {
      // Mutated, not returned: Vite merges a returned `include` into Astro's list.
      options.optimizeDeps = { ...options.optimizeDeps, noDiscovery: true, include: [] };
    },
  };
}

/** The integration: the plugin for the commands that serve no browser. */
export function noDepOptimizer(): AstroIntegration {
  return {
    name: 'campaign:no-dep-optimizer',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build' || command === 'sync') updateConfig({ vite: { plugins: [noDepOptimizerPlugin()] } });
      },
    },
  };
}

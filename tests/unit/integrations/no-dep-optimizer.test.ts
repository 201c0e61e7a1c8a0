import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { noDepOptimizer, noDepOptimizerPlugin } from '../../../src/build/integrations/no-dep-optimizer.ts';

/** What Astro's dev-toolbar and environment plugins do: dependencies for the browser to pre-bundle. */
const astroLike: Plugin = {
  name: 'astro-like',
  configEnvironment: (name) =>
    name === 'client' ? { optimizeDeps: { include: ['dep-for-the-toolbar'], noDiscovery: true } } : undefined,
};

/** A real Vite dev server like the one `astro build` syncs content on (no HTTP, no watcher). */
async function devServer(plugins: Plugin[]) {
  const root = mkdtempSync(join(tmpdir(), 'no-dep-optimizer-'));
  writeFileSync(join(root, 'index.js'), 'export default 1;');
  return createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, watch: null, ws: false },
    plugins,
  });
}

describe('no dependency pre-bundling where no browser is served', () => {
  it("turns Vite's optimizer off in every environment, after Astro asked for it", async () => {
    const before = await devServer([astroLike]);
    // Without the plugin, the browser environment pre-bundles what Astro listed.
    expect(before.environments.client.depsOptimizer).toBeDefined();
    expect(before.environments.client.config.optimizeDeps.include).toEqual(['dep-for-the-toolbar']);
    await before.close();

    const server = await devServer([astroLike, noDepOptimizerPlugin()]);
    for (const environment of Object.values(server.environments)) {
      expect(environment.depsOptimizer, environment.name).toBeUndefined();
      expect(environment.config.optimizeDeps.include, environment.name).toEqual([]);
    }
    await server.close();
  });

  it('adds the plugin for astro build and astro sync, and leaves astro dev as it is', () => {
    const pluginsFor = (command: 'build' | 'sync' | 'dev' | 'preview') => {
      const updates: unknown[] = [];
      const setup = noDepOptimizer().hooks['astro:config:setup'] as (options: unknown) => void;
      setup({ command, updateConfig: (config: unknown) => updates.push(config) });
      return updates.flatMap((update) => (update as { vite: { plugins: { name: string }[] } }).vite.plugins);
    };
    expect(pluginsFor('build').map((plugin) => plugin.name)).toEqual(['campaign:no-dep-optimizer']);
    expect(pluginsFor('sync').map((plugin) => plugin.name)).toEqual(['campaign:no-dep-optimizer']);
    expect(pluginsFor('dev')).toEqual([]);
    expect(pluginsFor('preview')).toEqual([]);
  });
});

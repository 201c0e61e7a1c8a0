import { isBuiltin } from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { VitePlugin } from './vite-plugin.ts';

/**
 * Packages that only run in Node (native code, file system), and fontkit, which runs at build
 * time only: the customiser reads the build's font models (src/shared/print/font-model.ts).
 */
const NODE_ONLY_PACKAGES = ['sharp', 'fontkit'];

/**
 * The folder of this project that only runs in Node (relative to the root): build-time code.
 * Browser code lives in `src/components/`, code for both in `src/shared/` (see src/README.md).
 */
export const NODE_ONLY_DIR = 'src/build/';

/** Why `source` (imported by `importer`) may not be in a browser bundle, or `undefined` if it may. */
export function nodeOnlyReason(source: string, root: string): string | undefined {
  if (source.startsWith('\0')) return undefined;
  if (isBuiltin(source)) return `"${source}" is a Node built-in module`;
  const bare = source.replace(/\?.*$/, '');
  for (const name of NODE_ONLY_PACKAGES) {
    if (bare === name || bare.startsWith(`${name}/`) || bare.includes(`${sep}node_modules${sep}${name}${sep}`)) {
      return `"${source}" is the Node-only package ${name}`;
    }
  }
  if (bare.startsWith(root + NODE_ONLY_DIR.replace(/\//g, sep))) {
    return `"${bare.slice(root.length)}" is Node-only (${NODE_ONLY_DIR})`;
  }
  return undefined;
}

/**
 * A Vite plugin that fails the build when a browser bundle would pull in a Node
 * module: a built-in (`node:fs`, `path`…), sharp, or this project's Node-only
 * code (everything under `src/build/`). Vite would otherwise
 * swap a built-in for an empty "browser external" shim with only a warning, and
 * the customiser would break in the browser instead of in the build.
 * After Starlight's `noNodeModule` test plugin.
 */
export function noNodeInClientPlugin(root: string): VitePlugin {
  const where = (importer: string | undefined) =>
    importer ? ` (imported by ${importer.startsWith(root) ? importer.slice(root.length) : importer})` : '';
  return {
    name: 'campaign:no-node-in-client',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    resolveId(source, importer) {
      const reason = nodeOnlyReason(source, root);
      if (reason) this.error(`Browser bundle would include Node-only code: ${reason}${where(importer)}`);
      return null;
    },
    load(id) {
      const reason = nodeOnlyReason(id, root);
      if (reason) this.error(`Browser bundle would include Node-only code: ${reason}`);
      return null;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const shim = chunk.moduleIds.find((id) => id.includes('__vite-browser-external'));
        if (shim) this.error(`Browser bundle ${chunk.fileName} contains Vite's stand-in for a Node module (${shim})`);
      }
    },
  };
}

/** Adds `noNodeInClientPlugin` to the site's Vite config. */
export function clientGuard(): AstroIntegration {
  return {
    name: 'campaign:client-guard',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { plugins: [noNodeInClientPlugin(fileURLToPath(config.root))] } });
      },
    },
  };
}

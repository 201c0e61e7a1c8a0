import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { brandFontCss, BRAND_FONT_CSS } from '../../../src/build/integrations/brand-font.ts';
import { BRAND_FONT } from '../../../src/build/fonts/brand-font.ts';

/** What Astro's fonts module holds (astro 7.3): the CSS per family, keyed by its CSS variable. */
const astroModuleCode = `export const componentDataByCssVariable = new Map(${JSON.stringify([
  [BRAND_FONT.cssVariable, { css: '@font-face { font-family: "Brand"; }' }],
])});`;

/** The Vite plugin the integration adds, as Astro's `astro:config:setup` would receive it. */
function pluginOf(): Plugin {
  let plugin: Plugin | undefined;
  const setup = brandFontCss({ file: '/root/.cache/fonts/brand.woff2', characters: ['A'], bytes: 1000, made: false })
    .hooks['astro:config:setup'] as unknown as (options: object) => void;
  setup({
    config: { root: new URL('file:///root/') },
    logger: { info: () => undefined },
    updateConfig: (config: { vite: { plugins: Plugin[] } }) => (plugin = config.vite.plugins[0]),
  });
  return plugin!;
}

/** Calls the plugin's resolveId and load hooks with the plugin context `context`. */
async function loadCss(context: object): Promise<unknown> {
  const plugin = pluginOf();
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as (this: object, id: string) => Promise<unknown>;
  const id = resolveId(BRAND_FONT_CSS);
  expect(id).toBeDefined();
  return load.call(context, id!);
}

const resolve = async (id: string) => ({ id: `\0${id}` });

describe('brand font CSS module', () => {
  it('reads the faces from the module graph in a build', async () => {
    const css = await loadCss({
      resolve,
      environment: { mode: 'build' },
      load: async () => ({ code: astroModuleCode }),
    });
    expect(css).toBe('@font-face { font-family: "Brand"; }');
  });

  it('asks the dev server to transform Astro’s module in `astro dev`, whose ModuleInfo has no code', async () => {
    const requested: string[] = [];
    const css = await loadCss({
      resolve,
      environment: {
        mode: 'dev',
        transformRequest: async (url: string) => (requested.push(url), { code: astroModuleCode }),
      },
      load: async () => {
        throw new Error('[vite] The "code" property of ModuleInfo is not supported.');
      },
    });
    expect(requested).toEqual(['\0virtual:astro:assets/fonts/internal']);
    expect(css).toBe('@font-face { font-family: "Brand"; }');
  });

  it('names the family it cannot find', async () => {
    await expect(
      loadCss({
        resolve,
        environment: { mode: 'build' },
        load: async () => ({ code: 'const componentDataByCssVariable = new Map([]);' }),
      }),
    ).rejects.toThrow(`no family with cssVariable "${BRAND_FONT.cssVariable}"`);
  });
});

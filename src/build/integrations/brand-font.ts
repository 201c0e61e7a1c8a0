import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { BRAND_FONT, type BrandFont } from '../fonts/brand-font.ts';

/** What pages import to get the brand font's faces: `import 'virtual:campaign/brand-font.css'`. */
export const BRAND_FONT_CSS = 'virtual:campaign/brand-font.css';
const RESOLVED = `\0${BRAND_FONT_CSS}`;
/** Astro's own module with the CSS its `<Font>` component would inline (astro 7.3). */
const ASTRO_FONTS_MODULE = 'virtual:astro:assets/fonts/internal';

/**
 * The CSS Astro's fonts API made for a family (`@font-face`, the metric-matched fallback
 * faces, the CSS variable), read from the code of Astro's fonts module.
 */
export function fontCssFromAstroModule(code: string, cssVariable: string): string {
  const match = /componentDataByCssVariable\s*=\s*new Map\((.*)\);?\s*$/m.exec(code);
  if (!match) throw new Error(`${ASTRO_FONTS_MODULE}: no componentDataByCssVariable (did astro change?)`);
  const entries = JSON.parse(match[1]!) as [string, { css: string }][];
  const css = new Map(entries).get(cssVariable)?.css;
  if (!css) throw new Error(`astro.config.mjs: field "fonts": no family with cssVariable "${cssVariable}"`);
  return css;
}

/**
 * Puts the faces Astro's fonts API generates into the site's stylesheet instead of the
 * inline `<style>` its `<Font>` component writes, which the Content-Security-Policy
 * (`style-src 'self'`, no hashes) forbids. The subset itself is made in
 * `astro.config.mjs` (its path is needed there) by `writeBrandFont`.
 */
export function brandFontCss(font: BrandFont): AstroIntegration {
  const plugin: Plugin = {
    name: 'campaign:brand-font-css',
    resolveId(id) {
      return id === BRAND_FONT_CSS ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const resolved = await this.resolve(ASTRO_FONTS_MODULE);
      if (!resolved) throw new Error(`${ASTRO_FONTS_MODULE} not found: is "fonts" set in astro.config.mjs?`);
      // A build's module graph holds the code (`this.load`); Vite's dev server does not (its
      // ModuleInfo throws on `code`), so `astro dev` asks its environment to transform it.
      const environment = this.environment;
      const code =
        environment.mode === 'dev'
          ? (await environment.transformRequest(resolved.id))?.code
          : (await this.load({ id: resolved.id })).code;
      return fontCssFromAstroModule(code ?? '', BRAND_FONT.cssVariable);
    },
  };
  return {
    name: 'campaign:brand-font',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        logger.info(
          `${relative(root, font.file)}: ${BRAND_FONT.family} ${BRAND_FONT.weight}, ${font.characters.length} characters, ${(font.bytes / 1024).toFixed(1)} KB${font.made ? '' : ' (cached)'}`,
        );
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}

import type { ViteUserConfig } from 'astro';

/**
 * A Vite plugin object as Astro's config takes it: from Astro's own copy of Vite's types, so
 * that our plugins type-check against the Vite Astro runs, whatever `vite` resolves to here.
 */
export type VitePlugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

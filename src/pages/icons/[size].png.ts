import type { APIRoute, GetStaticPaths } from 'astro';
import { ICON_SIZES, renderIcon } from '../../build/app-icon.ts';

/** The web app manifest's icons (src/pages/manifest.webmanifest.ts): `/icons/192.png`, `/icons/512.png`. */
export const getStaticPaths = (() =>
  ICON_SIZES.map((size) => ({ params: { size: String(size) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array(await renderIcon(Number(params['size']))), { headers: { 'Content-Type': 'image/png' } });

import type { APIRoute } from 'astro';
import { t } from '../i18n/index.ts';
import { campaignPlaceholders } from '../build/content/collections.ts';
import { ICON_SIZES } from '../build/app-icon.ts';

/**
 * The web app manifest, for those who saved the offline copy: the control on /tro-giup/
 * (src/components/offline/) links it only then, so no one else's browser fetches it. Paths are
 * relative to this file, so the site works under any `BASE_PATH`.
 */
export const GET: APIRoute = async () => {
  const place = await campaignPlaceholders();
  const manifest = {
    name: t('site.name', place),
    short_name: t('site.shortName', place),
    description: t('site.tagline', place),
    lang: 'vi',
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#b93d0a',
    icons: [
      ...ICON_SIZES.map((size) => ({ src: `icons/${size}.png`, sizes: `${size}x${size}`, type: 'image/png' })),
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json' } });
};

/**
 * Link-preview images (Open Graph) for pages: a slogan's own 1200 × 630 image from the
 * print files' manifest, as BaseLayout's `ogImage` wants it.
 */
import manifest from 'virtual:campaign/print-manifest';
import { linkPreviewImageOf } from '../shared/print-files/view.ts';
import { t } from '../i18n/index.ts';
import { href, type Slogan } from './content/collections.ts';

export function sloganOgImage(slogan: Slogan) {
  const og = linkPreviewImageOf(manifest, slogan.id);
  return og?.pixels
    ? { src: href(og.path), ...og.pixels, alt: t('og.imageAlt', { order: slogan.order, text: slogan.text }) }
    : undefined;
}

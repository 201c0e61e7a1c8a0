/**
 * The files of the opt-in offline copy, named once for the integration that writes the
 * service worker (src/build/integrations/offline.ts), the control that registers it
 * (src/components/offline/) and the pages. No heavy imports: pages load this.
 */

/** The service worker, at the site's base (its scope is the whole site). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The web app manifest (src/pages/manifest.webmanifest.ts). */
export const WEB_MANIFEST_FILE = 'manifest.webmanifest';

/** The page shown for anything not in the offline copy while there is no network (src/pages/ngoai-tuyen.astro). */
export const OFFLINE_PAGE = 'ngoai-tuyen/';

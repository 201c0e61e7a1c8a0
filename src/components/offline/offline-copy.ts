/**
 * `<offline-copy>`: saves the site on this device to read without a network, and removes the
 * copy again (OfflineCopy.astro, on /tro-giup/ only).
 *
 * - On load it only asks the browser whether a copy exists (`getRegistration`, nothing is
 *   fetched) and shows "save" or "remove".
 * - "Save" registers the service worker (`sw.js`, src/build/integrations/offline.ts), which
 *   downloads the whole copy in its install step; the status line says when it is done, or
 *   that it failed (a worker whose install fails is discarded by the browser, and the
 *   registration is removed here too, so nothing half-done stays).
 * - "Remove" unregisters every worker of the site and deletes every cache of the site.
 * - While a copy exists, the page links the web app manifest, so the browser can offer to add
 *   the site to the home screen; nobody else's browser ever fetches it.
 *
 * `updateViaCache: 'none'`: the browser checks `sw.js` against the server itself on each
 * visit (at most once a day), whatever the server's caching headers, so a new build reaches
 * the copy.
 */
import { readStrings } from '../../i18n/read-strings.ts';

type Key =
  | 'offline.unsupported'
  | 'offline.saving'
  | 'offline.saved'
  | 'offline.isSaved'
  | 'offline.failed'
  | 'offline.removing'
  | 'offline.removed'
  | 'offline.removeFailed';

/** Settles when the registration's newest worker is active, or fails if the browser discards it. */
function activation(registration: ServiceWorkerRegistration): Promise<void> {
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  return new Promise((resolve, reject) => {
    if (!worker) return reject(new Error('no service worker'));
    const check = () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant') reject(new Error('the service worker could not install'));
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

class OfflineCopyElement extends HTMLElement {
  connectedCallback(): void {
    const save = this.querySelector<HTMLButtonElement>('.js-offline-save');
    const remove = this.querySelector<HTMLButtonElement>('.js-offline-remove');
    const status = this.querySelector<HTMLElement>('.js-offline-status');
    const { worker, scope, manifest } = this.dataset;
    if (!save || !remove || !status || !worker || !scope || !manifest) return;
    const text = readStrings<Key>(this);
    const say = (key: Key) => {
      status.textContent = text(key);
    };
    // Missing where the page is not a secure context, or where the browser turns it off
    // (some private modes).
    if (!('serviceWorker' in navigator) || !('caches' in window)) return say('offline.unsupported');
    const container = navigator.serviceWorker;
    const scopeUrl = new URL(scope, location.href).href;

    /** Shows the one button that applies, and links the manifest while a copy exists. */
    const show = (saved: boolean) => {
      save.hidden = saved;
      remove.hidden = !saved;
      save.disabled = remove.disabled = false;
      document.querySelector('link[rel="manifest"]')?.remove();
      if (saved) {
        const link = document.createElement('link');
        link.rel = 'manifest';
        link.href = manifest;
        document.head.append(link);
      }
    };

    /** Unregisters the site's workers and deletes its caches. */
    const removeCopy = async () => {
      const registrations = await container.getRegistrations();
      await Promise.all(registrations.filter((r) => r.scope.startsWith(scopeUrl)).map((r) => r.unregister()));
      await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
    };

    save.addEventListener('click', async () => {
      save.disabled = true;
      say('offline.saving');
      try {
        const registration = await container.register(worker, { scope, updateViaCache: 'none' });
        await activation(registration);
        show(true);
        say('offline.saved');
        remove.focus();
      } catch {
        await removeCopy().catch(() => undefined);
        show(false);
        say('offline.failed');
        save.focus();
      }
    });

    remove.addEventListener('click', async () => {
      remove.disabled = true;
      say('offline.removing');
      try {
        await removeCopy();
        show(false);
        say('offline.removed');
        save.focus();
      } catch {
        remove.disabled = false;
        say('offline.removeFailed');
      }
    });

    container.getRegistration(scope).then(
      (registration) => {
        const saved = Boolean(registration?.scope.startsWith(scopeUrl));
        show(saved);
        if (saved) say('offline.isSaved');
      },
      () => say('offline.unsupported'),
    );
  }
}

if (!customElements.get('offline-copy')) customElements.define('offline-copy', OfflineCopyElement);

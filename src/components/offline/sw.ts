/**
 * The offline copy's service worker (`sw.js`), registered only by the "save" button
 * (offline-copy.ts). The build (src/build/integrations/offline.ts) minifies this file with
 * esbuild and puts the three constants below in it; what it does is the "Behaviour" of this
 * folder's README, and nothing else:
 *
 * - install: downloads every file of `PRECACHE` that the copy does not hold yet, under a key
 *   made of its address and revision (a file named by its hash has none), beside the entries
 *   of the previous build, so pages still open under the previous worker keep their copy;
 *   one failed download fails the install (the browser then drops this worker);
 * - activate (once no page uses the previous worker: no `skipWaiting`): deletes every entry
 *   this build does not list, and older caches of the copy (the Workbox worker's), then takes
 *   over the open pages (`clients.claim`), so a page never mixes files of two builds;
 * - fetch: a listed file (any query ignored; a folder's address is its `index.html`) from the
 *   copy; a download matching `DOWNLOADS` (print files, the calendar) network first, kept once
 *   complete (`200`); a page the copy does not hold, offline: the offline page.
 *
 * Hand-written rather than Workbox's runtime: the bare Workbox precache controller, minified,
 * is already about 4 KB gzip, over the budget of the worker and the manifest together (5 KB;
 * README).
 */

/** `[address relative to the scope, revision?]` of every file of the copy. */
declare const PRECACHE: [string, string?][];
/** Source of the regular expression matched against the whole URL of a download. */
declare const DOWNLOADS: string;
/** The offline page's file (`ngoai-tuyen/index.html`), relative to the scope; in `PRECACHE`. */
declare const FALLBACK: string;

interface WorkerEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const scope = worker.registration.scope;
/** The copy; the scope in its name keeps apart two sites on one origin. */
const COPY = `precache-${scope}`;
/** Downloads kept once fetched (the name the Workbox worker used). */
const DOWNLOADED = 'tai-lieu';

/** Absolute address → cache key (the address, with `?__rev=` and its revision if it has one). */
const keys = new Map<string, string>();
for (const [path, revision] of PRECACHE) {
  const url = new URL(path, scope).href;
  keys.set(url, revision ? `${url}?__rev=${revision}` : url);
}
const downloads = new RegExp(DOWNLOADS);
const fromCopy = (key: string) => caches.open(COPY).then((cache) => cache.match(key));

worker.addEventListener('install', (event) =>
  event.waitUntil(
    caches.open(COPY).then((cache) =>
      Promise.all(
        [...keys].map(async ([url, key]) => {
          if (await cache.match(key)) return;
          // A file with a revision may have changed: never from the browser's HTTP cache.
          const response = await fetch(url, { cache: key === url ? 'default' : 'reload' });
          if (!response.ok) throw new Error(`${url}: ${response.status}`);
          // A redirected answer cannot answer a navigation: keep its body, status and headers only.
          await cache.put(key, response.redirected ? new Response(response.body, response) : response);
        }),
      ),
    ),
  ),
);

worker.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      const wanted = new Set(keys.values());
      const cache = await caches.open(COPY);
      for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
      for (const name of await caches.keys())
        if (name !== COPY && name.includes('precache') && name.endsWith(scope)) await caches.delete(name);
      await worker.clients.claim();
    })(),
  ),
);

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  url.search = url.hash = '';
  const key = keys.get(url.href) ?? (url.pathname.endsWith('/') ? keys.get(`${url.href}index.html`) : undefined);
  if (key) {
    event.respondWith(fromCopy(key).then((response) => response ?? fetch(request)));
  } else if (downloads.test(request.url)) {
    // Network first: the newest file while online, the one kept while offline.
    event.respondWith(
      caches.open(DOWNLOADED).then((cache) =>
        fetch(request).then(
          (response) => {
            if (response.status === 200) event.waitUntil(cache.put(request, response.clone()));
            return response;
          },
          (error) => cache.match(request).then((response) => response ?? Promise.reject(error)),
        ),
      ),
    );
  } else if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch((error) =>
        fromCopy(keys.get(new URL(FALLBACK, scope).href)!).then((response) => response ?? Promise.reject(error)),
      ),
    );
  }
});

// A module, so that its names stay its own (esbuild wraps it in a function: a service worker
// registered as a classic script cannot export).
export {};

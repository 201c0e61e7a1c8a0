/**
 * The offline copy's service worker as the build writes it (src/components/offline/sw.ts,
 * minified, with the precache list of a small build): run in a VM context against an in-memory
 * Cache Storage and a server that answers with the build's files, with the network on or off.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { precacheList, serviceWorker } from '../../../src/build/integrations/offline.ts';
import { fakeBuild } from '../helpers/offline-build.ts';

const BASE = '/thang-hanh-dong/';
const SCOPE = `https://example.gov.vn${BASE}`;
const COPY = `precache-${SCOPE}`;
const DOWNLOADED = 'tai-lieu';

type Key = string | { url: string };
const urlOf = (key: Key) => (typeof key === 'string' ? key : key.url);

/** A cache as the Cache API keeps one: answers by URL (query included), bodies stored whole. */
class FakeCache {
  readonly entries = new Map<string, Response>();
  async match(key: Key) {
    return this.entries.get(urlOf(key))?.clone();
  }
  async put(key: Key, response: Response) {
    this.entries.set(urlOf(key), new Response(await response.arrayBuffer(), response));
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async delete(key: Key) {
    return this.entries.delete(urlOf(key));
  }
  async text(url: string) {
    return (await this.match(url))?.text();
  }
}

class FakeCacheStorage {
  readonly stores = new Map<string, FakeCache>();
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new FakeCache());
    return this.stores.get(name)!;
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

/** The browser around the workers: its Cache Storage, the network, and the site's server. */
class Browser {
  online = true;
  readonly caches = new FakeCacheStorage();
  /** Every request that reached the network (or would have, offline), with its cache mode. */
  requests: { url: string; cache: RequestCache | undefined }[] = [];

  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  readonly fetch = async (input: Key, init?: RequestInit): Promise<Response> => {
    const url = new URL(urlOf(input));
    this.requests.push({ url: url.href, cache: init?.cache });
    if (!this.online) throw new TypeError('Failed to fetch');
    const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : '../outside';
    const file = join(this.root, path === '' || path.endsWith('/') ? `${path}index.html` : path);
    return url.origin === new URL(SCOPE).origin && existsSync(file) && statSync(file).isFile()
      ? new Response(readFileSync(file), { status: 200 })
      : new Response(readFileSync(join(this.root, '404.html')), { status: 404 });
  };

  copyKeys() {
    return [...(this.caches.stores.get(COPY)?.entries.keys() ?? [])].sort();
  }
}

type Listener = (event: object) => void;

/** One build's `sw.js`, running in its own context. */
class Worker {
  readonly listeners = new Map<string, Listener>();
  claims = 0;

  constructor(code: string, browser: Browser) {
    const self = {
      registration: { scope: SCOPE },
      clients: { claim: async () => void this.claims++ },
      addEventListener: (type: string, listener: Listener) => this.listeners.set(type, listener),
    };
    runInNewContext(code, {
      self,
      caches: browser.caches,
      fetch: browser.fetch,
      location: new URL(SCOPE),
      URL,
      Request,
      Response,
    });
  }

  /** Fires `install` or `activate` and waits for what the worker asked to wait for. */
  async lifecycle(type: 'install' | 'activate') {
    const pending: Promise<unknown>[] = [];
    this.listeners.get(type)!({ waitUntil: (promise: Promise<unknown>) => pending.push(promise) });
    await Promise.all(pending);
  }

  /** Fires `fetch`: the worker's answer, or `undefined` when it leaves the request to the browser. */
  async fetch(path: string, { mode = 'no-cors', method = 'GET' } = {}): Promise<Response | undefined> {
    const request = { url: new URL(path, SCOPE).href, mode, method };
    let answer: Promise<Response> | undefined;
    const pending: Promise<unknown>[] = [];
    this.listeners.get('fetch')!({
      request,
      respondWith: (response: Promise<Response>) => (answer = response),
      waitUntil: (promise: Promise<unknown>) => pending.push(promise),
    });
    const response = await answer;
    await Promise.all(pending);
    return response;
  }

  async text(path: string, options?: { mode?: string }) {
    return (await this.fetch(path, options))?.text();
  }
}

/** The build in `root` as the integration writes it: its precache list and its `sw.js`. */
async function build(root: string) {
  const { manifestEntries: entries, warnings } = await precacheList(root);
  expect(warnings).toEqual([]);
  const keys = entries.map(({ url, revision }) => `${SCOPE}${url}${revision ? `?__rev=${revision}` : ''}`);
  return { entries, keys: keys.sort(), code: await serviceWorker(entries, BASE) };
}

/** A browser that has saved the copy of `root`'s build: its worker installed and active. */
async function saved(root = fakeBuild()) {
  const browser = new Browser(root);
  const built = await build(root);
  const worker = new Worker(built.code, browser);
  await worker.lifecycle('install');
  await worker.lifecycle('activate');
  return { root, browser, worker, built };
}

describe("the offline copy's service worker (src/components/offline/sw.ts, as built)", () => {
  it('install downloads every listed file into the copy, under its address and revision', async () => {
    const root = fakeBuild();
    const browser = new Browser(root);
    const { entries, keys, code } = await build(root);
    const worker = new Worker(code, browser);
    await worker.lifecycle('install');

    expect(browser.copyKeys()).toEqual(keys);
    expect(entries.filter((entry) => entry.revision).length).toBeGreaterThan(5);
    const copy = browser.caches.stores.get(COPY)!;
    for (const { url, revision } of entries)
      expect(await copy.text(`${SCOPE}${url}${revision ? `?__rev=${revision}` : ''}`), url).toBe(
        readFileSync(join(root, url), 'utf8'),
      );
    // Each file once; those with a revision past the browser's HTTP cache.
    expect(browser.requests.map((r) => r.url).sort()).toEqual(entries.map((e) => `${SCOPE}${e.url}`).sort());
    for (const { url, revision } of entries)
      expect(browser.requests.find((r) => r.url === `${SCOPE}${url}`)?.cache, url).toBe(
        revision ? 'reload' : 'default',
      );
    // Pages are taken over on activation only.
    expect(worker.claims).toBe(0);
    await worker.lifecycle('activate');
    expect(worker.claims).toBe(1);
  });

  it('fails its install if a file cannot be downloaded', async () => {
    const root = fakeBuild();
    const { code } = await build(root);
    rmSync(join(root, 'khau-hieu/a/index.html'));
    await expect(new Worker(code, new Browser(root)).lifecycle('install')).rejects.toThrow(
      /khau-hieu\/a\/index\.html: 404/,
    );
  });

  it('a new build: the new worker downloads what changed beside the old copy; its activation deletes the old entries', async () => {
    const { root, browser, worker: old, built: first } = await saved();
    // Caches of the Workbox worker this one replaces, of another site on this origin, and downloads.
    (await browser.caches.open(`workbox-precache-v2-${SCOPE}`)).entries.set(`${SCOPE}index.html`, new Response('x'));
    await browser.caches.open('precache-https://example.gov.vn/other-site/');
    await old.fetch('tai-lieu/tep/a_a4_cam.pdf');

    writeFileSync(join(root, 'khau-hieu/a/index.html'), '<h1>a, changed</h1>');
    const second = await build(root);
    expect(second.code).not.toBe(first.code);
    const changedKey = second.keys.find((key) => key.includes('khau-hieu/a/index.html'))!;
    const oldKey = first.keys.find((key) => key.includes('khau-hieu/a/index.html'))!;
    expect(changedKey).not.toBe(oldKey);

    browser.requests = [];
    const next = new Worker(second.code, browser);
    await next.lifecycle('install');
    expect(browser.requests.map((r) => r.url)).toEqual([`${SCOPE}khau-hieu/a/index.html`]);
    // Installed, waiting: open pages still get the old build, whole, from the old worker.
    expect(browser.copyKeys()).toEqual([...first.keys, changedKey].sort());
    browser.online = false;
    expect(await old.text('khau-hieu/a/', { mode: 'navigate' })).toBe('<h1>a</h1>');
    expect(await old.text('')).toBe('<h1>home</h1>');

    await next.lifecycle('activate');
    expect(browser.copyKeys()).toEqual(second.keys);
    expect(browser.copyKeys()).not.toContain(oldKey);
    expect(await next.text('khau-hieu/a/', { mode: 'navigate' })).toBe('<h1>a, changed</h1>');
    expect(next.claims).toBe(1);
    expect((await browser.caches.keys()).sort()).toEqual(
      [COPY, DOWNLOADED, 'precache-https://example.gov.vn/other-site/'].sort(),
    );
    expect(await next.text('tai-lieu/tep/a_a4_cam.pdf')).toBe('%PDF');
  });

  it('answers listed files from the copy whatever their query, a folder by its index.html', async () => {
    const { browser, worker } = await saved();
    browser.online = false;
    browser.requests = [];
    expect(await worker.text('', { mode: 'navigate' })).toBe('<h1>home</h1>');
    expect(await worker.text('index.html?utm=x#top', { mode: 'navigate' })).toBe('<h1>home</h1>');
    expect(await worker.text('khau-hieu/a/?q=vun%20dap', { mode: 'navigate' })).toBe('<h1>a</h1>');
    expect(await worker.text('_astro/page.AbCd1234.js')).toBe('js');
    expect(await worker.text('pagefind/pagefind-entry.json?ts=1')).toBe('{}');
    expect(browser.requests).toEqual([]);
    // A file missing from the copy (the browser evicted it) comes from the network.
    await browser.caches.stores.get(COPY)!.delete(`${SCOPE}_astro/page.AbCd1234.js`);
    browser.online = true;
    expect(await worker.text('_astro/page.AbCd1234.js?v=2')).toBe('js');
    // Left to the browser: other origins, other methods, files not in the copy.
    expect(await worker.fetch('https://elsewhere.example/index.html')).toBeUndefined();
    expect(await worker.fetch('index.html', { method: 'POST' })).toBeUndefined();
    expect(await worker.fetch('sitemap.xml')).toBeUndefined();
    expect(await worker.fetch('404.html')).toBeUndefined();
  });

  it('print files and the calendar: network first, kept once downloaded whole', async () => {
    const { root, browser, worker } = await saved();
    const downloaded = () => [...(browser.caches.stores.get(DOWNLOADED)?.entries.keys() ?? [])].sort();
    expect(downloaded()).toEqual([]);

    expect(await worker.text('tai-lieu/tep/a_a4_cam.pdf')).toBe('%PDF');
    expect(await worker.text('lich-trinh/thang-hanh-dong.ics')).toBe('BEGIN:VCALENDAR');
    expect(downloaded()).toEqual([`${SCOPE}lich-trinh/thang-hanh-dong.ics`, `${SCOPE}tai-lieu/tep/a_a4_cam.pdf`]);
    // Online, the network's file, even when one is kept, which it replaces.
    writeFileSync(join(root, 'tai-lieu/tep/a_a4_cam.pdf'), '%PDF, newer');
    expect(await worker.text('tai-lieu/tep/a_a4_cam.pdf')).toBe('%PDF, newer');
    // Only complete files are kept: not a 404.
    const missing = await worker.fetch('tai-lieu/tep/khong-co.pdf');
    expect(missing?.status).toBe(404);
    expect(downloaded()).not.toContain(`${SCOPE}tai-lieu/tep/khong-co.pdf`);

    browser.online = false;
    expect(await worker.text('tai-lieu/tep/a_a4_cam.pdf')).toBe('%PDF, newer');
    expect(await worker.text('lich-trinh/thang-hanh-dong.ics')).toBe('BEGIN:VCALENDAR');
    // Never downloaded: fails as the network does.
    await expect(worker.fetch('tai-lieu/tep/a_a4_cam.svg')).rejects.toThrow('Failed to fetch');
    // The pages of tai-lieu/ are in the copy, not downloads.
    expect(await worker.text('tai-lieu/a/', { mode: 'navigate' })).toBe('<h1>files of a</h1>');
  });

  it('a page the copy does not hold: the offline page while offline, the network while online', async () => {
    const { browser, worker } = await saved();
    const online = await worker.fetch('khau-hieu/khong-co-trang-nay/', { mode: 'navigate' });
    expect(online?.status).toBe(404);
    expect(await online?.text()).toBe('<h1>404</h1>');

    browser.online = false;
    const offline = await worker.fetch('khau-hieu/khong-co-trang-nay/', { mode: 'navigate' });
    expect(offline?.status).toBe(200);
    expect(await offline?.text()).toBe('<h1>offline</h1>');
    expect(await worker.text('sitemap.xml', { mode: 'navigate' })).toBe('<h1>offline</h1>');
    // Not a navigation (an image, a script): no page instead.
    expect(await worker.fetch('khau-hieu/khong-co.png')).toBeUndefined();
  });

  it('depends on the files only: two builds of the same files write the same worker', async () => {
    expect((await build(fakeBuild())).code).toBe((await build(fakeBuild())).code);
  });

  it('stops the build if the offline page is not in the copy', async () => {
    await expect(serviceWorker([{ url: 'index.html', revision: '1' }], BASE)).rejects.toThrow(
      /offline page \(ngoai-tuyen\/index\.html\) is not in the precache list/,
    );
  });
});

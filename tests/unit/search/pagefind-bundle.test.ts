/**
 * What the build changes in and adds to Pagefind's bundle (src/build/integrations/search.ts),
 * on a bundle that Pagefind's own Node API writes: the 4 ms wait of `getPtr()`
 * (src/build/search/pagefind-poll.ts) and the list of files every first search loads
 * (src/build/search/preload-list.ts). tests/e2e/search.spec.ts checks the built site's.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefindIndexer from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INIT_POLL_MS, shortenInitPoll } from '../../../src/build/search/pagefind-poll.ts';
import { writePreloadList } from '../../../src/build/search/preload-list.ts';
import type { SearchPreload } from '../../../src/shared/search/pagefind-files.ts';
import { filesUnder } from '../helpers/dist-files.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pagefind-bundle-'));
  const { index } = await pagefindIndexer.createIndex({ forceLanguage: 'vi' });
  try {
    for (const [url, type] of [
      ['/a/', 'khau-hieu'],
      ['/b/', 'hoat-dong'],
    ] as const)
      await index!.addHTMLFile({
        url,
        content: `<html lang="vi"><body><main data-pagefind-body data-pagefind-filter="loai:${type}"><h1>Trang ${url}</h1><p>Chấm dứt bạo lực ${url}</p></main></body></html>`,
      });
    const written = await index!.writeFiles({ outputPath: dir });
    expect(written.errors).toEqual([]);
  } finally {
    await pagefindIndexer.close();
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("Pagefind's getPtr() wait", () => {
  it('is found in the pagefind.js of the pinned Pagefind and shortened, and only there', async () => {
    const script = await readFile(join(dir, 'pagefind.js'), 'utf8');
    expect(script).toContain('await asyncSleep(50);}if(!this.raw_ptr)');
    const shortened = shortenInitPoll(script, 'pagefind.js');
    expect(shortened).toContain(
      `async getPtr(){while(this.raw_ptr===null){if(this.initError){throw this.initError;}await asyncSleep(${INIT_POLL_MS});}`,
    );
    expect(shortened.length).toBe(script.length - 2 + String(INIT_POLL_MS).length);
  });

  it('stops the build, naming the file, when another version has changed the code', () => {
    expect(() => shortenInitPoll('async getPtr(){return 1}', 'dist/pagefind/pagefind.js')).toThrow(
      /dist\/pagefind\/pagefind\.js: Pagefind's getPtr\(\) poll .* not found/,
    );
  });
});

describe('the list of files every first search loads', () => {
  it("names the language's metadata and every filter file of the bundle, all of which exist", async () => {
    const { files: list } = await writePreloadList(dir);
    const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    const files = filesUnder(dir);
    expect(list).toEqual([
      `pagefind.${entry.languages['vi']!.hash}.pf_meta`,
      ...files.filter((file) => file.startsWith('filter/')).sort(),
    ]);
    expect(list.filter((file) => file.startsWith('filter/')).length).toBeGreaterThan(0);
    for (const file of list) expect(files).toContain(file);
    expect((JSON.parse(await readFile(join(dir, 'search-preload.json'), 'utf8')) as SearchPreload).files).toEqual(list);
  });

  it("summarises every page by the id Pagefind's search gives it: address, title and type", async () => {
    const { pages } = await writePreloadList(dir);
    expect(Object.keys(pages).sort()).toEqual(
      filesUnder(dir)
        .filter((file) => file.startsWith('fragment/'))
        .map((file) => file.slice('fragment/'.length, -'.pf_fragment'.length))
        .sort(),
    );
    expect(Object.values(pages).sort()).toEqual([
      ['/a/', 'Trang /a/', 'khau-hieu'],
      ['/b/', 'Trang /b/', 'hoat-dong'],
    ]);
    expect((JSON.parse(await readFile(join(dir, 'search-preload.json'), 'utf8')) as SearchPreload).pages).toEqual(
      pages,
    );
  });

  it('stops the build, naming the file and the field, when the entry file is not what Pagefind writes', async () => {
    const other = await mkdtemp(join(tmpdir(), 'pagefind-entry-'));
    try {
      await writeFile(join(other, 'pagefind-entry.json'), JSON.stringify({ languages: { vi: { hash: '../x' } } }));
      await expect(writePreloadList(other)).rejects.toThrow(/pagefind-entry\.json: languages\.vi\.hash is not a name/);
      await writeFile(join(other, 'pagefind-entry.json'), JSON.stringify({ languages: { vi: { hash: 'vi_1' } } }));
      await expect(writePreloadList(other)).rejects.toThrow(
        /names pagefind\.vi_1\.pf_meta, which Pagefind did not write/,
      );
      await writeFile(join(other, 'pagefind-entry.json'), '{');
      await expect(writePreloadList(other)).rejects.toThrow(/pagefind-entry\.json: /);
      // A fragment that is not Pagefind's gzip of its signature and JSON, or lacks the page's address.
      await writeFile(join(other, 'pagefind-entry.json'), JSON.stringify({ languages: { vi: { hash: 'vi_1' } } }));
      await writeFile(join(other, 'pagefind.vi_1.pf_meta'), '');
      await mkdir(join(other, 'fragment'));
      await writeFile(join(other, 'fragment', 'vi_x.pf_fragment'), gzipSync('{"url":"/"}'));
      await expect(writePreloadList(other)).rejects.toThrow(
        /fragment\/vi_x\.pf_fragment: does not start with "pagefind_dcd"/,
      );
      await writeFile(join(other, 'fragment', 'vi_x.pf_fragment'), gzipSync('pagefind_dcd{"meta":{"title":"A"}}'));
      await expect(writePreloadList(other)).rejects.toThrow(
        /fragment\/vi_x\.pf_fragment: field "url" is not an address/,
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

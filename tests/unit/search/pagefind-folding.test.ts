/**
 * The folding method end to end through Pagefind itself, on pages made for it:
 * the real Node indexing API, the real `pagefind.js` search, our fold and unfold.
 * (tests/e2e/search.spec.ts checks the same on the built site, in Chromium.)
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefindIndexer from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExcerpt } from '../../../src/shared/search/excerpt.ts';
import { foldQuery, unfold } from '../../../src/shared/search/fold.ts';
import { makeIndexCopy } from '../../../src/build/search/index-copy.ts';
import type { Pagefind } from '../../../src/components/search/pagefind.ts';

/** Pages of the same length, differing in the words searched for. */
const PAGES: Record<string, { title: string; text: string }> = {
  '/dat-dat/': { title: 'Giá cả', text: 'Ở chợ huyện, giá gạo năm nay đắt hơn năm ngoái nhiều.' },
  '/dat-tay/': { title: 'Đưa con', text: 'Ở chợ huyện, mẹ dắt con qua đường đông người sáng nay.' },
  '/dang-lam/': { title: 'Công việc', text: 'Ở chợ huyện, chúng tôi đang làm sổ sách cho hội phụ nữ.' },
  '/dang-do/': { title: 'Việc chưa xong', text: 'Ở chợ huyện, việc sổ sách của hội còn dang dở tới nay.' },
  '/vun-dap/': {
    title: 'Khẩu hiệu số 5: Chấm dứt bạo lực, vun đắp yêu thương.',
    text: 'Chấm dứt bạo lực, vun đắp yêu thương. Đối với phụ nữ.',
  },
};

let dir: string;
let server: Server;
let pagefind: Pagefind;

async function search(query: string): Promise<string[]> {
  const response = await pagefind.search(foldQuery(query));
  const pages = await Promise.all(response.results.map((r) => r.data()));
  return pages.map((page) => new URL(page.url).pathname);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pagefind-folding-'));
  const { index } = await pagefindIndexer.createIndex({ forceLanguage: 'vi' });
  try {
    for (const [url, { title, text }] of Object.entries(PAGES)) {
      const html = `<!doctype html><html lang="vi"><body><header>Điều hướng zzheader</header><main data-pagefind-body data-pagefind-meta="title:${title}"><h1>${title}</h1><p>${text}</p></main></body></html>`;
      await index!.addHTMLFile({ url, content: makeIndexCopy(html) });
    }
    for (const file of (await index!.getFiles()).files) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.content);
    }
  } finally {
    await pagefindIndexer.close();
  }
  server = createServer(async (request, response) => {
    try {
      response.end(await readFile(join(dir, new URL(request.url!, 'http://x').pathname.replace(/^\/pagefind\//, ''))));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  pagefind = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'pagefind.js')).href)) as Pagefind;
  await pagefind.options({ basePath: `http://127.0.0.1:${port}/pagefind/`, noWorker: true });
  await pagefind.init();
});

afterAll(async () => {
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a query typed with d', () => {
  it('finds words written with đ, with or without tone marks', async () => {
    expect(await search('vun dap')).toEqual(['/vun-dap/']);
    expect(await search('vun dắp')).toEqual(['/vun-dap/']);
    expect(await search('doi voi')).toEqual(['/vun-dap/']);
    expect(await search('DOI VOI')).toEqual(['/vun-dap/']);
  });

  it('finds both spellings when typed without marks', async () => {
    expect((await search('dat')).sort()).toEqual(['/dat-dat/', '/dat-tay/']);
    expect((await search('dang')).sort()).toEqual(['/dang-do/', '/dang-lam/']);
  });

  it('adds no other words to the index', async () => {
    for (const query of ['ang', 'ắt', 'at', 'ường']) expect(await search(query)).toEqual([]);
  });
});

describe('a query typed with the right marks', () => {
  it('ranks the page with the exact word first, for đ and for d', async () => {
    expect(await search('đắt')).toEqual(['/dat-dat/', '/dat-tay/']);
    expect(await search('dắt')).toEqual(['/dat-tay/', '/dat-dat/']);
    expect(await search('đang')).toEqual(['/dang-lam/', '/dang-do/']);
    expect(await search('dang')).not.toEqual(await search('đang'));
    expect((await search('dang'))[0]).toBe('/dang-do/');
    expect(await search('Đang')).toEqual(['/dang-lam/', '/dang-do/']);
  });
});

describe('what is read back from the index', () => {
  it('unfolds to the real title and text, with the matched words at their places', async () => {
    const [result] = (await pagefind.search(foldQuery('vun dap'))).results;
    const page = await result!.data();
    expect(unfold(page.meta['title']!)).toBe(PAGES['/vun-dap/']!.title);
    const excerpt = buildExcerpt(page.content, page.weighted_locations);
    expect(excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toContain('vun đắp');
    const text = excerpt.parts.map((p) => p.text).join('');
    expect(text).toBe(`${PAGES['/vun-dap/']!.title} ${PAGES['/vun-dap/']!.text}`);
  });

  it('never contains the header, outside the indexed region', async () => {
    expect(await search('zzheader')).toEqual([]);
  });
});

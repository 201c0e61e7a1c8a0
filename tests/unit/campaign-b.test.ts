/**
 * A new campaign needs new content, not new code: the whole site built from the
 * made-up campaign of tests/fixtures/campaign-b/ (CONTENT_DIR) in a copy of the
 * project that has no content/ at all, then its pages, search index, calendar and
 * print files checked. Nothing of the Tam Đường 2020 campaign may show.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignOf, loadContent } from '../../src/build/content/load.ts';
import type { PrintManifest } from '../../src/shared/print-files/manifest.ts';
import { CROP_MARK_MARGIN_MM } from '../../src/shared/print/render-pdf.ts';
import { foldQuery } from '../../src/shared/search/fold.ts';
import type { Pagefind } from '../../src/components/search/pagefind.ts';
import { campaignBDir } from './helpers/content.ts';
import { filesUnder, readableFile } from './helpers/dist-files.ts';
import { astroBuild, projectCopy } from './helpers/project.ts';

const content = loadContent(campaignBDir);
const campaign = campaignOf(content);
const MM_TO_PT = 72 / 25.4;
/** A public origin: this is a deploy build. */
const SITE = 'https://hu-cau.example';

let root = '';
let dist = '';
let server: Server | undefined;

const read = (path: string) => readFileSync(join(dist, path), 'utf8');

/** Every HTML file of the build, relative to dist/. */
function htmlFiles(dir = dist, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return htmlFiles(dir, path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

beforeAll(async () => {
  root = projectCopy('campaign-b-build-', { 'campaign-b': campaignBDir });
  const { status, output } = await astroBuild(
    root,
    { CONTENT_DIR: 'campaign-b', SITE_URL: SITE, BASE_PATH: '' },
    280_000,
  );
  expect(status, output).toBe(0);
  expect(output).toContain('campaign-b/ checked');
  dist = join(root, 'dist');
}, 300_000);

afterAll(() => {
  server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the site built from campaign B', () => {
  it('names the made-up district and year on the home page', () => {
    const home = read('index.html');
    expect(home).toContain(
      `<title>Tháng hành động vì bình đẳng giới ${campaign.year} – huyện ${campaign.district}</title>`,
    );
    expect(home).toContain(`<h1>${campaign.actionMonth}</h1>`);
    expect(home).toContain(`tỉnh ${campaign.province}`);
  });

  it('shows the local contacts its content fills in on /tro-giup/, and no places it does not name', () => {
    const help = read('tro-giup/index.html');
    expect(content.localContacts).toHaveLength(1);
    const [contact] = content.localContacts;
    expect(help).toContain('id="lien-he-dia-phuong"');
    expect(help).toContain(contact!.name);
    expect(help).toContain(`href="tel:${contact!.phone}"`);
    expect(help).toContain('1/11/2031');
    expect(help).not.toContain('id="den-truc-tiep"');
  });

  it('renders its MDX safety page on /tro-giup/ (the MDX integration is loaded for it)', () => {
    const help = read('tro-giup/index.html');
    expect(help).toMatch(/<h2 id="[^"]+">Thoát nhanh không xoá được gì<\/h2>/);
  });

  it('has a page per slogan, with its text, and a page per agency', () => {
    expect(content.slogans).toHaveLength(3);
    for (const slogan of content.slogans) expect(read(`khau-hieu/${slogan.id}/index.html`)).toContain(slogan.text);
    expect(content.agencies).toHaveLength(2);
    for (const agency of content.agencies)
      expect(read(`trach-nhiem/${agency.id}/index.html`)).toContain(`<h1>${agency.name}</h1>`);
  });

  it('shows nothing of the Tam Đường 2020 campaign, and no unfilled placeholder', () => {
    const files = [
      ...htmlFiles(),
      `lich-trinh/${campaign.publishing.calendarFile}.ics`,
      'tai-lieu/manifest.json',
      'sitemap.xml',
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      // Checksums and hashed asset names are hex: a "2020" inside one is chance, not content.
      // National documents keep their numbers (Thông tư 02/2020/TT-BTTTT, the source that
      // emergency calls are free): a year inside a document number is not the campaign's.
      const text = read(file)
        .replace(/[0-9a-f]{16,}/g, '')
        .replace(/_astro\/[^"'\s)]+/g, '')
        .replace(/\d+\/\d{4}\/[A-ZĐ][A-ZĐ-]*/g, '');
      expect(text, file).not.toMatch(/Tam Đường|Lai Châu|tam-duong|2020/);
      expect(text, file).not.toMatch(/\{(district|province|year|issuerShort|actionMonth)\}/);
    }
  });

  it('is a deploy build: the public origin in canonical URLs, no 127.0.0.1 or localhost in any file', () => {
    expect(read('index.html')).toContain(`<link rel="canonical" href="${SITE}/"`);
    expect(read('sitemap.xml')).toContain(`<loc>${SITE}/</loc>`);
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    const files = filesUnder(dist);
    expect(files.some((file) => file.endsWith('.zip'))).toBe(true);
    for (const file of files) expect(readableFile(dist, file), file).not.toMatch(/127\.0\.0\.1|localhost/i);
  });

  it('publishes the calendar under the name and product id the content gives', () => {
    const ics = read(`lich-trinh/${campaign.publishing.calendarFile}.ics`);
    expect(ics).toContain(`\r\nPRODID:${campaign.publishing.calendarProductId}\r\n`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20311115');
    expect(read('lich-trinh/index.html')).toContain(`href="/lich-trinh/${campaign.publishing.calendarFile}.ics"`);
  });

  it('indexes its pages for search: a word of a slogan finds the slogan', async () => {
    const dir = join(dist, 'pagefind');
    server = createServer(async (request, response) => {
      try {
        response.end(
          await readFile(join(dir, new URL(request.url!, 'http://x').pathname.replace(/^\/pagefind\//, ''))),
        );
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const pagefind = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'pagefind.js')).href)) as Pagefind;
    await pagefind.options({ basePath: `http://127.0.0.1:${port}/pagefind/`, noWorker: true });
    await pagefind.init();
    const response = await pagefind.search(foldQuery('gieo mầm'));
    const urls = await Promise.all(response.results.map(async (result) => new URL((await result.data()).url).pathname));
    expect(urls).toContain('/khau-hieu/cung-nhau-gieo-mam-binh-dang-noi-khong-voi-bao-luc/');
  });

  it('makes the print files of its 3 slogans, each PDF at its size', async () => {
    const manifest = JSON.parse(read('tai-lieu/manifest.json')) as PrintManifest;
    expect(manifest.heading).toContain(String(campaign.year));
    expect(manifest.heading).not.toContain('2020');
    const slogans = new Map(manifest.files.map((file) => [file.sloganId, file.text]));
    expect([...slogans]).toEqual(content.slogans.map((s) => [s.id, s.text]));
    const pdfs = manifest.files.filter((file) => file.type === 'pdf');
    expect(pdfs.length).toBeGreaterThan(0);
    for (const file of pdfs) {
      expect(statSync(join(dist, file.path)).size, file.name).toBe(file.bytes);
      const page = (await PDFDocument.load(readFileSync(join(dist, file.path)))).getPage(0);
      const { width, height } = page.getMediaBox();
      // A crop-mark variant's page reaches beyond the bleed, where the marks are.
      const margin = 2 * (file.bleedMm + (file.cropMarks ? CROP_MARK_MARGIN_MM : 0));
      expect(width, file.name).toBeCloseTo((file.trimMm!.width + margin) * MM_TO_PT, 1);
      expect(height, file.name).toBeCloseTo((file.trimMm!.height + margin) * MM_TO_PT, 1);
    }
  });
});

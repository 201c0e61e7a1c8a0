/**
 * The customiser (/tao-mau/): files made in the browser by the print engine,
 * messages for every kind of bad unit line, keyboard use, no JavaScript.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { basePath, siteUrl } from '../../site.config.mjs';
import { layoutScene, renderPdf, type Scene } from '../../src/shared/print/index.ts';
import { format, type FormatVars } from '../../src/i18n/format.ts';
import { campaignOf, contentDirOf, loadContent } from '../../src/build/content/load.ts';
import { presentedText } from '../../src/shared/presentation.ts';
import { loadPrintFonts } from '../../src/build/print/load-fonts.ts';
import { qrLink } from '../../src/shared/print/qr-encode.ts';
import { pdfDate } from '../../src/shared/publishing.ts';
import type { PrintManifest } from '../../src/shared/print-files/manifest.ts';
import { UNIT_LINE_MAX_LENGTH } from '../../src/components/customiser/messages.ts';
import { sitemapPaths, watch, WCAG_TAGS } from './helpers.ts';

const vi: Record<string, string> = JSON.parse(readFileSync(new URL('../../src/i18n/vi.json', import.meta.url), 'utf8'));
const { publishing } = campaignOf(loadContent(contentDirOf(new URL('../..', import.meta.url).pathname)));
const manifest: PrintManifest = JSON.parse(
  readFileSync(new URL('../../dist/tai-lieu/manifest.json', import.meta.url), 'utf8'),
);
const fill = (key: string, vars: FormatVars = {}) => format(vi[key]!, vars);

const SLOGAN_ID = 'cham-dut-bao-luc-vun-dap-yeu-thuong';
const sloganText = manifest.files.find((f) => f.sloganId === SLOGAN_ID)!.text;
/** A unit line with stacked Vietnamese marks (ờ, ể, ọ, Đ, ẳ) and punctuation. */
const UNIT = 'Trường Tiểu học Nùng Nàng – Chi đội “Đoàn kết”, lớp 5A bình đẳng';

async function open(page: Page, query = '') {
  await page.goto(`tao-mau/${query}`);
  await expect(page.locator('print-customiser')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

async function choose(page: Page, format: string, scheme: string, unit: string) {
  await page.getByLabel('Khẩu hiệu', { exact: true }).selectOption(SLOGAN_ID);
  await page.getByLabel('Khổ', { exact: true }).selectOption(format);
  await page.locator(`input[name="mau"][value="${scheme}"]`).check();
  await page.getByLabel(vi['customiser.unit']!).fill(unit);
}

async function downloadFrom(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { download, bytes: readFileSync((await download.path())!) };
}

/** The help page, where the QR code leads (written out here, not taken from the code under test). */
const QR_URL = `${siteUrl}${basePath}tro-giup/`;

/** The scene the build would make for the same choices, in Node. */
function nodeScene(format: string, scheme: string, unitLine: string, phoneLine = ''): Scene {
  return layoutScene({
    // As the build sets it (src/shared/presentation.ts): without the plan's closing full stop.
    slogan: presentedText(sloganText),
    format,
    scheme,
    heading: manifest.heading,
    footer: manifest.footer,
    unitLine,
    link: qrLink(QR_URL, QR_URL.replace(/^https?:\/\//, '')),
    phoneLine,
    fonts: loadPrintFonts(),
  });
}

const messages = (page: Page) => page.locator('.js-customiser-messages li');
const shown = (page: Page) => page.locator('.js-customiser-unit-shown');

test.describe('customiser', () => {
  test('makes a PDF in the browser, byte for byte what the engine makes in Node', async ({ page, baseURL }) => {
    const { requests, errors } = watch(page);
    await open(page);
    await choose(page, 'a2', 'do', UNIT);
    await expect(shown(page)).toHaveText(UNIT);
    await expect(messages(page)).toHaveCount(0);

    const { download, bytes } = await downloadFrom(page, vi['customiser.downloadPdf']!);
    expect(download.suggestedFilename()).toBe(`${SLOGAN_ID}_a2_do_truong-tieu-hoc-nung-nang-chi-doi-doan.pdf`);
    const expected = await renderPdf(nodeScene('a2', 'do', UNIT), {
      title: presentedText(sloganText),
      outputCondition: manifest.outputCondition.id,
      subject: manifest.heading,
      author: UNIT,
      date: pdfDate(publishing),
      creator: publishing.fileCreator,
    });
    expect(Buffer.from(expected).equals(bytes)).toBe(true);

    // And what it is: A2 + 3 mm bleed, TrimBox, the unit as author, text as outlines.
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const pageOne = pdf.getPage(0);
    expect(pageOne.getTrimBox().width).toBeCloseTo((420 * 72) / 25.4, 2);
    expect(pageOne.getWidth()).toBeCloseTo((426 * 72) / 25.4, 2);
    expect(pdf.getAuthor()).toBe(UNIT);
    expect(pdf.getTitle()).toBe(presentedText(sloganText));
    expect(pageOne.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict)?.keys() ?? []).toEqual([]);
    await expect(page.locator('.js-customiser-status')).toHaveText(
      fill('customiser.made', { name: download.suggestedFilename() }),
    );

    // Nothing left the site: fonts and code came from it, the file was made here.
    const origin = new URL(baseURL!).origin;
    expect(requests.filter((u) => !u.startsWith('blob:') && new URL(u).origin !== origin)).toEqual([]);
    expect(requests.filter((u) => /\/fonts\/in-an\/[^/]+\.json$/.test(u))).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  test('cuts a unit line set past the field’s limit (by a script) to that limit in code', async ({ page }) => {
    await open(page);
    await choose(page, 'a4', 'cam', '');
    const long = 'Ủy ban nhân dân xã '.repeat(500);
    await page.getByLabel(vi['customiser.unit']!).evaluate((field: HTMLTextAreaElement, value) => {
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, long);
    const { bytes } = await downloadFrom(page, vi['customiser.downloadPdf']!);
    const author = (await PDFDocument.load(bytes, { updateMetadata: false })).getAuthor()!;
    expect(author).toBe(Array.from(long).slice(0, UNIT_LINE_MAX_LENGTH).join('').trim());
  });

  test('without a unit line, the browser’s PDF is the very file the build published', async ({ page, request }) => {
    await open(page);
    await choose(page, 'a4', 'cam', '');
    const { bytes } = await downloadFrom(page, vi['customiser.downloadPdf']!);
    const published = manifest.files.find(
      (f) => f.sloganId === SLOGAN_ID && f.formatId === 'a4' && f.scheme === 'cam' && f.type === 'pdf',
    )!;
    const file = await (await request.get(`${basePath}${published.path}`)).body();
    expect(bytes.equals(file)).toBe(true);
  });

  test('makes a PNG in the browser at 150 dpi with the unit line drawn in the text colour', async ({ page }) => {
    await open(page);
    await choose(page, 'a4', 'do', UNIT);
    const { download, bytes } = await downloadFrom(page, vi['customiser.downloadPng']!);
    expect(download.suggestedFilename()).toMatch(/_a4_do_truong-tieu-hoc-nung-nang-chi-doi-doan\.png$/);
    const image = sharp(bytes);
    expect(await image.metadata()).toMatchObject({ format: 'png', width: 1240, height: 1754, density: 150 });
    const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(at(2, 2)).toEqual([0xc0, 0x12, 0x1b]); // the red background

    // Where Node's layout puts the unit line, the yellow text is there.
    const scene = nodeScene('a4', 'do', UNIT);
    const unit = scene.blocks.find((b) => b.role === 'unit')!;
    const scale = 150 / 25.4;
    let yellow = 0;
    for (
      let y = Math.floor((unit.ink.y - scene.trim.y) * scale);
      y < (unit.ink.y + unit.ink.height - scene.trim.y) * scale;
      y++
    ) {
      for (
        let x = Math.floor((unit.ink.x - scene.trim.x) * scale);
        x < (unit.ink.x + unit.ink.width - scene.trim.x) * scale;
        x++
      ) {
        const [r, g, b] = at(x, y);
        if (r! > 200 && g! > 200 && b! < 80) yellow++;
      }
    }
    expect(yellow).toBeGreaterThan(500);

    // The QR code in the browser's PNG leads to the help page (read by jsQR, not by the encoder).
    const rgba = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const qr = jsQR(new Uint8ClampedArray(rgba.data), rgba.info.width, rgba.info.height);
    expect(qr?.data).toBe(QR_URL);
  });

  test('prints a valid unit phone number under the QR code', async ({ page }) => {
    const { errors } = watch(page);
    await open(page);
    await choose(page, 'a3', 'cam', UNIT);
    const phone = page.getByLabel(vi['customiser.phone']!);
    await expect(phone).toHaveAttribute('type', 'tel');
    await phone.fill('0213 3876 123');
    await phone.press('Tab');
    const line = fill('poster.unitPhone', { phone: '0213 3876 123' });
    await expect(page.locator('.js-customiser-phone-shown')).toHaveText(line);
    await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#cm-phone-error')).toBeHidden();

    // The PDF is the engine's, with the phone line, byte for byte.
    const { bytes } = await downloadFrom(page, vi['customiser.downloadPdf']!);
    const expected = await renderPdf(nodeScene('a3', 'cam', UNIT, line), {
      title: presentedText(sloganText),
      outputCondition: manifest.outputCondition.id,
      subject: manifest.heading,
      author: UNIT,
      date: pdfDate(publishing),
      creator: publishing.fileCreator,
    });
    expect(Buffer.from(expected).equals(bytes)).toBe(true);
    expect(nodeScene('a3', 'cam', UNIT, line).blocks.find((b) => b.role === 'phone')?.lines[0]?.text).toBe(line);
    expect(errors).toEqual([]);
  });

  test('says next to the phone field what is wrong with a number, and prints none', async ({ page }) => {
    await open(page);
    await choose(page, 'a4', 'cam', '');
    const phone = page.getByLabel(vi['customiser.phone']!);
    const error = page.locator('#cm-phone-error');
    const printed = page.locator('.js-customiser-phone-shown');

    // Too few digits: a number error, once the field is left.
    await phone.fill('0912 34');
    await phone.press('Tab');
    await expect(error).toBeVisible();
    await expect(error).toHaveText(vi['customiser.phoneError.number']!);
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toHaveAttribute('aria-describedby', /\bcm-phone-error\b/);
    await expect(printed).toHaveText(vi['customiser.unitNone']!);

    // Letters: a characters error.
    await phone.fill('0912 abc 678');
    await phone.press('Tab');
    await expect(error).toHaveText(vi['customiser.phoneError.characters']!);
    await expect(printed).toHaveText(vi['customiser.unitNone']!);

    // Nothing printed means the file is the published one.
    const { bytes } = await downloadFrom(page, vi['customiser.downloadPdf']!);
    const published = manifest.files.find(
      (f) => f.sloganId === SLOGAN_ID && f.formatId === 'a4' && f.scheme === 'cam' && f.type === 'pdf',
    )!;
    expect(bytes.equals(readFileSync(new URL(`../../dist/${published.path}`, import.meta.url)))).toBe(true);

    // Fixed: the error goes, the number is printed.
    await phone.fill('+84 912 345 678');
    await phone.press('Tab');
    await expect(error).toBeHidden();
    await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
    await expect(printed).toHaveText(fill('poster.unitPhone', { phone: '+84 912 345 678' }));

    // Emptied: no error, no phone line.
    await phone.fill('');
    await phone.press('Tab');
    await expect(error).toBeHidden();
    await expect(printed).toHaveText(vi['customiser.unitNone']!);
  });

  test('offers PNG only where the build makes one, and says why', async ({ page }) => {
    await open(page);
    await page.getByLabel('Khổ', { exact: true }).selectOption('bang-ron-5x0-8');
    await expect(page.getByRole('button', { name: vi['customiser.downloadPng']! })).toBeHidden();
    await expect(page.getByText(fill('customiser.pngOnly', { formats: 'A4, A3' }))).toBeVisible();
    await page.getByLabel('Khổ', { exact: true }).selectOption('og-1200x630');
    await expect(page.getByRole('button', { name: vi['customiser.downloadPng']! })).toBeVisible();
  });

  test('shows the right message for each bad unit line, and never breaks', async ({ page }) => {
    const { errors } = watch(page);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await open(page);
    const field = page.getByLabel(vi['customiser.unit']!);
    const long =
      'Ban Chỉ đạo công tác bình đẳng giới và vì sự tiến bộ của phụ nữ, Trường Phổ thông Dân tộc Bán trú Trung học cơ sở xã Nùng Nàng, huyện Tam Đường, tỉnh Lai Châu và Liên đội Thiếu niên Tiền phong';
    const markup = '<img src=x onerror=alert(1)><b>Đội</b> & <script>alert(2)</script>';
    const nfd = 'Trường Tiểu học Nùng Nàng'.normalize('NFD');
    const cases: { input: string; key: string; shown: string; vars?: FormatVars }[] = [
      { input: '', key: 'customiser.msg.empty', shown: vi['customiser.unitNone']! },
      { input: '   \t  \n ', key: 'customiser.msg.blank', shown: vi['customiser.unitNone']! },
      {
        input: 'UBND xã\nNùng Nàng\r\nhuyện Tam Đường',
        key: 'customiser.msg.lineBreaks',
        shown: 'UBND xã Nùng Nàng huyện Tam Đường',
      },
      { input: nfd, key: 'customiser.msg.nfd', shown: nfd.normalize('NFC') },
      { input: markup, key: 'customiser.msg.markup', shown: markup },
      {
        input: 'Trường 😀 中学',
        key: 'customiser.msg.missing',
        shown: 'Trường 😀 中学',
        // In code point order.
        vars: { count: 3, chars: '“中” (U+4E2D), “学” (U+5B66), “😀” (U+1F600)' },
      },
    ];
    for (const { input, key, shown: expected, vars } of cases) {
      await field.fill(input);
      await expect(messages(page), JSON.stringify(input)).toHaveText([fill(key, vars)]);
      await expect(shown(page)).toHaveText(expected);
      // A preview is shown: the engine's, or, until the form first changes (the empty line,
      // first), the build's image of the same design.
      await expect(page.locator('.js-customiser-preview:visible, .js-customiser-preview-image:visible')).toHaveCount(1);
    }
    // Markup stayed text: no element was made from it, nothing ran.
    expect(await page.locator('main b, main script:not([type]), main img[src="x"]').count()).toBe(0);

    // Too long even at the smallest legible size: shortened, and the message says to what.
    await page.getByLabel('Khổ', { exact: true }).selectOption('a4');
    await field.fill(long);
    const tooLong = messages(page);
    // Wait for this input's layout (the previous case also had one message).
    await expect(shown(page)).toHaveText(/…$/);
    await expect(tooLong).toHaveCount(1);
    const printed = (await shown(page).textContent())!;
    expect(long.startsWith(printed.slice(0, -1))).toBe(true);
    await expect(tooLong).toHaveText(fill('customiser.msg.tooLong', { shown: printed }));

    // Screen readers hear the message once typing pauses.
    await expect(
      page.locator('.js-customiser-announcer').filter({ hasText: fill('customiser.msg.tooLong', { shown: printed }) }),
    ).toHaveCount(1);

    // Bad input still gives a file.
    await field.fill(markup);
    const { bytes } = await downloadFrom(page, vi['customiser.downloadPdf']!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);

    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('works from the keyboard alone', async ({ page }) => {
    await open(page, `?khau-hieu=${SLOGAN_ID}`);
    await expect(page.getByLabel('Khẩu hiệu', { exact: true })).toHaveValue(SLOGAN_ID);
    await page.getByLabel('Khổ', { exact: true }).focus();
    await page.keyboard.press('ArrowDown'); // A4 → A3
    await expect(page.getByLabel('Khổ', { exact: true })).toHaveValue('a3');
    await page.keyboard.press('Tab'); // the checked colour
    await page.keyboard.press('ArrowDown'); // red
    await expect(page.locator('input[name="mau"][value="do"]')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(vi['customiser.unit']!)).toBeFocused();
    await page.keyboard.type('Trường Mầm non Bình Lư');
    await expect(shown(page)).toHaveText('Trường Mầm non Bình Lư');
    await page.keyboard.press('Tab'); // the unit's phone
    await expect(page.getByLabel(vi['customiser.phone']!)).toBeFocused();
    await page.keyboard.type('0213 3876 123');
    await expect(page.locator('.js-customiser-phone-shown')).toHaveText(
      fill('poster.unitPhone', { phone: '0213 3876 123' }),
    );
    await page.keyboard.press('Tab'); // crop marks
    await page.keyboard.press('Space');
    await expect(page.getByLabel(vi['customiser.cropMarks']!)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: vi['customiser.downloadPdf']! })).toBeFocused();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`${SLOGAN_ID}_a3_do_truong-mam-non-binh-lu_dau-cat.pdf`);
    const pdf = await PDFDocument.load(readFileSync((await download.path())!));
    // Crop marks: 8 mm more on every side than the 3 mm bleed.
    expect(pdf.getPage(0).getWidth()).toBeCloseTo(((297 + 6 + 16) * 72) / 25.4, 2);
  });
});

test('the customiser’s code loads on its page only', async ({ request }) => {
  const scripts = (html: string) => [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
  // The customiser's module is the one /tao-mau/ loads that the home page (site-wide scripts only) does not.
  const siteWide = new Set(scripts(await (await request.get('./')).text()));
  const own = scripts(await (await request.get('tao-mau/')).text()).filter((src) => !siteWide.has(src));
  expect(own).toHaveLength(1);
  expect(own[0]).toMatch(/\/_astro\/.+\.js$/);
  for (const path of sitemapPaths().filter((p) => p !== 'tao-mau/')) {
    expect(await (await request.get(path)).text(), path).not.toContain(own[0]!);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page leads to the ready-made files: a link to the materials page, which reaches every slogan’s files', async ({
    page,
  }) => {
    await page.goto('tao-mau/');
    await expect(page.locator('.customiser__app')).toBeHidden();
    const fallback = page.locator('.customiser__fallback');
    await expect(fallback).toBeVisible();
    await expect(fallback).toContainText(vi['customiser.noJs']!);
    await fallback.getByRole('link', { name: vi['nav.materials']! }).click();
    await expect(page).toHaveURL(new RegExp(`${basePath}tai-lieu/$`));
    const sloganIds = [...new Set(manifest.files.map((f) => f.sloganId).filter(Boolean))];
    expect(sloganIds.length).toBeGreaterThan(0);
    for (const id of sloganIds)
      await expect(page.locator(`a[href="${basePath}tai-lieu/${id}/"]`).first()).toBeAttached();
  });
});

/**
 * The QR code on posters and banners (src/shared/print/qr.ts): every print format and
 * scheme is rendered to pixels (sharp on the SVG) and read back with jsQR, an
 * independent decoder, to the address it was given; its size, quiet zone, colours and
 * place are checked against the print rules (at least 20 mm on A4, 4 modules of quiet
 * zone, inside the frame, clear of every text).
 */
import jsQR from 'jsqr';
import sharp from 'sharp';
import { PROPORTIONS } from '../../../src/shared/print/proportions.ts';
import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  SCHEMES,
  contrastRatio,
  isPrintFormat,
  layoutScene,
  renderSvg,
  type Box,
  type Scene,
} from '../../../src/shared/print/index.ts';
import { qrModulesPath, qrTileColour, QR_DARK } from '../../../src/shared/print/qr.ts';
import { encodeQr, qrLink } from '../../../src/shared/print/qr-encode.ts';
import { qrSymbolText, readQrSymbol } from '../../../src/shared/print/qr-symbol.ts';
import { posterLink, posterPhoneLine } from '../../../src/shared/print-texts.ts';
import { input, loadSlogans } from './helpers.ts';

const slogans = loadSlogans();
/** The longest slogan: the least room for the code. */
const longest = [...slogans].sort((a, b) => b.text.length - a.text.length)[0]!;
const LINK = qrLink('https://example.gov.vn/tro-giup/', 'example.gov.vn/tro-giup/');
const PHONE = 'Điện thoại: 0213 3876 123';
const printFormats = FORMATS.filter(isPrintFormat);

const disjoint = (a: Box, b: Box): boolean =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** The scene's trim area as RGBA pixels, about `pxPerModule` pixels a module, and what jsQR reads in it. */
async function decode(scene: Scene, pxPerModule = 4): Promise<string | undefined> {
  const scale = pxPerModule / scene.qr!.moduleSize;
  const width = Math.round(scene.trim.width * scale);
  const height = Math.round(scene.trim.height * scale);
  const svg = renderSvg(scene, { pixelSize: { width, height } });
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

describe('the QR code on every poster and banner', () => {
  for (const format of printFormats) {
    it(`decodes to its address on ${format.id}, both schemes (sharp + jsQR)`, async () => {
      for (const scheme of SCHEMES) {
        const scene = layoutScene(input(longest.text, format, scheme.id, { link: LINK, phoneLine: PHONE }));
        expect(scene.warnings).toEqual([]);
        expect(await decode(scene)).toBe(LINK.url);
      }
    });
  }

  it('is at least 20 mm on A4 and grows with the format; on a banner it gives way to a long slogan, down to its least scale', () => {
    const shortest = [...slogans].sort((a, b) => a.text.length - b.text.length)[0]!;
    const sides = printFormats.map((format) => {
      const side = (text: string) =>
        layoutScene(input(text, format, 'cam', { link: LINK, phoneLine: PHONE })).qr!.modules.width;
      return {
        id: format.id,
        kind: format.kind,
        short: Math.min(format.width, format.height),
        side: side(shortest.text),
        longest: side(longest.text),
        nominal:
          PROPORTIONS.qr.size[format.kind === 'banner' ? 'landscape' : 'portrait'] *
          Math.min(format.width, format.height),
      };
    });
    const a4 = sides.find((s) => s.id === 'a4')!;
    expect(a4.longest).toBeGreaterThanOrEqual(20);
    // A larger poster or banner never gets a smaller code (banners, read from farther, get a larger share).
    for (const a of sides)
      for (const b of sides) if (a.kind === b.kind && a.short > b.short) expect(a.side).toBeGreaterThan(b.side);
    // A banner's code shrinks only for a slogan that needs its corner, and never below its least scale.
    for (const s of sides.filter((x) => x.kind === 'banner')) {
      expect(s.side).toBeGreaterThan(s.nominal - 0.3);
      expect(s.longest).toBeGreaterThanOrEqual(PROPORTIONS.banner.minQrScale * s.nominal - 0.3);
    }
    console.log(sides.map((s) => `${s.id} ${s.longest.toFixed(1)} mm`).join(', '));
  });

  it('has a quiet zone of 4 modules, dark modules on a light tile, and stays clear of the hem zone and every text', () => {
    for (const format of printFormats) {
      for (const scheme of SCHEMES) {
        const scene = layoutScene(input(longest.text, format, scheme.id, { link: LINK, phoneLine: PHONE }));
        const { tile, modules, moduleSize } = scene.qr!;
        expect(modules.x - tile.x).toBeCloseTo(4 * moduleSize, 6);
        expect(tile.x + tile.width - (modules.x + modules.width)).toBeCloseTo(4 * moduleSize, 6);
        expect(modules.y - tile.y).toBeCloseTo(4 * moduleSize, 6);
        expect(tile.y + tile.height - (modules.y + modules.height)).toBeCloseTo(4 * moduleSize, 6);

        const tileItem = scene.items.find((item) => item.role === 'qr-tile')!;
        const modulesItem = scene.items.find((item) => item.role === 'qr')!;
        expect(contrastRatio(tileItem.fill.hex, modulesItem.fill.hex)).toBeGreaterThanOrEqual(7);
        expect(modulesItem.fill.cmyk).toEqual([0, 0, 0, 100]);

        // Hem zone: 40 mm from every edge of a banner, 10 mm on a poster (the trim edge, not the bleed).
        const hem = format.kind === 'banner' ? 40 : 10;
        const { trim } = scene;
        expect(tile.x - trim.x).toBeGreaterThanOrEqual(hem);
        expect(tile.y - trim.y).toBeGreaterThanOrEqual(hem);
        expect(trim.x + trim.width - (tile.x + tile.width)).toBeGreaterThanOrEqual(hem);
        expect(trim.y + trim.height - (tile.y + tile.height)).toBeGreaterThanOrEqual(hem);

        // No line of text touches the tile (a banner's slogan may run beside it); the label and
        // the phone line sit under it.
        for (const block of scene.blocks)
          for (const line of block.lines) expect(disjoint(line.ink, tile), `${format.id} ${block.role}`).toBe(true);
        const label = scene.blocks.find((b) => b.role === 'link')!;
        const phone = scene.blocks.find((b) => b.role === 'phone')!;
        expect(label.lines.map((l) => l.text)).toEqual([LINK.label]);
        expect(phone.lines.map((l) => l.text)).toEqual([PHONE]);
        expect(label.ink.y).toBeGreaterThanOrEqual(tile.y + tile.height);
        expect(phone.ink.y).toBeGreaterThanOrEqual(label.ink.y + label.ink.height);
        for (const a of scene.blocks)
          for (const b of scene.blocks)
            if (a !== b) expect(disjoint(a.ink, b.ink), `${format.id}: ${a.role} / ${b.role}`).toBe(true);
      }
    }
  });

  it('draws every dark module, and only those, as one path of rectangles', () => {
    const symbol = encodeQr(LINK.url);
    const path = qrModulesPath(symbol);
    expect(path.every((c) => c.op === 'M' || c.op === 'L' || c.op === 'Z')).toBe(true);
    // Area of the rectangles = number of dark modules.
    let area = 0;
    for (let i = 0; i < path.length; i += 5) {
      const [a, , c] = path.slice(i, i + 3) as { x: number; y: number }[];
      area += (c!.x - a!.x) * (c!.y - a!.y);
    }
    expect(area).toBe(symbol.dark.flat().filter(Boolean).length);
    // Every rectangle lies on a module: whole numbers within the symbol.
    for (const c of path) {
      if (c.op === 'Z') continue;
      const { x, y } = c as { x: number; y: number };
      expect(Number.isInteger(x) && Number.isInteger(y) && x <= symbol.size && y <= symbol.size).toBe(true);
    }
  });

  it('puts none on screen images, and none when no address is given', () => {
    for (const format of FORMATS.filter((f) => !isPrintFormat(f))) {
      const scene = layoutScene(input(longest.text, format, 'cam', { link: LINK, phoneLine: PHONE }));
      expect(scene.qr).toBeUndefined();
      expect(scene.items.some((item) => item.role === 'qr' || item.role === 'qr-tile')).toBe(false);
      expect(scene.blocks.map((b) => b.role)).not.toContain('phone');
    }
    const scene = layoutScene(input(longest.text, 'a4', 'cam'));
    expect(scene.qr).toBeUndefined();
    expect(scene.blocks.map((b) => b.role)).toEqual(['heading', 'slogan', 'unit', 'footer']);
  });

  it('takes the tile from the lighter colour of any scheme', () => {
    for (const scheme of SCHEMES) {
      expect(contrastRatio(qrTileColour(scheme).hex, QR_DARK.hex)).toBeGreaterThanOrEqual(7);
      const swapped = { ...scheme, background: scheme.text, text: scheme.background };
      expect(qrTileColour(swapped)).toBe(qrTileColour(scheme));
    }
  });
});

describe('the address and the printed texts (src/shared/print-texts.ts)', () => {
  it('builds the help page address from the site settings, and the label without the protocol', () => {
    expect(posterLink('http://127.0.0.1:4321', '/')).toEqual({
      url: 'http://127.0.0.1:4321/tro-giup/',
      label: '127.0.0.1:4321/tro-giup/',
      symbol: encodeQr('http://127.0.0.1:4321/tro-giup/'),
    });
    expect(posterLink('https://example.gov.vn', '/thang-hanh-dong/')).toEqual({
      url: 'https://example.gov.vn/thang-hanh-dong/tro-giup/',
      label: 'example.gov.vn/thang-hanh-dong/tro-giup/',
      symbol: encodeQr('https://example.gov.vn/thang-hanh-dong/tro-giup/'),
    });
  });

  it('hands the symbol to the page as text and back unchanged, and refuses text that is not one', () => {
    const symbol = encodeQr('https://example.gov.vn/thang-hanh-dong/tro-giup/');
    expect(qrSymbolText(symbol)).toMatch(new RegExp(`^${symbol.version}:${symbol.size}:[01]{${symbol.size ** 2}}$`));
    expect(readQrSymbol(qrSymbolText(symbol))).toEqual(symbol);
    expect(() => readQrSymbol('3:29:0101')).toThrow(/not a QR symbol/);
    expect(() => readQrSymbol('')).toThrow(/not a QR symbol/);
  });

  it('words the phone line', () => {
    expect(posterPhoneLine('0213 3876 123')).toBe('Điện thoại: 0213 3876 123');
  });
});

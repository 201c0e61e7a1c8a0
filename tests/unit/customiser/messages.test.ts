import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.ts';
import { layoutScene } from '../../../src/shared/print/index.ts';
import {
  describeChars,
  unitLineMessages,
  unitLineShown,
  UNIT_LINE_MAX_LENGTH,
} from '../../../src/components/customiser/messages.ts';
import { crc32, withPngDensity } from '../../../src/components/customiser/png.ts';
import { input, loadSlogans } from '../print/helpers.ts';

const slogan = loadSlogans()[4]!.text;
const scene = (unit: string, format = 'a4') => layoutScene(input(slogan, format, 'cam', { unitLine: unit }));
const keys = (unit: string, format = 'a4') => unitLineMessages(unit, scene(unit, format)).map((m) => m.key);

describe('customiser messages about the unit line', () => {
  it('says nothing for a clean Vietnamese unit line, and prints it as typed', () => {
    expect(keys('Trường Tiểu học Nùng Nàng')).toEqual([]);
    expect(unitLineShown(scene('Trường Tiểu học Nùng Nàng'))).toBe('Trường Tiểu học Nùng Nàng');
  });

  it('tells an empty line from a whitespace-only one; neither is printed', () => {
    expect(keys('')).toEqual(['customiser.msg.empty']);
    expect(keys(' \t\n  ')).toEqual(['customiser.msg.blank']);
    expect(unitLineShown(scene(' \t\n  '))).toBeUndefined();
  });

  it('joins pasted line breaks into one line and says so', () => {
    expect(keys('UBND xã\nNùng Nàng')).toEqual(['customiser.msg.lineBreaks']);
    expect(unitLineShown(scene('UBND xã\r\nNùng Nàng'))).toBe('UBND xã Nùng Nàng');
    // A trailing line break from a paste is no news.
    expect(keys('UBND xã Nùng Nàng\n')).toEqual([]);
  });

  it('normalises NFD text to NFC, prints it correctly, and says so', () => {
    const nfd = 'Trường Tiểu học'.normalize('NFD');
    expect(keys(nfd)).toEqual(['customiser.msg.nfd']);
    expect(unitLineShown(scene(nfd))).toBe('Trường Tiểu học'.normalize('NFC'));
    expect(scene(nfd).warnings).toEqual([]);
  });

  it('prints markup as text and says so', () => {
    expect(keys('<b>Trường</b> & <script>')).toEqual(['customiser.msg.markup']);
    expect(unitLineShown(scene('<b>Trường</b> & <script>'))).toBe('<b>Trường</b> & <script>');
  });

  it('names the characters the font lacks, with their code points', () => {
    const messages = unitLineMessages('Trường 😀 中学', scene('Trường 😀 中学'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ level: 'error', key: 'customiser.msg.missing', vars: { count: 3 } });
    const text = t(messages[0]!.key, messages[0]!.vars);
    expect(text).toContain('“😀” (U+1F600)');
    expect(text).toContain('“中” (U+4E2D)');
    expect(text).toContain('“学” (U+5B66)');
    expect(describeChars(['Ā'])).toBe('“Ā” (U+0100)');
  });

  it('shrinks a long line to the minimum legible size, then says what it could print', () => {
    const long =
      'Ban Chỉ đạo công tác bình đẳng giới và vì sự tiến bộ của phụ nữ, Trường Phổ thông Dân tộc Bán trú Trung học cơ sở xã Nùng Nàng, huyện Tam Đường, tỉnh Lai Châu và Liên đội Thiếu niên Tiền phong';
    expect(long.length).toBeLessThanOrEqual(UNIT_LINE_MAX_LENGTH);
    const messages = unitLineMessages(long, scene(long, 'a4'));
    expect(messages.map((m) => m.key)).toEqual(['customiser.msg.tooLong']);
    const shown = String(messages[0]!.vars!['shown']);
    expect(shown.endsWith('…')).toBe(true);
    expect(long.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
    expect(t('customiser.msg.tooLong', messages[0]!.vars)).toContain(`“${shown}”`);
  });

  it('lays out a unit line of the maximum length quickly enough to type into', () => {
    const longest = 'Trường '.repeat(40).slice(0, UNIT_LINE_MAX_LENGTH);
    const start = performance.now();
    scene(longest, 'a4');
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe('PNG resolution chunk', () => {
  it('records the dpi in a valid pHYs chunk that image tools read', async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c2410c' } })
        .png()
        .toBuffer(),
    );
    const out = withPngDensity(png, 150);
    expect((await sharp(out).metadata()).density).toBe(150);
    // Twice: still one pHYs chunk.
    const again = withPngDensity(out, 300);
    expect(Buffer.from(again).toString('latin1').split('pHYs').length - 1).toBe(1);
    expect((await sharp(again).metadata()).density).toBe(300);
    expect(() => withPngDensity(new Uint8Array([1, 2, 3]), 150)).toThrow(/Not a PNG/);
  });

  it('computes CRC-32 as zlib does', async () => {
    const { crc32: zlibCrc } = await import('node:zlib');
    const data = new TextEncoder().encode('IHDR Tháng hành động');
    expect(crc32(data)).toBe(zlibCrc(data) >>> 0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  PROTECTED_COMPOUNDS,
  SCHEMES,
  cleanText,
  layoutScene,
  type Box,
  type PrintFormat,
  type Scene,
  type TextBlock,
} from '../../../src/shared/print/index.ts';
import { FOOTER, HEADING, UNIT_LINE, input, loadSlogans } from './helpers.ts';

const EPS = 1e-6;
const slogans = loadSlogans();

const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - EPS &&
  inner.y >= outer.y - EPS &&
  inner.x + inner.width <= outer.x + outer.width + EPS &&
  inner.y + inner.height <= outer.y + outer.height + EPS;

const disjoint = (a: Box, b: Box): boolean =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

const bare = (word: string): string => word.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');

/** Protected compounds that a break between these two lines would split. */
function splitCompounds(above: string, below: string): string[] {
  const tail = above.split(' ').map(bare);
  const head = below.split(' ').map(bare);
  return PROTECTED_COMPOUNDS.filter((compound) => {
    const syllables = compound.split(' ');
    for (let k = 1; k < syllables.length; k++) {
      const left = syllables.slice(0, k);
      const right = syllables.slice(k);
      if (tail.slice(-k).join(' ') === left.join(' ') && head.slice(0, right.length).join(' ') === right.join(' ')) {
        return true;
      }
    }
    return false;
  });
}

/** Every problem found in a scene, as readable strings (empty = fine). */
function problems(scene: Scene): string[] {
  const found: string[] = [];
  const where = `${scene.formatId}/${scene.schemeId} "${scene.title}"`;
  if (scene.warnings.length) found.push(`${where}: warnings ${JSON.stringify(scene.warnings)}`);
  if (!inside(scene.safe, scene.trim)) found.push(`${where}: safe area outside the trim`);
  const roles = scene.blocks.map((block) => block.role).sort();
  if (roles.join() !== 'footer,heading,slogan,unit') found.push(`${where}: blocks ${roles.join()}`);
  for (const block of scene.blocks) {
    const label = `${where} ${block.role}`;
    if (!inside(block.region, scene.safe)) found.push(`${label}: region outside the safe area`);
    for (const line of block.lines) {
      if (!inside(line.ink, block.region)) found.push(`${label}: "${line.text}" overflows its region`);
      const words = line.text.split(' ');
      if (block.lines.length > 1 && words.length === 1 && [...bare(line.text)].length <= 4) {
        found.push(`${label}: lone short word "${line.text}"`);
      }
    }
    block.lines.forEach((line, i) => {
      const next = block.lines[i + 1];
      if (!next) return;
      const split = splitCompounds(line.text, next.text);
      if (split.length) found.push(`${label}: break inside ${split.join(', ')}`);
      // Marks of adjacent lines never touch: 0.09 em at least between overlapping glyphs.
      const gap = 0.09 * block.fontSize * (1 - 1e-9);
      for (const a of line.glyphInk) {
        for (const b of next.glyphInk) {
          const overlapX = a.x < b.x + b.width && b.x < a.x + a.width;
          if (overlapX && b.y - (a.y + a.height) < gap) {
            found.push(`${label}: glyphs of "${line.text}" and "${next.text}" too close`);
          }
        }
      }
    });
  }
  for (let i = 0; i < scene.blocks.length; i++) {
    for (let j = i + 1; j < scene.blocks.length; j++) {
      const a = scene.blocks[i] as TextBlock;
      const b = scene.blocks[j] as TextBlock;
      if (!disjoint(a.ink, b.ink)) found.push(`${where}: ${a.role} and ${b.role} overlap`);
    }
  }
  const slogan = scene.blocks.find((block) => block.role === 'slogan');
  for (const block of scene.blocks) {
    if (slogan && block !== slogan && block.fontSize >= slogan.fontSize) {
      found.push(`${where}: ${block.role} (${block.fontSize}) not smaller than the slogan (${slogan.fontSize})`);
    }
  }
  return found;
}

describe('layout of every slogan in every format and scheme', () => {
  it('reads the 14 slogans from content/slogans.yaml', () => {
    expect(slogans).toHaveLength(14);
  });

  it.each(FORMATS.map((format) => [format.id, format] as const))(
    'fits all slogans in %s, both schemes: no overflow, no split compound, no lone short word, no touching marks',
    (_id, format) => {
      const all: string[] = [];
      for (const scheme of SCHEMES) {
        for (const slogan of slogans) all.push(...problems(layoutScene(input(slogan.text, format.id, scheme.id))));
      }
      expect(all).toEqual([]);
    },
  );

  it('draws the text of every block as filled paths in the scheme colours', () => {
    const scene = layoutScene(input(slogans[0]!.text, 'a2', 'do'));
    const roles = new Set(scene.items.filter((item) => item.type === 'path').map((item) => item.role));
    expect([...roles].sort()).toEqual(['footer', 'frame', 'heading', 'slogan', 'unit']);
    for (const item of scene.items) {
      if (item.type === 'path' && item.role === 'footer') expect(item.fill.hex).toBe('#c0121b');
      else if (item.type === 'path') expect(item.fill.hex).toBe('#ffeb00');
    }
  });

  it('fills the bleed with the background and starts with it', () => {
    const scene = layoutScene(input(slogans[4]!.text, 'a3', 'cam'));
    expect(scene.items[0]).toMatchObject({ type: 'rect', role: 'background', x: 0, y: 0, width: 303, height: 426 });
    expect(scene.trim).toEqual({ x: 3, y: 3, width: 297, height: 420 });
  });
});

describe('text input', () => {
  it('gives the same scene for NFD input as for NFC', () => {
    for (const slogan of slogans) {
      for (const format of ['a4', 'bang-ron-5x0-8']) {
        const nfc = layoutScene(input(slogan.text.normalize('NFC'), format, 'cam'));
        const nfd = layoutScene(
          input(slogan.text.normalize('NFD'), format, 'cam', {
            heading: HEADING.normalize('NFD'),
            footer: FOOTER.normalize('NFD'),
            unitLine: UNIT_LINE.normalize('NFD'),
          }),
        );
        expect(nfd).toEqual(nfc);
      }
    }
  });

  it('gives the same scene for text with pasted line breaks and double spaces', () => {
    const text = slogans[6]!.text;
    const messy = `  ${text.replace(/ /g, (_, i: number) => (i % 2 ? '\r\n' : '  '))}\n`;
    expect(layoutScene(input(messy, 'a3', 'do'))).toEqual(layoutScene(input(text, 'a3', 'do')));
  });

  it('sets the slogan in capitals by default and as typed on request', () => {
    const text = slogans[4]!.text;
    const upper = layoutScene(input(text, 'a4', 'cam')).blocks.find((b) => b.role === 'slogan')!;
    const asTyped = layoutScene(input(text, 'a4', 'cam', { uppercase: false })).blocks.find(
      (b) => b.role === 'slogan',
    )!;
    expect(upper.lines.map((l) => l.text).join(' ')).toBe(text.toUpperCase());
    expect(asTyped.lines.map((l) => l.text).join(' ')).toBe(text);
  });

  it('takes the heading and the footer from the input, case kept', () => {
    const scene = layoutScene(input(slogans[0]!.text, 'a2', 'cam'));
    const text = (role: string): string =>
      scene.blocks
        .find((b) => b.role === role)!
        .lines.map((l) => l.text)
        .join(' ');
    expect(text('heading')).toBe(HEADING);
    expect(text('footer')).toBe(FOOTER);
    expect(text('unit')).toBe(UNIT_LINE);
    expect(scene.title).toBe(cleanText(slogans[0]!.text));
  });

  it('leaves out the heading and the footer band when they are empty', () => {
    const scene = layoutScene(input(slogans[0]!.text, 'a4', 'cam', { heading: '', footer: ' ' }));
    expect(scene.blocks.map((b) => b.role).sort()).toEqual(['slogan', 'unit']);
    expect(scene.items.some((item) => item.type === 'rect' && item.role !== 'background')).toBe(false);
    expect(problems(scene).filter((p) => !p.includes('blocks'))).toEqual([]);
  });
});

describe('the unit line', () => {
  it('is left out when empty or blank, and the slogan gets the room', () => {
    for (const unitLine of ['', '   ', '\n\t', undefined]) {
      const scene = layoutScene(input(slogans[2]!.text, 'a3', 'cam', { unitLine }));
      expect(scene.blocks.map((b) => b.role)).not.toContain('unit');
      expect(scene.warnings).toEqual([]);
    }
    const withUnit = layoutScene(input(slogans[2]!.text, 'a3', 'cam'));
    const without = layoutScene(input(slogans[2]!.text, 'a3', 'cam', { unitLine: ' ' }));
    const region = (scene: Scene): Box => scene.blocks.find((b) => b.role === 'slogan')!.region;
    expect(region(without).height).toBeGreaterThan(region(withUnit).height);
  });

  it('shrinks a long unit line to fit, without a warning while it stays legible', () => {
    const unitLine = 'Ủy ban nhân dân huyện Tam Đường, tỉnh Lai Châu';
    const scene = layoutScene(input(slogans[2]!.text, 'a4', 'cam', { unitLine }));
    expect(scene.warnings).toEqual([]);
    const unit = scene.blocks.find((b) => b.role === 'unit')!;
    expect(unit.lines.map((l) => l.text).join(' ')).toBe(unitLine);
    expect(problems(scene)).toEqual([]);
  });

  it('stops at the minimum legible size, shortens and warns instead of overflowing', () => {
    const unitLine = Array.from({ length: 12 }, () => 'Ủy ban nhân dân huyện Tam Đường').join(' – ');
    for (const format of FORMATS) {
      const scene = layoutScene(input(slogans[2]!.text, format.id, 'do', { unitLine }));
      const warning = scene.warnings.find((w) => w.code === 'unit-line-too-long');
      expect(warning, format.id).toBeDefined();
      if (warning?.code !== 'unit-line-too-long') continue;
      const unit = scene.blocks.find((b) => b.role === 'unit')!;
      expect(unit.fontSize).toBeCloseTo(warning.minFontSize, 9);
      expect(warning.shown.endsWith('…')).toBe(true);
      expect(unit.lines.map((l) => l.text).join(' ')).toBe(warning.shown);
      expect(problems(scene).filter((p) => !p.includes('warnings'))).toEqual([]);
    }
  });

  it('copes with a single word too long for the line', () => {
    const scene = layoutScene(input(slogans[2]!.text, 'a4', 'cam', { unitLine: 'X'.repeat(400) }));
    expect(scene.warnings.map((w) => w.code)).toEqual(['unit-line-too-long']);
    expect(problems(scene).filter((p) => !p.includes('warnings'))).toEqual([]);
  });
});

describe('robustness', () => {
  it('reports characters the font lacks instead of crashing', () => {
    const scene = layoutScene(input('Chấm dứt bạo lực 中 🙂', 'a4', 'cam', { unitLine: 'Đơn vị 中' }));
    expect(scene.warnings).toEqual([{ code: 'missing-glyphs', chars: ['中', '🙂'] }]);
    expect(scene.blocks.find((b) => b.role === 'slogan')).toBeDefined();
  });

  it('reports an empty slogan instead of crashing', () => {
    const scene = layoutScene(input(' \n ', 'a4', 'cam'));
    expect(scene.warnings).toEqual([{ code: 'empty-slogan' }]);
    expect(scene.blocks.map((b) => b.role)).not.toContain('slogan');
  });

  it('lays out a format added as data, without code', () => {
    const a5: PrintFormat = {
      id: 'a5',
      kind: 'poster',
      label: 'Áp phích A5',
      width: 148,
      height: 210,
      unit: 'mm',
      bleed: 3,
    };
    for (const slogan of slogans) expect(problems(layoutScene(input(slogan.text, a5, 'cam')))).toEqual([]);
  });

  it('throws on an unknown format or scheme id (a programming error)', () => {
    expect(() => layoutScene(input('x', 'a9', 'cam'))).toThrow(/Unknown print format/);
    expect(() => layoutScene(input('x', 'a4', 'xanh'))).toThrow(/Unknown colour scheme/);
  });
});

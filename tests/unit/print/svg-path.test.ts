import { describe, expect, it } from 'vitest';
import { FORMATS, layoutScene, pathData, renderSvg, type PathCommand } from '../../../src/shared/print/index.ts';
import { compactPath } from '../../../src/shared/print/render-svg.ts';
import { input, loadSlogans } from './helpers.ts';

/**
 * Reads SVG path data (absolute or relative M L Q C Z, implicit repeats, numbers
 * like "-.5.25") back to absolute points: an independent reader to check
 * `compactPath` against.
 */
function absolutePoints(d: string): { command: string; points: number[] }[] {
  const tokens = d.match(/[MmLlQqCcZz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const arity: Record<string, number> = { m: 2, l: 2, q: 4, c: 6, z: 0 };
  const out: { command: string; points: number[] }[] = [];
  let i = 0;
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  let command = '';
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i]!)) command = tokens[i++]!;
    else if (command === 'm') command = 'l';
    else if (command === 'M') command = 'L';
    const lower = command.toLowerCase();
    const relative = command === lower;
    if (lower === 'z') {
      out.push({ command: 'Z', points: [] });
      x = sx;
      y = sy;
      continue;
    }
    const values: number[] = [];
    for (let k = 0; k < arity[lower]!; k++) values.push(Number(tokens[i++]));
    const points = values.map((v, k) => (relative ? v + (k % 2 === 0 ? x : y) : v));
    out.push({ command: lower.toUpperCase(), points });
    x = points.at(-2)!;
    y = points.at(-1)!;
    if (lower === 'm') {
      sx = x;
      sy = y;
    }
  }
  return out;
}

/** Scene path commands for absolute path data (`M1 2L3 4Z`), to write test paths briefly. */
function commands(data: string): PathCommand[] {
  return absolutePoints(data).map(({ command, points: [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] }): PathCommand => {
    switch (command) {
      case 'M':
      case 'L':
        return { op: command, x: a, y: b };
      case 'Q':
        return { op: 'Q', x1: a, y1: b, x: c, y: d };
      case 'C':
        return { op: 'C', x1: a, y1: b, x2: c, y2: d, x: e, y: f };
      default:
        return { op: 'Z' };
    }
  });
}

describe('scene paths', () => {
  it('write back as the absolute path data they were read from', () => {
    const d = 'M10 10L10.5 10Q11 11 12.25 -3C1 2 3 4 5 6ZM0 0L1 1Z';
    expect(pathData(commands(d))).toBe(d);
  });

  it('keep every coordinate at 0.01 unit, the frame and every glyph', () => {
    const scene = layoutScene(input('Chấm dứt bạo lực, vun đắp yêu thương.', 'bang-ron-5x0-8', 'cam'));
    const off: string[] = [];
    for (const item of scene.items) {
      if (item.type !== 'path') continue;
      for (const command of item.path) {
        for (const value of Object.values(command)) {
          if (typeof value === 'number' && Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
            off.push(`${item.role}: ${value}`);
        }
      }
    }
    expect(off).toEqual([]);
    // Banners have no frame: a poster's.
    const poster = layoutScene(input('Chấm dứt bạo lực, vun đắp yêu thương.', 'a2', 'cam'));
    expect(poster.items.find((item) => item.type === 'path' && item.role === 'frame')).toMatchObject({
      path: [
        { op: 'M' },
        { op: 'L' },
        { op: 'L' },
        { op: 'L' },
        { op: 'Z' },
        { op: 'M' },
        { op: 'L' },
        { op: 'L' },
        { op: 'L' },
        { op: 'Z' },
      ],
    });
  });
});

describe('compact SVG path data', () => {
  it('writes relative commands with no needless separators', () => {
    expect(compactPath(commands('M10 10L10.5 10L10.5 9.75Z'))).toBe('M10 10l.5 0 0-.25z');
    expect(compactPath(commands('M0 0L1 1L2 2M5 5L6 6'))).toBe('M0 0l1 1 1 1m3 3l1 1');
    expect(compactPath(commands('M1 1Q2 2 3 3Q4 4 5 5C6 6 7 7 8 8Z'))).toBe('M1 1q1 1 2 2 1 1 2 2c1 1 2 2 3 3z');
  });

  it('starts a subpath after z from the previous subpath’s start', () => {
    expect(absolutePoints(compactPath(commands('M10 10L20 10L20 20ZM30 30L40 40Z')))).toEqual([
      { command: 'M', points: [10, 10] },
      { command: 'L', points: [20, 10] },
      { command: 'L', points: [20, 20] },
      { command: 'Z', points: [] },
      { command: 'M', points: [30, 30] },
      { command: 'L', points: [40, 40] },
      { command: 'Z', points: [] },
    ]);
  });

  it('puts every point of every slogan’s outlines where the absolute data does, in fewer bytes', () => {
    const slogans = loadSlogans();
    let before = 0;
    let after = 0;
    for (const format of [
      FORMATS[0]!,
      FORMATS.find((f) => f.kind === 'banner')!,
      FORMATS.find((f) => f.kind === 'social')!,
    ]) {
      for (const slogan of slogans) {
        const scene = layoutScene(input(slogan.text, format, 'cam'));
        for (const item of scene.items) {
          if (item.type !== 'path') continue;
          const compact = compactPath(item.path);
          const absolute = pathData(item.path);
          const expected = absolutePoints(absolute);
          const actual = absolutePoints(compact);
          expect(actual.map((segment) => segment.command)).toEqual(expected.map((segment) => segment.command));
          let worst = 0;
          actual.forEach((segment, i) =>
            segment.points.forEach((value, k) => (worst = Math.max(worst, Math.abs(value - expected[i]!.points[k]!)))),
          );
          expect(worst).toBeLessThan(0.0051);
          before += absolute.length;
          after += compact.length;
        }
      }
    }
    expect(after).toBeLessThan(before * 0.65);
  });

  it('is what renderSvg writes', () => {
    const scene = layoutScene(input('Chấm dứt bạo lực, vun đắp yêu thương.', 'a2', 'do'));
    const path = scene.items.find((item) => item.type === 'path' && item.role === 'slogan');
    expect(path?.type).toBe('path');
    if (path?.type === 'path') expect(renderSvg(scene)).toContain(`d="${compactPath(path.path)}"`);
  });
});

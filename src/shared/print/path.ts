/**
 * Scene paths: glyph outlines and the frame as `PathCommand`s, and those commands
 * written back as absolute SVG path data.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Every coordinate is rounded here, once, to 0.01 scene unit (0.01 mm on paper):
 * renderers write the numbers as they find them.
 */

import type { OutlineCommand } from './font.ts';
import type { Box, PathCommand } from './scene.ts';

/** A scene coordinate at 0.01 unit, never "-0". */
export const roundCoordinate = (value: number): number => {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
};

/** An outline's commands as scene path commands, each point mapped by `px`/`py` (argument list, index). */
function outlineCommands(
  outline: readonly OutlineCommand[],
  px: (args: readonly number[], i: number) => number,
  py: (args: readonly number[], i: number) => number,
): PathCommand[] {
  const path: PathCommand[] = [];
  for (const { command, args } of outline) {
    switch (command) {
      case 'moveTo':
        path.push({ op: 'M', x: px(args, 0), y: py(args, 1) });
        break;
      case 'lineTo':
        path.push({ op: 'L', x: px(args, 0), y: py(args, 1) });
        break;
      case 'quadraticCurveTo':
        path.push({ op: 'Q', x1: px(args, 0), y1: py(args, 1), x: px(args, 2), y: py(args, 3) });
        break;
      case 'bezierCurveTo':
        path.push({
          op: 'C',
          x1: px(args, 0),
          y1: py(args, 1),
          x2: px(args, 2),
          y2: py(args, 3),
          x: px(args, 4),
          y: py(args, 5),
        });
        break;
      case 'closePath':
        path.push({ op: 'Z' });
        break;
    }
  }
  return path;
}

/**
 * A glyph outline (font units, y up) placed with its origin at (`ox`, `oy`) in the
 * scene (y down), `scale` scene units per font unit.
 */
export function outlinePath(outline: readonly OutlineCommand[], ox: number, oy: number, scale: number): PathCommand[] {
  return outlineCommands(
    outline,
    (args, i) => roundCoordinate(ox + (args[i] ?? 0) * scale),
    (args, i) => roundCoordinate(oy - (args[i] ?? 0) * scale),
  );
}

/** A glyph outline as path commands in its own font units (y up, unrounded): the PDF places it by a matrix. */
export function outlineInFontUnits(outline: readonly OutlineCommand[]): PathCommand[] {
  const at = (args: readonly number[], i: number): number => args[i] ?? 0;
  return outlineCommands(outline, at, at);
}

/** A ring along the inside of `outer`, `width` thick (outer clockwise, inner counter-clockwise). */
export function ringPath(outer: Box, width: number): PathCommand[] {
  const x0 = roundCoordinate(outer.x);
  const y0 = roundCoordinate(outer.y);
  const x1 = roundCoordinate(outer.x + outer.width);
  const y1 = roundCoordinate(outer.y + outer.height);
  const ix0 = roundCoordinate(outer.x + width);
  const iy0 = roundCoordinate(outer.y + width);
  const ix1 = roundCoordinate(outer.x + outer.width - width);
  const iy1 = roundCoordinate(outer.y + outer.height - width);
  const move = (x: number, y: number): PathCommand => ({ op: 'M', x, y });
  const line = (x: number, y: number): PathCommand => ({ op: 'L', x, y });
  const close: PathCommand = { op: 'Z' };
  return [
    ...[move(x0, y0), line(x1, y0), line(x1, y1), line(x0, y1), close], // outer edge, clockwise
    ...[move(ix0, iy0), line(ix0, iy1), line(ix1, iy1), line(ix1, iy0), close], // inner edge, counter-clockwise
  ];
}

/**
 * Absolute SVG path data for the commands (`M1 2L3 4Q…Z`), numbers as stored.
 * For readers and checks; the SVG renderer writes the shorter `compactPath`.
 */
export function pathData(path: readonly PathCommand[]): string {
  let d = '';
  for (const c of path) {
    switch (c.op) {
      case 'M':
      case 'L':
        d += `${c.op}${c.x} ${c.y}`;
        break;
      case 'Q':
        d += `Q${c.x1} ${c.y1} ${c.x} ${c.y}`;
        break;
      case 'C':
        d += `C${c.x1} ${c.y1} ${c.x2} ${c.y2} ${c.x} ${c.y}`;
        break;
      case 'Z':
        d += 'Z';
        break;
    }
  }
  return d;
}

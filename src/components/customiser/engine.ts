/**
 * The customiser's engine, run in its worker (`engine.worker.ts`): fontkit, the
 * layout engine and the SVG renderer. pdf-lib comes apart (`render-pdf`), loaded by
 * the worker once the engine is ready.
 *
 * N.B. Runs in a worker: no DOM.
 */
import * as fontkit from 'fontkit';
import { createLayoutFont, type FontkitFontLike, type PrintFonts } from '../../shared/print/font.ts';
import { layoutScene } from '../../shared/print/layout.ts';
import { renderSvg } from '../../shared/print/render-svg.ts';
import type { Scene } from '../../shared/print/scene.ts';
import type { Design } from './engine-protocol.ts';
import { unitLineMessages, unitLineShown, type Message } from './messages.ts';

export { renderSvg };

function parseFont(bytes: ArrayBuffer): FontkitFontLike {
  const font = fontkit.create(new Uint8Array(bytes));
  if (!('layout' in font)) throw new Error('not a single font');
  return font as unknown as FontkitFontLike;
}

/** The two print fonts, parsed. */
export function loadFonts(bytes: { display: ArrayBuffer; text: ArrayBuffer }): PrintFonts {
  return { display: createLayoutFont(parseFont(bytes.display)), text: createLayoutFont(parseFont(bytes.text)) };
}

/** The design laid out with the build's presentation rules (src/shared/presentation.ts, applied by the page). */
export function layout(design: Design, fonts: PrintFonts): Scene {
  return layoutScene({
    slogan: design.slogan,
    format: design.formatId,
    scheme: design.schemeId,
    heading: design.heading,
    footer: design.footer,
    unitLine: design.unitLine,
    finishing: design.finishing,
    link: design.link,
    phoneLine: design.phoneLine,
    fonts,
  });
}

/** The phone line as set under the QR code, or `undefined` when the scene has none. */
export function phoneShown(scene: Scene): string | undefined {
  const block = scene.blocks.find((b) => b.role === 'phone');
  return block ? block.lines.map((line) => line.text).join(' ') : undefined;
}

/** What the preview shows of a scene (its SVG only when `svg`). */
export function preview(
  design: Design,
  scene: Scene,
  svg = true,
): { svg: string | undefined; shown: string | undefined; phoneShown: string | undefined; messages: Message[] } {
  return {
    svg: svg ? renderSvg(scene) : undefined,
    shown: unitLineShown(scene),
    phoneShown: phoneShown(scene),
    messages: unitLineMessages(design.unitLine, scene),
  };
}

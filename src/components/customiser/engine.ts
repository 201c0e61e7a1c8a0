/**
 * The customiser's engine, run in its worker (`engine.worker.ts`): the print fonts'
 * models, the layout engine and the SVG renderer. pdf-lib comes apart (`render-pdf`),
 * loaded by the worker once the engine is ready.
 *
 * N.B. Runs in a worker: no DOM.
 */
import type { PrintFonts } from '../../shared/print/font.ts';
import { createModelFont, readFontModel } from '../../shared/print/font-model.ts';
import { layoutScene } from '../../shared/print/layout.ts';
import { renderSvg } from '../../shared/print/render-svg.ts';
import type { Scene } from '../../shared/print/scene.ts';
import type { Design } from './engine-protocol.ts';
import { unitLineMessages, unitLineShown, type Message } from './messages.ts';

export { renderSvg };

/** A print font's model (JSON, as the build writes it: src/build/print/font-model.ts), read. */
function readFont(bytes: ArrayBuffer, which: string) {
  return createModelFont(readFontModel(JSON.parse(new TextDecoder().decode(bytes)), `the ${which} font`));
}

/** The two print fonts, from their models. */
export function loadFonts(bytes: { display: ArrayBuffer; text: ArrayBuffer }): PrintFonts {
  return { display: readFont(bytes.display, 'display'), text: readFont(bytes.text, 'text') };
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

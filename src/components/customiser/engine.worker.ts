/**
 * The customiser's worker: lays out the design, draws the preview's SVG and makes
 * the PDF and SVG files off the page's thread, so that typing never waits for the
 * engine. Started by `print-customiser.ts` as soon as its script runs (a module worker
 * bundled by Vite; same origin, so the site's Content-Security-Policy allows it).
 *
 * The engine's code (`engine.ts`: layout, SVG, QR code) is in this entry's own file:
 * one request (the page's head asks for it early) rather than four small chunks, which
 * on a slow line with six connections cost a round trip each. The page fetches the two
 * print fonts' models and hands them over (`init`); once the engine is ready the worker
 * loads pdf-lib (`render-pdf`, which takes the modules it shares with the engine from
 * this file), so that the first PDF does not wait for it.
 */
import type { PrintFonts } from '../../shared/print/font.ts';
import * as engine from './engine.ts';
import type { Design, EngineRequest, EngineResponse } from './engine-protocol.ts';

/** The worker's global scope, as used here (the project's types are the DOM's, not the webworker lib's). */
interface WorkerScope {
  postMessage(message: EngineResponse, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
/** The print fonts, once the page has handed them over: the engine is ready then. */
let fonts: PrintFonts | undefined;
let pdf: Promise<typeof import('../../shared/print/render-pdf.ts')> | undefined;

const post = (message: EngineResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const loadPdf = () => (pdf ??= import('../../shared/print/render-pdf.ts'));

function init(bytes: { display: ArrayBuffer; text: ArrayBuffer }): void {
  fonts = engine.loadFonts(bytes);
  post({ type: 'ready' });
  // pdf-lib while the page is idle, not at the first click; a failure shows when a PDF is asked for.
  loadPdf().catch(() => (pdf = undefined));
}

function loadedFonts(): PrintFonts {
  if (!fonts) throw new Error('engine not loaded');
  return fonts;
}

async function file(
  id: number,
  design: Design,
  kind: 'pdf' | 'svg' | 'scene',
  request: Extract<EngineRequest, { type: 'file' }>,
): Promise<void> {
  const scene = engine.layout(design, loadedFonts());
  if (kind === 'scene') return post({ type: 'file', id, scene });
  let bytes: Uint8Array;
  if (kind === 'svg') bytes = new TextEncoder().encode(engine.renderSvg(scene, { area: request.svgArea ?? 'bleed' }));
  else {
    if (!request.pdf) throw new Error('PDF options missing');
    bytes = await (await loadPdf()).renderPdf(scene, request.pdf);
  }
  post({ type: 'file', id, bytes }, [bytes.buffer as ArrayBuffer]);
}

scope.addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  if (request.type === 'init') {
    try {
      init(request.fonts);
    } catch (error) {
      post({ type: 'failed', message: String(error) });
    }
    return;
  }
  const { id, design } = request;
  try {
    if (request.type === 'preview') {
      const scene = engine.layout(design, loadedFonts());
      const { svg, shown, phoneShown, messages } = engine.preview(design, scene, request.svg !== false);
      post({ type: 'preview', id, svg, shown, phoneShown, messages });
    } else {
      file(id, design, request.file, request).catch((error: unknown) =>
        post({ type: 'error', id, message: String(error) }),
      );
    }
  } catch (error) {
    post({ type: 'error', id, message: String(error) });
  }
});

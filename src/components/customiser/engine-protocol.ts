/**
 * What the page (`print-customiser.ts`) and the engine's worker (`engine.worker.ts`)
 * say to each other. Plain data only (structured clone); no DOM, no Node.
 */
import type { PrintFinishing } from '../../shared/print/finishing.ts';
import type { QrLink } from '../../shared/print/qr.ts';
import type { PdfOptions } from '../../shared/print/render-pdf.ts';
import type { Scene } from '../../shared/print/scene.ts';
import type { Message } from './messages.ts';

/** One design, as the form and the page's data attributes describe it. */
export interface Design {
  /** The slogan as it is printed (`presentedText`). */
  readonly slogan: string;
  readonly formatId: string;
  readonly schemeId: string;
  /** The heading as the build sets it (`artworkHeading`). */
  readonly heading: string;
  readonly footer: string;
  /** The unit line as typed, cut to its limit (`limitUnitLine`). */
  readonly unitLine: string;
  /** The campaign's hem zones and eyelet marks; the engine's defaults when absent. */
  readonly finishing?: PrintFinishing | undefined;
  /** The QR code's address and printed label (`data-link-url`, `data-link-label`), as the build's files carry them. */
  readonly link?: QrLink | undefined;
  /** The unit's phone line as printed under the code ("Điện thoại: …"), only for a valid number; empty: none. */
  readonly phoneLine?: string | undefined;
}

export type EngineRequest =
  /** The two print fonts' bytes (fetched by the page while the worker starts): load the engine. */
  | { readonly type: 'init'; readonly fonts: { readonly display: ArrayBuffer; readonly text: ArrayBuffer } }
  /**
   * Lay out a design for the preview; `svg: false` when the page has the build's image of it
   * (the first preview, before any change: nothing to draw, only the unit line and messages).
   */
  | { readonly type: 'preview'; readonly id: number; readonly design: Design; readonly svg?: boolean }
  /** Lay out a design and make a file of it, or give its scene (the page draws PNGs on a canvas). */
  | {
      readonly type: 'file';
      readonly id: number;
      readonly design: Design;
      readonly file: 'pdf' | 'svg' | 'scene';
      readonly pdf?: PdfOptions;
      readonly svgArea?: 'bleed' | 'trim';
    };

export type EngineResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly message: string }
  | {
      readonly type: 'preview';
      readonly id: number;
      /** The preview's SVG markup (`renderSvg`), finished size; none when not asked for. */
      readonly svg: string | undefined;
      /** The unit line as set on the design (`unitLineShown`). */
      readonly shown: string | undefined;
      /** The phone line as set under the QR code, or `undefined` when none is printed. */
      readonly phoneShown: string | undefined;
      readonly messages: readonly Message[];
    }
  | { readonly type: 'file'; readonly id: number; readonly bytes?: Uint8Array; readonly scene?: Scene }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

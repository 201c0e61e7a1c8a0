/**
 * QR symbols encoded with uqr (unjs, MIT, no dependencies, pure ESM: encoding, Reed–Solomon
 * and masking; it returns the modules as a boolean matrix, which is all a vector drawing
 * needs), and the links that carry them (`QrLink`, qr.ts).
 *
 * N.B. Shared code (no `node:*`, no DOM), used where links are made: at build time and in
 * tests. The customiser's browser code gets the build's symbol with the link instead, so
 * that it does not download the encoder (about 4 KB gzip).
 */
import { encode } from 'uqr';
import { QR_ERROR_CORRECTION, type QrLink } from './qr.ts';
import type { QrSymbol } from './qr-symbol.ts';

/** Symbols already encoded, by text (kept small). */
const symbols = new Map<string, QrSymbol>();

/** Encode `text` (byte mode, UTF-8) with no border: the quiet zone is drawn by the tile. */
export function encodeQr(text: string): QrSymbol {
  let symbol = symbols.get(text);
  if (!symbol) {
    const { version, size, data } = encode(text, { ecc: QR_ERROR_CORRECTION, border: 0 });
    symbol = { version, size, dark: data };
    if (symbols.size >= 16) symbols.clear();
    symbols.set(text, symbol);
  }
  return symbol;
}

/** The link to `url`, printed as `label`, with its symbol. */
export function qrLink(url: string, label: string): QrLink {
  return { url, label, symbol: encodeQr(url) };
}

/**
 * A QR symbol, and as text: the customiser's page hands the build's symbol to its script
 * in an attribute (`data-link-symbol`), so that the browser needs no QR encoder.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

/** A QR symbol: `size` × `size` modules, `dark[row][column]`. */
export interface QrSymbol {
  readonly version: number;
  readonly size: number;
  readonly dark: readonly (readonly boolean[])[];
}

/** A symbol as text, for a page to hand it to its script: `version:size:` and its modules, row by row, `1` dark. */
export function qrSymbolText(symbol: QrSymbol): string {
  return `${symbol.version}:${symbol.size}:${symbol.dark.map((row) => row.map((dark) => (dark ? '1' : '0')).join('')).join('')}`;
}

/** A symbol from `qrSymbolText`; throws when the text is not one. */
export function readQrSymbol(text: string): QrSymbol {
  const match = /^(\d+):(\d+):([01]+)$/.exec(text);
  const size = Number(match?.[2]);
  if (!match || match[3]!.length !== size * size) throw new Error(`not a QR symbol: "${text.slice(0, 20)}…"`);
  const bits = match[3]!;
  return {
    version: Number(match[1]),
    size,
    dark: Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => bits[r * size + c] === '1')),
  };
}

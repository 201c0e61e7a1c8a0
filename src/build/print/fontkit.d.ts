// fontkit 2 ships no type declarations: the little the Node adapter uses.
declare module 'fontkit' {
  /** Parse a font file (TTF, OTF, WOFF, WOFF2, or a collection). */
  export function create(buffer: Uint8Array, postscriptName?: string): object;
}

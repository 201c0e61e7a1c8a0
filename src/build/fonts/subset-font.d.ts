// subset-font 2.9 has no declarations of its own, and @types/subset-font (2.3) lacks the
// options used here (`noHinting`, `keepFeatures`, README of subset-font 2.9).
declare module 'subset-font' {
  interface SubsetFontOptions {
    /** Output format; the input's by default. */
    targetFormat?: 'sfnt' | 'woff' | 'woff2';
    /** Drop hinting instructions (`hb-subset --no-hinting`). */
    noHinting?: boolean;
    /** OpenType features to keep (`hb-subset --layout-features`); all by default. */
    keepFeatures?: string[];
  }
  /** A subset of the font in `buffer` with the glyphs `text` needs. */
  export default function subsetFont(buffer: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}

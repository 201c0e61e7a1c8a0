/** The part of subset-font (no types of its own) that `customiser-fonts.ts` uses. */
declare module 'subset-font' {
  interface SubsetOptions {
    readonly targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    /** Drop TrueType hinting (hb-subset's NO_HINTING flag). */
    readonly noHinting?: boolean;
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Uint8Array>;
}

/**
 * Public API of the print layout engine: input → `Scene` → renderers.
 * See README.md in this folder for the contract.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 * Node-only adapters (font files, sharp) are in `src/build/print/` and are not exported here.
 */

export {
  BLEED_MM,
  FORMATS,
  PDF_MAX_SIDE_MM,
  findFormat,
  getFormat,
  isPrintFormat,
  printFileName,
  type FormatKind,
  type FormatUnit,
  type PrintFormat,
} from './formats.ts';
export {
  SCHEMES,
  contrastRatio,
  findScheme,
  getScheme,
  relativeLuminance,
  type Cmyk,
  type ColourScheme,
  type SchemeColour,
} from './schemes.ts';
export {
  DEFAULT_OUTPUT_CONDITION,
  OUTPUT_CONDITIONS,
  findOutputCondition,
  getOutputCondition,
  type OutputCondition,
} from './output-conditions.ts';
export { PDFX_CONFORMANCE, PDFX_VERSION } from './pdfx.ts';
export {
  NBSP,
  PROTECTED_COMPOUNDS,
  breakUnits,
  cleanText,
  joinGroups,
  protectCompounds,
  toNfc,
  toUpperVietnamese,
} from './text.ts';
export {
  createLayoutFont,
  type FontBox,
  type FontkitFontLike,
  type LayoutFont,
  type OutlineCommand,
  type PrintFonts,
  type ShapedRun,
} from './font.ts';
export { layoutScene } from './layout.ts';
export type {
  Box,
  LayoutWarning,
  PathCommand,
  Scene,
  SceneInput,
  SceneItem,
  SceneLine,
  TextBlock,
  TextRole,
} from './scene.ts';
export { pathData } from './path.ts';
export { PROPORTIONS, type Orientation } from './proportions.ts';
export { renderSvg, svgArea, type SvgOptions } from './render-svg.ts';
export {
  CROP_MARK_LENGTH_MM,
  CROP_MARK_MARGIN_MM,
  CROP_MARK_OFFSET_MM,
  renderPdf,
  type PdfOptions,
} from './render-pdf.ts';

/**
 * The copy of a built page that the build hands to Pagefind (never written to `dist/`).
 * Inside the indexed region (BaseLayout's `<main data-pagefind-body>`):
 * - `đ` is folded (see `fold.ts` for why and how);
 * - a space is put around every block element: Pagefind 1.6 joins the text of
 *   adjacent blocks such as `<dt>`/`<dd>` without one, which glued words
 *   together ("ban hànhỦy ban", "Lai ChâuNgày ban hành05/10/2020") so they could
 *   not be found. Spaces between blocks change nothing on the page itself.
 *
 * Build-only, but plain string work (no `node:*`, no DOM) so it is unit-tested
 * directly.
 */
import { fold, MARK } from '../../shared/search/fold.ts';

/** Attribute that marks the region Pagefind indexes (set by BaseLayout on `<main>`). */
export const BODY_ATTRIBUTE = 'data-pagefind-body';

/** Comments, raw-text elements (their content is not text to index), tags, text. */
const TOKENS =
  /<!--[\s\S]*?-->|<(script|style|template|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<\/?[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;
const TAG_NAME = /^<\/?([a-zA-Z][^\s/>]*)/;
/** Attributes whose value is text Pagefind reads: metadata it stores, image alt text it indexes. */
const TEXT_ATTRIBUTES = /(\s(?:data-pagefind-meta|alt)\s*=\s*)("[^"]*"|'[^']*')/g;
/** Elements whose boundaries separate words. */
const BLOCKS = new Set(
  'address article aside blockquote caption dd details dialog div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
/** `đ`/`Đ` written as character references. */
const D_STROKE_REFERENCES = /&#(?:273|x111|X111);|&dstrok;|&#(?:272|x110|X110);|&Dstrok;/g;

function foldReferences(html: string): string {
  return html.replace(D_STROKE_REFERENCES, (ref) => (/273|111|&d/.test(ref) ? fold('đ') : fold('Đ')));
}

function foldText(text: string): string {
  return fold(foldReferences(text));
}

function foldAttributes(tag: string): string {
  return tag.replace(TEXT_ATTRIBUTES, (_, name: string, value: string) => name + foldText(value));
}

/** True when the page marks a region for the index: pages without one are left out. */
export function isIndexed(html: string): boolean {
  return new RegExp(`<[a-zA-Z][^>]*\\s${BODY_ATTRIBUTE}[\\s=>]`).test(html);
}

/** Thrown when a page cannot be copied for the index safely; the build stops with it. */
export class IndexCopyError extends Error {
  override name = 'IndexCopyError';
}

/**
 * Returns the page with every text node inside the `data-pagefind-body` element
 * folded and block elements there spaced apart, and the values of
 * `data-pagefind-meta` (the result title) and `alt` attributes folded. Tags,
 * other attributes, scripts, styles and comments are unchanged, and so is
 * everything outside the indexed region.
 */
export function makeIndexCopy(html: string): string {
  if (html.includes(MARK)) {
    throw new IndexCopyError(
      'the page contains U+0369 COMBINING LATIN SMALL LETTER D, which search uses to mark a folded đ; remove it',
    );
  }
  let out = '';
  /** Name of the indexed element while inside it, and how deep in same-named elements. */
  let region: { name: string; depth: number } | undefined;
  let regions = 0;
  for (const [token] of html.matchAll(TOKENS)) {
    if (token.startsWith('<!--') || token === '<') {
      out += token;
      continue;
    }
    if (!token.startsWith('<')) {
      out += region ? foldText(token) : token;
      continue;
    }
    const name = TAG_NAME.exec(token)?.[1]?.toLowerCase();
    const closing = token.startsWith('</');
    // Raw-text elements come whole: only their start tag can carry attributes.
    const isRawText = /^<(script|style|template|textarea|title)\b/i.test(token) && !closing;
    const spaced = region && name !== undefined && BLOCKS.has(name) ? ' ' : '';
    out += spaced + foldAttributes(token.slice(0, isRawText ? token.indexOf('>') + 1 : token.length)) + spaced;
    if (isRawText) out += token.slice(token.indexOf('>') + 1);
    if (!name || isRawText || token.endsWith('/>')) continue;

    if (!region && !closing && isIndexed(`${token.replace(/>$/, ' >')}`)) {
      region = { name, depth: 1 };
      regions++;
    } else if (region && name === region.name) {
      region.depth += closing ? -1 : 1;
      if (region.depth === 0) region = undefined;
    }
  }
  if (regions !== 1) {
    throw new IndexCopyError(
      `expected exactly one element with ${BODY_ATTRIBUTE}, found ${regions}${region ? ' (unclosed)' : ''}`,
    );
  }
  if (region) throw new IndexCopyError(`the ${BODY_ATTRIBUTE} element <${region.name}> is never closed`);
  return out;
}

/**
 * Fills a UI string's `{name}` placeholders: the one filler of the site, used by
 * `t()` at build time and by the components' scripts in the browser. Below it, the one
 * writer of numbers and measures for readers (house rule: "1.189 mm", "0,8 m", "100%").
 *
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: pure, no imports.
 */

/**
 * Values for the placeholders. Numbers are written as `String(n)`: format them first
 * where the reader needs `1.189`.
 */
export type FormatVars = Readonly<Record<string, string | number>>;

/** `format('{count} kết quả', { count: 3 })` → "3 kết quả"; a placeholder without a value stays as it is. */
export function format(template: string, vars: FormatVars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/*
 * Numbers in the site's own text follow the house rule (EDITORIAL.md): a thousands dot and a
 * decimal comma, "1.189 mm", "0,8 m", "100%", one form everywhere. These helpers are the one
 * place that writes a number or a measure for a reader, at build time and in the browser.
 * Written by hand rather than with Intl.NumberFormat('vi-VN'), which gives the same digits
 * (tests/unit/i18n/format.test.ts compares the two): the first Intl formatter of a page loads
 * the locale's data, about 40 ms of the page's thread here and 250 ms with Chromium's CPU
 * slowed 4×, and the search meets its first number on the way to its first results.
 * Never for years, dates or document numbers ("2020", "2174/KH-UBND"): those are names, not amounts.
 */

/** 0.8 → "0,8", 1189 → "1.189", 1.25 → "1,3": an amount as Vietnamese writes it (one decimal at most). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  // Rounded as ICU does: on the shortest decimal that reads back as the number (1998.05, though
  // the double is a little under), half away from zero: 1.25 → "1,3", 1998.05 → "1.998,1".
  const abs = Math.abs(value);
  const [int = '0', fraction = ''] = abs < 1e-6 ? [] : String(abs).split('.');
  let whole = int;
  let tenths = Number(fraction[0] ?? '0') + (Number(fraction[1] ?? '0') >= 5 ? 1 : 0);
  if (tenths === 10) {
    // A fraction means the number is below 2^53, where whole numbers are exact.
    tenths = 0;
    whole = String(Number(int) + 1);
  }
  const sign = value < 0 || Object.is(value, -0) ? '-' : ''; // as Intl: -0.01 → "-0"
  // A dot before every group of three digits from the right (vi groups 4-digit numbers too: "1.189").
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, '.')}${tenths ? `,${tenths}` : ''}`;
}

/** 46687 → "45,6 KB", 1572864 → "1,5 MB", 1000 → "1.000 B" (1 KB = 1024 bytes, as file managers count). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024)} KB`;
  return `${formatNumber(bytes / (1024 * 1024))} MB`;
}

/** (841, 1189, 'mm') → "841 × 1.189 mm"; (1080, 1080, 'px') → "1.080 × 1.080 px". */
export function formatSize(width: number, height: number, unit: string): string {
  return `${formatNumber(width)} × ${formatNumber(height)} ${unit}`;
}

/** One number of a measure, as written in a text, in the house form: "1189" → "1.189", "0.8" → "0,8". */
function houseNumber(written: string): string {
  // Already in the house form: grouped by dots ("1.189") or with a decimal comma ("0,8").
  if (/^\d{1,3}(\.\d{3})+$/.test(written) || /^\d+,\d+$/.test(written)) return written;
  const [whole = '', fraction] = written.split('.');
  return fraction === undefined ? formatNumber(Number(whole)) : `${formatNumber(Number(whole))},${fraction}`;
}

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const UNIT = String.raw`(?:mm|cm|m|px|dpi|KB|MB|B|%)(?![\p{L}\p{N}])`;
// No lookbehind: old Safari (before 16.4) cannot parse it, and this file runs in the browser.
/** A number before a unit or "×", after a start or a character that cannot be part of a date, code or word. */
const BEFORE_UNIT = new RegExp(String.raw`(^|[^\p{L}\p{N}.,/-])(${NUMBER})(?=\s*(?:×|${UNIT}))`, 'gu');
/** A number after "×". */
const AFTER_TIMES = new RegExp(String.raw`(×\s*)(${NUMBER})`, 'gu');

/**
 * The measures of a text in the house form, the rest untouched: "Áp phích A0 (841 × 1189 mm)"
 * → "Áp phích A0 (841 × 1.189 mm)", "in 100 %" → "in 100%", "ngày 25/11/2020" stays.
 * For texts written elsewhere with plain digits (the print formats' names).
 */
export function formatMeasures(text: string): string {
  const house = (_: string, before: string, number: string) => before + houseNumber(number);
  return text
    .replace(BEFORE_UNIT, house)
    .replace(AFTER_TIMES, house)
    .replace(/(\d)\s+%/g, '$1%');
}

/** What a print format looks like to these helpers (`PrintFormat` of src/shared/print, structurally). */
export interface FormatLike {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly unit: string;
}

/** A format's name for readers, its sizes in the house form: "Áp phích A0 (841 × 1.189 mm)". */
export function formatLabel(format: Pick<FormatLike, 'label'>): string {
  return formatMeasures(format.label);
}

/**
 * A format's short name where its kind is already said (a list of links by format): a paper
 * size by its name, "A4"; a banner by its size in metres, "4 × 0,8 m"; an image by its pixels.
 */
export function formatShortLabel(format: FormatLike): string {
  if (format.kind === 'banner' && format.unit === 'mm')
    return formatSize(format.width / 1000, format.height / 1000, 'm');
  if (format.kind === 'poster') return format.id.toUpperCase();
  return formatSize(format.width, format.height, format.unit);
}

/**
 * The rules of line breaking, as data: word groups a line never splits, what a
 * number keeps beside it, and what a last line must hold. `text.ts` joins the
 * groups with no-break spaces before breaking; `line-break.ts` enforces the last
 * line; `lineRuleViolations()` checks set lines against the same data (tests,
 * the manifest's `lines`).
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Entries are lower case, NFC; matching ignores case. Vietnamese writes every
 * syllable as a separate "word", so breaking only at spaces would split "bạo | lực".
 */

/**
 * Word groups a line never splits: two-syllable words, fixed terms and names.
 * Both spellings of the tone mark position ("xóa"/"xoá") are listed where both are in use.
 */
export const KEEP_TOGETHER: readonly string[] = Object.freeze([
  // Terms of the campaign, longest first where one contains another.
  'tháng hành động',
  'xâm hại tình dục',
  'quấy rối tình dục',
  'trên cơ sở giới',
  'bình đẳng giới',
  'cơ sở giới',
  'phòng, chống',
  'không bạo lực',
  'bạo lực',
  'phụ nữ',
  'trẻ em',
  'bình đẳng',
  'xâm hại',
  'tình dục',
  'quấy rối',
  'hành động',
  'hành vi',
  'chấm dứt',
  'vun đắp',
  'yêu thương',
  'cộng đồng',
  'an toàn',
  'quốc tế',
  'quốc gia',
  'xóa bỏ',
  'xoá bỏ',
  'chìa khóa',
  'chìa khoá',
  'phòng ngừa',
  'ứng phó',
  'chủ động',
  'tố cáo',
  'người thân',
  'bảo vệ',
  'bản thân',
  'nạn nhân',
  'tội ác',
  'nghiêm trọng',
  'nghiêm trị',
  'pháp luật',
  'lên tiếng',
  'mọi người',
  'hưởng ứng',
  'đối với',
  'cơ sở',
  'im lặng',
  'không phải',
  'gia đình',
  'giới tính',
  'tổng đài',
  'điện thoại',
  'miễn phí',
  'giúp đỡ',
  'tuyên truyền',
  'trách nhiệm',
  'ủy ban',
  'uỷ ban',
  'nhân dân',
  'lao động',
  'thương binh',
  'xã hội',
  'học sinh',
  'bình yên',
]);

/**
 * The pairs the print-shop review named: a test checks that no set line splits
 * one of them (each is also kept together above, or inside a longer group).
 */
export const NEVER_SPLIT: readonly string[] = Object.freeze([
  'xâm hại',
  'quấy rối',
  'tình dục',
  'phòng, chống',
  'đối với',
  'bình đẳng',
  'hành động',
  'cơ sở',
  'bạo lực',
  'trẻ em',
  'phụ nữ',
  'tháng hành động',
]);

/** Words that introduce a number and stay with it ("năm 2020", "ngày 25/11"). */
export const NUMBER_LEADS: readonly string[] = Object.freeze(['năm', 'ngày', 'tháng', 'số']);

/** Units a number keeps beside it ("16 ngày", "3 mm", "30 %"). */
export const NUMBER_UNITS: readonly string[] = Object.freeze([
  'mm',
  'cm',
  'm',
  'km',
  '%',
  'ngày',
  'tháng',
  'năm',
  'giờ',
  'phút',
  'tuổi',
  'người',
  'lần',
  'nghìn',
  'triệu',
  'tỷ',
  'đồng',
]);

/** Word groups that lean on the next word: never the end of a line ("đối với | phụ nữ"). */
export const BIND_TO_NEXT: readonly string[] = Object.freeze(['đối với']);

/** A date (25/11, 25/11/2020, 2020-11-25): never alone on a line; it stays with the word before it. */
export const DATE_PATTERN = /^\p{N}{1,4}[/.-]\p{N}{1,2}(?:[/.-]\p{N}{1,4})?[\p{P}]*$/u;

/** Fewest words on the last line of a block of more than one line. */
export const LAST_LINE_MIN_WORDS = 2;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

/**
 * The words of `group` with `separator` (a character class body) between them, and nothing
 * around them: `groupPattern` without its word boundaries.
 */
export function groupWords(group: string, separator: string, flags = 'giu'): RegExp {
  return new RegExp(group.normalize('NFC').split(' ').map(escapeRegExp).join(`[${separator}]`), flags);
}

/** A pattern matching `group` with `separator` (a character class body) between its words. */
export function groupPattern(group: string, separator: string, flags = 'giu'): RegExp {
  return new RegExp(NOT_WORD_BEFORE + groupWords(group, separator, flags).source + NOT_WORD_AFTER, flags);
}

/**
 * What is wrong with a block's set lines, by the rules above: a protected group or
 * a number and its unit split across lines, a one-word last line, a date alone.
 * Empty when the lines are fine.
 */
export function lineRuleViolations(lines: readonly string[]): string[] {
  if (lines.length <= 1) return [];
  const problems: string[] = [];
  const text = lines.join('\n');
  for (const group of [...KEEP_TOGETHER, ...NEVER_SPLIT]) {
    for (const match of text.matchAll(groupPattern(group, ' \\n'))) {
      if (match[0].includes('\n')) problems.push(`"${match[0].replace(/\n/g, ' | ')}" split`);
    }
  }
  const units = NUMBER_UNITS.map(escapeRegExp).join('|');
  for (const match of text.matchAll(new RegExp(`\\p{N}+\\n(?:${units})${NOT_WORD_AFTER}`, 'giu'))) {
    problems.push(`number and unit split: "${match[0].replace('\n', ' | ')}"`);
  }
  const last = lines[lines.length - 1] ?? '';
  if (last.split(' ').filter(Boolean).length < LAST_LINE_MIN_WORDS) problems.push(`one-word last line "${last}"`);
  for (const line of lines) if (DATE_PATTERN.test(line.trim())) problems.push(`date alone: "${line}"`);
  return [...new Set(problems)];
}

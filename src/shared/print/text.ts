/**
 * Text preparation before layout: Unicode normalisation, cleaning of pasted text,
 * and the words a line may never be broken inside.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

/** No-break space: joins the syllables of a protected compound. */
export const NBSP = '\u00a0';

/**
 * Two-syllable words (a few three-syllable terms, and fixed pairs) that a line may never be broken inside,
 * lower case, NFC. Vietnamese writes every syllable as a separate "word", so breaking
 * only at spaces would still split "bạo | lực". Matching ignores case; both spellings
 * of the tone mark position ("xóa"/"xoá") are listed where both are in use.
 */
export const PROTECTED_COMPOUNDS: readonly string[] = Object.freeze([
  'bình đẳng giới',
  'cơ sở giới',
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

/** Words a number should stay with ("năm 2020", "ngày 25/11"). */
const NUMBER_LEADS = ['năm', 'ngày', 'tháng', 'số'];

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per compound; the syllables may already be joined by a no-break space. */
const COMPOUND_PATTERNS: readonly RegExp[] = PROTECTED_COMPOUNDS.map(
  (compound) =>
    new RegExp(
      NOT_WORD_BEFORE + compound.normalize('NFC').split(' ').map(escapeRegExp).join(`[ ${NBSP}]`) + NOT_WORD_AFTER,
      'giu',
    ),
);

const NUMBER_PATTERN = new RegExp(`${NOT_WORD_BEFORE}(${NUMBER_LEADS.join('|')}) (?=\\p{N})`, 'giu');

/** A space before a token made only of punctuation (" –", " !"): never break there. */
const LONE_PUNCTUATION_PATTERN = / (?=[\p{P}\p{S}]+(?: |$))/gu;

/** Normalise to NFC: NFD input (base letter + combining marks) draws broken and measures wrong. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Clean text typed or pasted by a user: NFC, every run of whitespace or control
 * characters (pasted line breaks, tabs, no-break spaces) becomes one space,
 * invisible format characters (soft hyphen, zero-width spaces, BOM, bidi marks)
 * are removed, and the ends are trimmed. An all-blank input gives "".
 */
export function cleanText(text: string): string {
  return toNfc(text)
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Upper-case Vietnamese text and keep it NFC ("đ" → "Đ", "ạ" → "Ạ"). */
export function toUpperVietnamese(text: string): string {
  return toNfc(text.toUpperCase());
}

/**
 * Join the syllables of every protected compound, and a number to the word that
 * introduces it, with no-break spaces. Input should be cleaned first.
 */
export function protectCompounds(text: string): string {
  let result = text;
  for (const pattern of COMPOUND_PATTERNS) {
    result = result.replace(pattern, (match) => match.replace(/ /g, NBSP));
  }
  return result.replace(NUMBER_PATTERN, (match) => match.replace(/ $/, NBSP)).replace(LONE_PUNCTUATION_PATTERN, NBSP);
}

/**
 * Split cleaned text into the units a line may be broken between: each unit is a
 * list of words that must stay on one line.
 * `"Chấm dứt bạo lực, vun đắp"` → `[["Chấm","dứt"],["bạo","lực,"],["vun","đắp"]]`.
 */
export function breakUnits(text: string): string[][] {
  return protectCompounds(cleanText(text))
    .split(' ')
    .filter((unit) => unit.length > 0)
    .map((unit) => unit.split(NBSP).filter((word) => word.length > 0));
}

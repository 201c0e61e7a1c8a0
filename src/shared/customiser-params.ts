/**
 * The customiser's (/tao-mau/) form fields, whose names are also its URL
 * parameters: a link such as `tao-mau/?khau-hieu=<slogan id>` opens it with that
 * slogan chosen. Used by the form (PrintCustomiser.astro), its script
 * (print-customiser.ts) and the pages that link to it.
 *
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

/** The customiser's path, for `href()`. */
export const CUSTOMISER_PATH = 'tao-mau/';

/** Name of each field, in the form and in the address. */
export const CUSTOMISER_PARAMS = {
  /** A slogan's id (`content/slogans.yaml`). */
  slogan: 'khau-hieu',
  /** A print format's id (`src/shared/print/formats.ts`). */
  format: 'kho',
  /** A colour scheme's id (`src/shared/print/schemes.ts`). */
  scheme: 'mau',
  /** The unit line (the form only: never put in a link). */
  unit: 'don-vi',
  /** The unit's own phone line, checked by `checkVietnamesePhone()` (src/shared/phone.ts; the form only: never put in a link). */
  phone: 'dien-thoai',
  /** Crop marks on the PDF: present, with `CROP_MARKS_ON`, or absent. */
  cropMarks: 'dau-cat',
} as const;

/** The crop-marks checkbox's value. */
export const CROP_MARKS_ON = 'co';

/** The fields a link may choose in advance. */
const PRESET_FIELDS = ['slogan', 'format', 'scheme'] as const;

/** What a link chooses in advance: ids of a slogan, a format, a colour scheme. */
export type CustomiserPreset = Partial<Record<(typeof PRESET_FIELDS)[number], string>>;

/** Path of the customiser with `preset` chosen, for `href()`: `{ slogan: 'x' }` → `tao-mau/?khau-hieu=x`. */
export function customiserPath(preset: CustomiserPreset = {}): string {
  const query = new URLSearchParams();
  for (const field of PRESET_FIELDS) {
    const value = preset[field];
    if (value) query.set(CUSTOMISER_PARAMS[field], value);
  }
  const search = query.toString();
  return search ? `${CUSTOMISER_PATH}?${search}` : CUSTOMISER_PATH;
}

/** The preset a customiser address asks for (`location.search`); the form checks each value against its choices. */
export function readCustomiserPreset(search: string): CustomiserPreset {
  const query = new URLSearchParams(search);
  const preset: CustomiserPreset = {};
  for (const field of PRESET_FIELDS) {
    const value = query.get(CUSTOMISER_PARAMS[field]);
    if (value) preset[field] = value;
  }
  return preset;
}

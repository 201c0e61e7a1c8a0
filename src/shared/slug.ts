/**
 * Vietnamese text → URL slug.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * `đ`/`Đ` have no Unicode decomposition, so stripping combining marks after NFD
 * leaves them untouched: they are mapped to `d` explicitly, otherwise
 * "vun đắp" would become "vun-ap" or keep a non-ASCII letter.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** "Chấm dứt bạo lực, vun đắp yêu thương." → "cham-dut-bao-luc-vun-dap-yeu-thuong" */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug as used in content ids and URLs: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

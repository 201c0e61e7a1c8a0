/**
 * Fills a UI string's `{name}` placeholders: the one filler of the site, used by
 * `t()` at build time and by the components' scripts in the browser.
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

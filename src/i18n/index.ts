/**
 * UI strings. Keys are English and dotted; values are Vietnamese.
 * `t('quickExit.label')`, or with placeholders `t('x.y', { count: 3 })` for "{count}".
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE.
 */
import strings from './vi.json';

export type UiKey = keyof typeof strings;

export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

const dateFormat = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

/** "2020-11-15" → "15/11/2020", the way the plan writes dates. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

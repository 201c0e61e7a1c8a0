/**
 * UI strings. Keys are English and dotted; values are Vietnamese.
 * `t('quickExit.label')`, or with placeholders `t('x.y', { count: 3 })` for "{count}".
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE (browser scripts import
 * `./format` and `./read-strings` instead: this file brings every string along).
 */
import { format, type FormatVars } from './format.ts';
import strings from './vi.json' with { type: 'json' };

export { formatBytes, formatLabel, formatMeasures, formatNumber, formatShortLabel, formatSize } from './format.ts';

export type UiKey = keyof typeof strings;

export function t(key: UiKey, vars: FormatVars = {}): string {
  return format(strings[key], vars);
}

/**
 * The `data-strings` attribute of a component whose script shows `keys`: a JSON
 * object of their templates (placeholders unfilled), by key. The script reads it
 * with `readStrings` (src/i18n/read-strings.ts).
 */
export function dataStrings(keys: readonly UiKey[]): string {
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, strings[key]])));
}

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2020-11-15" → "15/11/2020", "2020-09-23" → "23/9/2020": the way the plan writes dates. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * When a milestone falls: "Trước ngày 20/12/2020" for a deadline; "15/11/2020" for
 * a date, or "Ngày 15/11/2020" with `label` (where the date stands alone as a heading).
 */
export function formatMilestoneDate(
  milestone: { date: string; relation: 'on' | 'before' },
  { label = false }: { label?: boolean } = {},
): string {
  const date = formatDate(milestone.date);
  if (milestone.relation === 'before') return `${t('date.before')} ${date}`;
  return label ? `${t('date.on')} ${date}` : date;
}

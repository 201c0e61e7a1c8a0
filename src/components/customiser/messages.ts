/**
 * What the customiser tells people about the unit line they typed: one message
 * per problem, worded in `src/i18n/vi.json` (`customiser.msg.*`).
 *
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE (the browser and the unit
 * tests): no `node:*`, no DOM.
 */
import type { UiKey } from '../../i18n/index.ts';
import type { FormatVars } from '../../i18n/format.ts';
import type { Scene } from '../../shared/print/scene.ts';
import { cleanText } from '../../shared/print/text.ts';

export type MessageLevel = 'info' | 'warning' | 'error';

export interface Message {
  /** `error`: the file will be wrong (missing characters); `warning`: shortened; `info`: handled. */
  readonly level: MessageLevel;
  readonly key: UiKey;
  readonly vars?: FormatVars;
}

/** Longest unit line accepted (the field's `maxlength`): enough for any unit's name, and the layout stays fast. */
export const UNIT_LINE_MAX_LENGTH = 200;

/**
 * The unit line cut to `UNIT_LINE_MAX_LENGTH` characters. The field's `maxlength` stops typing
 * past it, but not a value set by a script or an extension: the layout never sees more than this.
 */
export const limitUnitLine = (raw: string): string => Array.from(raw).slice(0, UNIT_LINE_MAX_LENGTH).join('');

const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
const MARKUP = /[<>&]/;

/** `“😀” (U+1F600), “中” (U+4E2D)`: each character shown and named by its code point. */
export function describeChars(chars: readonly string[]): string {
  return chars
    .map((char) => `“${char}” (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
    .join(', ');
}

/**
 * Messages for the unit line as typed (`raw`) and as laid out in `scene`.
 * Never throws; an empty list means there is nothing to say.
 */
export function unitLineMessages(raw: string, scene: Scene): Message[] {
  const cleaned = cleanText(raw);
  if (raw === '') return [{ level: 'info', key: 'customiser.msg.empty' }];
  if (cleaned === '') return [{ level: 'info', key: 'customiser.msg.blank' }];

  const messages: Message[] = [];
  for (const warning of scene.warnings) {
    if (warning.code === 'missing-glyphs') {
      // Only what the person typed: the slogan, heading and footer come from the content.
      const chars = warning.chars.filter((char) => cleaned.includes(char));
      if (chars.length) {
        messages.push({
          level: 'error',
          key: 'customiser.msg.missing',
          vars: { count: chars.length, chars: describeChars(chars) },
        });
      }
    } else if (warning.code === 'unit-line-too-long') {
      messages.push({ level: 'warning', key: 'customiser.msg.tooLong', vars: { shown: warning.shown } });
    }
  }
  if (LINE_BREAK.test(raw.trim())) messages.push({ level: 'info', key: 'customiser.msg.lineBreaks' });
  if (raw !== raw.normalize('NFC')) messages.push({ level: 'info', key: 'customiser.msg.nfd' });
  if (MARKUP.test(raw)) messages.push({ level: 'info', key: 'customiser.msg.markup' });
  return messages;
}

/** The unit line as set on the design (what will be printed), or `undefined` if none. */
export function unitLineShown(scene: Scene): string | undefined {
  const block = scene.blocks.find((b) => b.role === 'unit');
  return block ? block.lines.map((line) => line.text).join(' ') : undefined;
}

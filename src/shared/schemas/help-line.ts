import { z } from 'astro/zod';
import { order, slug, source, vietnameseText } from './vietnamese-text.ts';

/** A telephone line people can call for help (help page, footers of posters). */
export const helpLineSchema = z.object({
  id: slug(),
  order: order(),
  /** The number as dialled, digits and spaces only ("1900 969 680"). */
  number: z.string().regex(/^\d[\d ]*\d$/, 'must be digits, optionally grouped by single spaces'),
  /** Who answers. */
  name: vietnameseText(),
  /** The call button's few words in the help strip and on the card ("Đang gặp nguy hiểm"). */
  label: vietnameseText(),
  /** Who it is for. */
  audience: vietnameseText(),
  /** When to call. */
  when: vietnameseText(),
  /** Who runs it, where a source says so. */
  operator: vietnameseText().optional(),
  /** Opening hours, only where a source states them. */
  hours: vietnameseText().optional(),
  /**
   * Whether calling is free of charge: `true` only where a source says so;
   * `unknown` where no source states the cost: no cost line is shown at all
   * (never present such a line as free, never cast doubt on an emergency call).
   */
  free: z.union([z.literal(true), z.literal('unknown')]),
  /** A caveat shown with the number. */
  caveat: vietnameseText().optional(),
  /** Whether its call button is in the help strip under the header of every page. */
  strip: z.boolean().default(false),
  sources: z.array(source()).min(1, 'every help line needs at least one source'),
});

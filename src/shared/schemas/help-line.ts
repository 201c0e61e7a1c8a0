import { z } from 'astro/zod';
import { order, slug, source, vietnameseText } from './vietnamese-text';

/** A telephone line people can call for help (help page, footers of posters). */
export const helpLineSchema = z.object({
  id: slug(),
  order: order(),
  /** The number as dialled, digits and spaces only ("1900 969 680"). */
  number: z.string().regex(/^\d[\d ]*\d$/, 'must be digits, optionally grouped by single spaces'),
  /** Who answers. */
  name: vietnameseText(),
  /** What it is for. */
  purpose: vietnameseText(),
  /** Opening hours, only where a source states them. */
  hours: vietnameseText().optional(),
  /**
   * Whether calling is free of charge: `true` only where a source says so;
   * `unknown` where no source states the cost (never present such a line as free).
   */
  free: z.union([z.literal(true), z.literal('unknown')]),
  /** A caveat shown with the number. */
  caveat: vietnameseText().optional(),
  sources: z.array(source()).min(1, 'every help line needs at least one source'),
});

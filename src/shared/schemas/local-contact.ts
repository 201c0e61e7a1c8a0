import { z } from 'astro/zod';
import { isoDate, order, slug, vietnameseText } from './vietnamese-text.ts';

/**
 * A local contact organisers add for their place (content/local-contacts.yaml): shown on
 * /tro-giup/ when the file has entries. Only real, checked contacts, each with its source.
 */
export const localContactSchema = z.object({
  id: slug(),
  order: order(),
  /** Who: a person's office or a body ("Công an xã …"). */
  name: vietnameseText(),
  /** What they do for someone who needs help. */
  role: vietnameseText(),
  /** The number as dialled, digits and spaces only. */
  phone: z.string().regex(/^\d[\d ]*\d$/, 'must be digits, optionally grouped by single spaces'),
  /** Where to find them. */
  address: vietnameseText(),
  /** Where the contact was found (a notice, a letter, a phone call to the office). */
  source: vietnameseText(),
  /** The day someone last checked it, YYYY-MM-DD. */
  checked: isoDate(),
});

/**
 * Shared field schemas for every collection.
 *
 * Every string that reaches a page is stored NFC-normalised: text pasted from
 * old documents often arrives decomposed (NFD), which breaks search indexing
 * and draws detached marks.
 */
import { z } from 'astro/zod';
import { SLUG_PATTERN } from '../slug.ts';

/** Non-empty Vietnamese text, trimmed, whitespace collapsed, NFC-normalised. */
export const vietnameseText = () =>
  z
    .string()
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'must not be empty'));

/** A URL slug: lowercase ASCII letters and digits joined by hyphens (no diacritics, `đ` written `d`). */
export const slug = () =>
  z.string().regex(SLUG_PATTERN, 'must be a slug: lowercase a-z, 0-9 and single hyphens (đ → d)');

/** A 1-based display order. */
export const order = () => z.number().int().positive();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date written `YYYY-MM-DD` (YAML may hand it over as a Date at UTC midnight).
 * Output is the same `YYYY-MM-DD` string, so no time zone can shift it.
 */
export const isoDate = () =>
  z.union([z.string(), z.date()]).transform((value, ctx) => {
    const text =
      value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value.trim();
    const m = ISO_DATE.exec(text);
    const real = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
    if (!m || !real || real.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a real date written YYYY-MM-DD (got ${JSON.stringify(String(value))})`,
      });
      return z.NEVER;
    }
    return text;
  });

/** Where a fact beyond the plan comes from (see shared FACTS.md). */
export const source = () =>
  z.object({
    /** Publisher or document, as FACTS.md names it. */
    title: vietnameseText(),
    /** What the source says, quoted, or where in it. */
    detail: vietnameseText().optional(),
  });

/** A recorded fix of an obvious typo in the signed plan, shown beside the text. */
export const correction = () =>
  z.object({
    /** The words exactly as the signed plan prints them. */
    original: vietnameseText(),
    /** The words as this site shows them. */
    corrected: vietnameseText(),
    /** Why, in Vietnamese, shown to readers. */
    note: vietnameseText(),
  });

export type Correction = z.output<ReturnType<typeof correction>>;

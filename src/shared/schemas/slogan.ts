import { z } from 'astro/zod';
import { correction, order, slug, vietnameseText } from './vietnamese-text.ts';

/**
 * Longest slogan accepted, in characters: the plan's longest is 94 ("Hưởng ứng Tháng hành động
 * vì bình đẳng giới…"); past about 150 the text on an A4 poster or a banner gets too small to
 * read from a distance, so a longer one is a mistake in the content, not a design.
 */
export const SLOGAN_MAX_LENGTH = 150;

/** One of the plan's slogans (II.3 "Thông điệp (khẩu hiệu) tuyên truyền"). */
export const sloganSchema = z.object({
  /** URL slug: `/khau-hieu/<id>/`, and the base of print file names. */
  id: slug(),
  /** Position in the plan's list, from 1. */
  order: order(),
  /** The slogan as shown: the plan's words, with recorded typo fixes applied. */
  text: vietnameseText().pipe(
    z
      .string()
      .max(SLOGAN_MAX_LENGTH, `must be at most ${SLOGAN_MAX_LENGTH} characters (the longest in the plan has 94)`),
  ),
  /** Typo fixes applied to `text`; each is shown beside the slogan. */
  corrections: z.array(correction()).default([]),
});

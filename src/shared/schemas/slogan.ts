import { z } from 'astro/zod';
import { correction, order, slug, vietnameseText } from './vietnamese-text';

/** One of the plan's slogans (II.3 "Thông điệp (khẩu hiệu) tuyên truyền"). */
export const sloganSchema = z.object({
  /** URL slug: `/khau-hieu/<id>/`, and the base of print file names. */
  id: slug(),
  /** Position in the plan's list, from 1. */
  order: order(),
  /** The slogan as shown: the plan's words, with recorded typo fixes applied. */
  text: vietnameseText(),
  /** Typo fixes applied to `text`; each is shown beside the slogan. */
  corrections: z.array(correction()).default([]),
});

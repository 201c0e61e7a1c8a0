import { z } from 'astro/zod';
import { source, vietnameseText } from './vietnamese-text.ts';

/** Front matter of a prose page in `content/pages/` (Markdown, or MDX). */
export const pageSchema = z.object({
  /** The page's `h1` and `<title>`. */
  title: vietnameseText(),
  /** One sentence for search engines and link previews. */
  description: vietnameseText(),
  /** Sources for any fact stated beyond the plan. */
  sources: z.array(source()).default([]),
});

import { z } from 'astro/zod';
import { order, slug, vietnameseText } from './vietnamese-text.ts';

/**
 * Words that show a call for help in a search (content/help-search.yaml): a query
 * holding one of them shows the call buttons above any results, and the help page
 * is found by them. Compared with the query folded (no tone marks, `đ` as `d`,
 * lower case, whole words), so each term is written once, with its marks.
 */
export const helpSearchSchema = z.object({
  id: slug(),
  order: order(),
  /** What the group of words is about (for editors; not shown). */
  about: vietnameseText(),
  terms: z.array(vietnameseText()).min(1, 'a group needs at least one term'),
});

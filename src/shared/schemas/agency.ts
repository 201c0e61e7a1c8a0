import { z } from 'astro/zod';
import { correction, order, slug, vietnameseText } from './vietnamese-text.ts';

/** One task the plan gives an agency. */
export const taskSchema = z.object({
  /** The task as the plan words it, with recorded typo fixes applied. */
  text: vietnameseText(),
  /** Ids of other agencies the task names as partners (for links). */
  partners: z.array(slug()).default([]),
  /** The partners in the plan's own words, verbatim: what the page shows. */
  partnersText: vietnameseText().optional(),
  corrections: z.array(correction()).default([]),
});

/** An agency (or group of bodies) with its tasks (III.1–III.10 "Tổ chức thực hiện"). */
export const agencySchema = z.object({
  /** URL slug: `/trach-nhiem/<id>/`. */
  id: slug(),
  /** Position in section III, from 1. */
  order: order(),
  /** The plan's section number ("III.3"). */
  section: z.string().regex(/^III\.\d+$/, 'must look like "III.<n>"'),
  /** The agency's name as the plan writes it (without "Đề nghị"). */
  name: vietnameseText(),
  /**
   * True where the plan writes "Đề nghị …": the district asks bodies it does not
   * direct (mass organisations) rather than instructing them.
   */
  requested: z.boolean(),
  /** The tasks, in the plan's order. */
  tasks: z.array(taskSchema).min(1),
});

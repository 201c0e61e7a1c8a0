import { z } from 'astro/zod';
import { correction, order, slug, vietnameseText } from './vietnamese-text.ts';

/** One focal activity of the plan (II.4 "Các hoạt động trọng tâm"). */
export const activitySchema = z.object({
  /** Anchor slug on the activities page. */
  id: slug(),
  /** Position in the plan's list, from 1. */
  order: order(),
  /** A short title written for this site (not from the plan). */
  title: vietnameseText(),
  /** The activity as the plan words it, with recorded typo fixes applied. */
  text: vietnameseText(),
  /** Id of a milestone the activity carries (e.g. the summary deadline). */
  milestone: slug().optional(),
  corrections: z.array(correction()).default([]),
});

import { z } from 'astro/zod';
import { isoDate, order, slug, source, vietnameseText } from './vietnamese-text.ts';

/** A dated point of the campaign (the timeline page and the `.ics` calendar). */
export const milestoneSchema = z.object({
  id: slug(),
  order: order(),
  /** The date of the event, or the deadline. */
  date: isoDate(),
  /** `on` the date, or `before` it (a deadline: "trước ngày …"). */
  relation: z.enum(['on', 'before']),
  /** Short title written for this site. */
  title: vietnameseText(),
  /** The plan's words for it, verbatim. */
  quote: vietnameseText(),
  /** Where in the plan ("II.2", "III.11"). */
  section: vietnameseText(),
  /** Ids of the agencies this milestone concerns (each listed by id). */
  agencies: z.array(slug()).default([]),
  /** Id of the agency that receives what is due (reports go to the district through it). */
  receivedBy: slug().optional(),
  /** Sources for facts beyond the plan (FACTS.md). */
  sources: z.array(source()).default([]),
});

import { z } from 'astro/zod';
import { order, slug, vietnameseText } from './vietnamese-text.ts';

/** A kind of place to go in person, as the plan names it, with what the plan says it does. */
export const helpPlaceSchema = z.object({
  id: slug(),
  order: order(),
  /** The kind of place, as the plan names it ("Công an huyện"). */
  name: vietnameseText(),
  /** What the plan says it does: the plan's words, verbatim (the fidelity test checks them). */
  quote: vietnameseText(),
  /** Where in the plan ("III.5", "II.4"). */
  section: z.string().regex(/^[IV]+\.\d+$/, 'must look like "III.5"'),
  /** The agency page to link, where there is one (an id of agencies.yaml). */
  agency: slug().optional(),
});

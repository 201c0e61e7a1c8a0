import { z } from 'astro/zod';
import { isoDate, order, slug, source, vietnameseText } from './vietnamese-text.ts';

/** A legal or planning document behind the campaign (the legal basis page). */
export const legalDocumentSchema = z.object({
  id: slug(),
  order: order(),
  /** Kind of document, in Vietnamese as it is cited ("Luật", "Quyết định", "Kế hoạch", "Công văn"). */
  kind: vietnameseText(),
  /** Its number ("73/2006/QH11"). */
  number: vietnameseText(),
  /** Date of signature or passing. */
  date: isoDate(),
  /** Who issued it ("Quốc hội", "Thủ tướng Chính phủ"). */
  issuer: vietnameseText(),
  /** Its title or subject. */
  title: vietnameseText(),
  /**
   * True where no source confirms the exact title: `title` then says what the
   * document is, and is shown as a description, never as a quoted title.
   */
  describedOnly: z.boolean().default(false),
  /** True only for documents the plan itself cites as its basis. */
  citedByPlan: z.boolean(),
  /** Date it came into force, where a source confirms it. */
  inForce: isoDate().optional(),
  /** Id of the document that replaced it, and from when. */
  replacedBy: z.object({ id: slug(), from: isoDate() }).optional(),
  /** A caveat shown with it (e.g. no public copy found). */
  caveat: vietnameseText().optional(),
  /** Where each stated fact comes from (FACTS.md). At least one. */
  sources: z.array(source()).min(1, 'every legal document needs at least one source'),
});

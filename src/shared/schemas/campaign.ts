import { z } from 'astro/zod';
import { isoDate, slug, source, vietnameseText } from './vietnamese-text';

/** The plan itself: who issued it, for what, when, and its framing sections (I, II.1–2, closing). */
export const campaignSchema = z.object({
  /** Entry id, a slug. */
  id: slug(),
  /** The plan's heading, verbatim ("Kế hoạch triển khai Tháng hành động …"). */
  title: vietnameseText(),
  /** The campaign's full name, as the plan writes it. */
  actionMonth: vietnameseText(),
  /** Issuing body, full name ("Ủy ban nhân dân huyện Tam Đường"). */
  issuer: vietnameseText(),
  /** Issuing body, short form used in the plan ("UBND huyện Tam Đường"). */
  issuerShort: vietnameseText(),
  /** District and province. */
  district: vietnameseText(),
  province: vietnameseText(),
  /** The campaign year. */
  year: z.number().int().min(2000).max(2100),
  /** II.1, the theme, without quotation marks. */
  theme: vietnameseText(),
  /** II.2, the period: both dates included. */
  period: z
    .object({ start: isoDate(), end: isoDate(), text: vietnameseText() })
    .refine((p) => p.start <= p.end, { message: 'start must not be after end', path: ['end'] }),
  /** The opening paragraph ("Căn cứ …"), verbatim. */
  preamble: vietnameseText(),
  /** I.1, the purposes, one item each, verbatim. */
  purposes: z.array(vietnameseText()).min(1),
  /** I.2, the requirement, verbatim. */
  requirement: vietnameseText(),
  /** The closing paragraph, verbatim. */
  closing: vietnameseText(),
  /** The signature block. */
  signer: z.object({
    onBehalf: vietnameseText(),
    capacity: vietnameseText(),
    title: vietnameseText(),
    name: vietnameseText(),
  }),
  /** "Nơi nhận": the recipients, verbatim, in order. */
  recipients: z.array(vietnameseText()).min(1),
  /** Sources for facts stated beyond the plan (theme history, colour). */
  sources: z.array(source()).default([]),
});

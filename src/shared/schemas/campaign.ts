import { z } from 'astro/zod';
import { DEFAULT_FINISHING } from '../print/finishing.ts';
import { FORMATS } from '../print/formats.ts';
import { isoDate, slug, source, vietnameseText } from './vietnamese-text.ts';

const millimetres = () => z.number().nonnegative().max(500);

/**
 * Hem zones and eyelet marks of the print files (`src/shared/print/finishing.ts`): the
 * defaults there when left out. Only the background prints in a hem zone, besides the
 * eyelet marks of a banner's eyelet variant, which must lie inside it.
 */
export const printFinishingSchema = z
  .object({
    /** Hem zone by kind of format, mm on every edge of the trim. */
    hem: z.strictObject({ poster: millimetres(), banner: millimetres() }),
    /** A format's own hem zone, by format id (`bang-ron-3x1: 50`), mm. */
    formatHem: z
      .record(z.string(), millimetres())
      .default({})
      .refine((hems) => Object.keys(hems).every((id) => FORMATS.some((f) => f.id === id && f.unit === 'mm')), {
        message: `keys must be ids of print formats: ${FORMATS.filter((f) => f.unit === 'mm')
          .map((f) => f.id)
          .join(', ')}`,
      }),
    /** Eyelet marks of the banners' eyelet variant: largest spacing, centre's distance from the edge, diameter (mm). */
    eyelets: z.strictObject({
      spacing: z.number().min(100).max(2000),
      inset: z.number().positive().max(200),
      diameter: z.number().positive().max(50),
    }),
  })
  .refine(
    (f) =>
      f.eyelets.inset - f.eyelets.diameter / 2 >= 0 &&
      FORMATS.filter((format) => format.kind === 'banner').every(
        (format) => f.eyelets.inset + f.eyelets.diameter / 2 <= (f.formatHem[format.id] ?? f.hem.banner),
      ),
    { message: "eyelet marks must lie inside every banner's hem zone (inset ± diameter / 2)", path: ['eyelets'] },
  );

/** The fixed facts written into every published file, so a rebuild gives the same bytes. */
export const publishingSchema = z.object({
  /**
   * The one date every published file carries: each PDF's CreationDate and ModDate
   * (00:00 UTC) and each ZIP entry's timestamp (00:00). Never the build's date, so
   * rebuilds stay byte-identical. Usually the campaign's first day.
   */
  fileDate: isoDate(),
  /** The PDFs' Creator field (the tool that made them), in Vietnamese. */
  fileCreator: vietnameseText(),
  /** Name of the calendar file, without `.ics`: `/lich-trinh/<calendarFile>.ics`. */
  calendarFile: slug(),
  /** The calendar's PRODID: `-//<owner>//<product>//<language>` (RFC 5545), ASCII. */
  calendarProductId: z
    .string()
    .regex(
      /^-\/\/[\x20-\x2e\x30-\x7e]+\/\/[\x20-\x2e\x30-\x7e]+\/\/[A-Z]{2}$/,
      'must look like "-//owner//product//VI", in ASCII',
    ),
  /** Hem zones and eyelet marks of the posters and banners; `DEFAULT_FINISHING` when left out. */
  finishing: printFinishingSchema.default(DEFAULT_FINISHING),
});

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
  /** The district, without "huyện" ("Tam Đường"): UI strings write "huyện {district}". */
  district: vietnameseText(),
  /** The province, without "tỉnh" ("Lai Châu"): UI strings write "tỉnh {province}". */
  province: vietnameseText(),
  /** The campaign year: UI strings write "năm {year}". */
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
  /**
   * The signed plan's text, relative to the content folder (`source/….txt`): the
   * reference the fidelity tests compare every quote against. The loader checks it exists.
   */
  planText: z
    .string()
    .regex(/^source\/[a-z0-9.-]+\.txt$/, 'must be a .txt file under source/, named in lowercase ASCII'),
  /** What the published files (print files, ZIP bundles, calendar) carry besides the content. */
  publishing: publishingSchema,
});

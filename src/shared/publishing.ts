/**
 * The campaign's `publishing` group (content/campaign.yaml) in the shapes the
 * writers of published files take, so each is wired in one line, for example
 * `{ date: pdfDate(campaign.publishing), creator: campaign.publishing.fileCreator }`
 * for a PDF, `zipDate(campaign.publishing)` for the ZIP entries' timestamp.
 */
import type { z } from 'astro/zod';
import type { publishingSchema } from './schemas/campaign.ts';

export type Publishing = z.output<typeof publishingSchema>;

/** The fixed date of every PDF (CreationDate and ModDate): `fileDate` at 00:00 UTC. */
export function pdfDate(publishing: Pick<Publishing, 'fileDate'>): Date {
  return new Date(`${publishing.fileDate}T00:00:00Z`);
}

/** The fixed timestamp of every ZIP entry: `fileDate` at 00:00:00, as the ZIP writer's date fields. */
export function zipDate(publishing: Pick<Publishing, 'fileDate'>) {
  const [year, month, day] = publishing.fileDate.split('-').map(Number) as [number, number, number];
  return { year, month, day, hours: 0, minutes: 0, seconds: 0 } as const;
}

/** The calendar file's site path below the base: `lich-trinh/<calendarFile>.ics`. */
export function calendarPath(publishing: Pick<Publishing, 'calendarFile'>): string {
  return `lich-trinh/${publishing.calendarFile}.ics`;
}

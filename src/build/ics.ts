/**
 * iCalendar (RFC 5545) file of the campaign's milestones.
 * Deterministic: the same content gives the same bytes (no "now" in it).
 */

export interface CalendarEvent {
  /** Stable id, unique within the calendar. */
  id: string;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day included, `YYYY-MM-DD` (defaults to `start`). */
  end?: string;
  summary: string;
  description?: string;
  url?: string;
}

export interface Calendar {
  /** Calendar name shown by calendar apps. */
  name: string;
  /** PRODID, `-//owner//product//VI` (the campaign's `publishing.calendarProductId`). */
  productId: string;
  /** Domain used in event UIDs (`<id>@<domain>`). */
  domain: string;
  /** DTSTAMP of every event, `YYYY-MM-DD` (kept fixed for reproducible output). */
  stamp: string;
  events: CalendarEvent[];
}

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line to at most 75 octets (UTF-8), never splitting a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (iso: string) => iso.replace(/-/g, '');

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function buildCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@${calendar.domain}`,
      `DTSTAMP:${compact(calendar.stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${compact(event.start)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(event.end ?? event.start))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/**
 * The checks of the content loader (`load.ts`), on data it has already parsed:
 * each entry against its zod schema (`src/shared/schemas/`), unique ids and
 * orders, references between collections, the plan's text file and the prose
 * pages' front matter. Every problem names the file, the entry and the field,
 * in English; `ContentError` lists them all at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { dataSchemas, optionalCollections, pageSchema, type DataCollection } from '../../shared/schemas/index.ts';

export class ContentError extends Error {
  override name = 'ContentError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `Content check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`,
    );
    this.problems = problems;
  }
}

export type CheckedContent = { [K in DataCollection]: z.output<(typeof dataSchemas)[K]>[] };

/** A readable path for an issue: `tasks[2].partners[0]`. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

/**
 * Validates the parsed YAML of one data file (`shown` is its path as messages name it):
 * a non-empty list whose entries match the collection's schema, with unique ids and orders.
 * Returns the valid entries.
 */
export function checkEntries(
  collection: DataCollection,
  raw: unknown,
  shown: string,
  problems: string[],
): Record<string, unknown>[] {
  const optional = optionalCollections.has(collection);
  if (optional && (raw === null || (Array.isArray(raw) && raw.length === 0))) return [];
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(`${shown}: must be a ${optional ? '' : 'non-empty '}YAML list of entries`);
    return [];
  }
  const entries: Record<string, unknown>[] = [];
  const seenIds = new Map<string, number>();
  const seenOrders = new Map<number, number>();
  raw.forEach((entry: unknown, index) => {
    const rawId = (entry as { id?: unknown } | null)?.id;
    const label = `${shown}: entry ${index + 1}${typeof rawId === 'string' ? ` (id "${rawId}")` : ''}`;
    const parsed = dataSchemas[collection].safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldPath(issue.path);
        problems.push(`${label}: field "${field || '(entry)'}": ${issue.message}`);
      }
      return;
    }
    const data = parsed.data as Record<string, unknown> & { id: string; order?: number };
    const firstId = seenIds.get(data.id);
    if (firstId !== undefined) {
      problems.push(`${label}: field "id": duplicate id "${data.id}" (also entry ${firstId})`);
    } else seenIds.set(data.id, index + 1);
    if (typeof data.order === 'number') {
      const firstOrder = seenOrders.get(data.order);
      if (firstOrder !== undefined) {
        problems.push(`${label}: field "order": duplicate order ${data.order} (also entry ${firstOrder})`);
      } else seenOrders.set(data.order, index + 1);
    }
    entries.push(data);
  });
  return entries;
}

/**
 * What only the whole content can tell: one campaign, its plan text present, and every
 * reference between collections naming an existing entry. `shown(collection)` is the
 * collection's file as messages name it.
 */
export function checkReferences(
  content: CheckedContent,
  contentDir: string,
  shown: (collection: DataCollection) => string,
  problems: string[],
) {
  const ids = (collection: DataCollection) => new Set(content[collection].map((entry) => entry.id));
  const agencies = ids('agencies');
  const milestones = ids('milestones');
  const legal = ids('legalBasis');
  const where = (collection: DataCollection, id: string) => `${shown(collection)}: entry id "${id}"`;
  const expect = (known: Set<string>, value: string, kind: string, at: string, field: string) => {
    if (!known.has(value)) problems.push(`${at}: field "${field}": unknown ${kind} "${value}"`);
  };

  if (content.campaign.length > 1) problems.push(`${shown('campaign')}: must hold exactly one campaign entry`);
  for (const campaign of content.campaign) {
    if (!existsSync(join(contentDir, campaign.planText))) {
      problems.push(
        `${where('campaign', campaign.id)}: field "planText": no file "${campaign.planText}" in the content folder`,
      );
    }
  }
  for (const agency of content.agencies) {
    agency.tasks.forEach((task, t) =>
      task.partners.forEach((partner, p) =>
        expect(agencies, partner, 'agency', where('agencies', agency.id), `tasks[${t}].partners[${p}]`),
      ),
    );
  }
  for (const milestone of content.milestones) {
    milestone.agencies.forEach((agency, a) =>
      expect(agencies, agency, 'agency', where('milestones', milestone.id), `agencies[${a}]`),
    );
    if (milestone.receivedBy) {
      expect(agencies, milestone.receivedBy, 'agency', where('milestones', milestone.id), 'receivedBy');
    }
  }
  for (const activity of content.activities) {
    if (activity.milestone) {
      expect(milestones, activity.milestone, 'milestone', where('activities', activity.id), 'milestone');
    }
  }
  for (const doc of content.legalBasis) {
    if (doc.replacedBy)
      expect(legal, doc.replacedBy.id, 'legal document', where('legalBasis', doc.id), 'replacedBy.id');
  }
  for (const place of content.helpPlaces) {
    if (place.agency) expect(agencies, place.agency, 'agency', where('helpPlaces', place.id), 'agency');
  }
}

/** The parsed front matter of a prose page (`pages/*.md` or `*.mdx`). */
export function checkPageFrontMatter(data: unknown, shown: string, problems: string[]) {
  const parsed = pageSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${shown}: field "${fieldPath(issue.path) || '(front matter)'}": ${issue.message}`);
    }
  }
}

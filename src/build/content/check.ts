/**
 * The build's strict content check (Node-only).
 *
 * Astro's `file()` loader only logs a YAML syntax error and carries on, and it
 * does not check that references between collections exist. This check runs
 * before every build and dev start (see `src/build/integrations/content-check.ts`)
 * and in the unit tests, with the same zod schemas as `src/content.config.ts`.
 * Every problem names the file, the entry and the field, in English.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { dataFiles, dataSchemas, pageSchema, type DataCollection } from '../../shared/schemas';

export class ContentError extends Error {
  override name = 'ContentError';
  constructor(readonly problems: string[]) {
    super(`Content check failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n- ${problems.join('\n- ')}`);
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
 * Reads and validates every data file and prose page under `contentDir`.
 * Throws a `ContentError` listing every problem; returns the parsed data.
 */
export function checkContent(contentDir: string, rootDir = join(contentDir, '..')): CheckedContent {
  const problems: string[] = [];
  const result = {} as Record<DataCollection, Array<Record<string, unknown>>>;

  for (const [collection, fileName] of Object.entries(dataFiles) as [DataCollection, string][]) {
    const filePath = join(contentDir, fileName);
    const shown = relative(rootDir, filePath);
    result[collection] = [];
    if (!existsSync(filePath)) {
      problems.push(`${shown}: file is missing (collection "${collection}")`);
      continue;
    }
    let raw: unknown;
    try {
      // CORE_SCHEMA keeps dates as written: the default schema turns 2020-11-31 into 1 December.
      raw = yaml.load(readFileSync(filePath, 'utf8'), { filename: shown, schema: yaml.CORE_SCHEMA });
    } catch (error) {
      problems.push(`${shown}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    if (!Array.isArray(raw) || raw.length === 0) {
      problems.push(`${shown}: must be a non-empty YAML list of entries`);
      continue;
    }
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
      result[collection].push(data);
    });
  }

  const checked = result as unknown as CheckedContent;
  checkReferences(checked, rootDir, contentDir, problems);
  checkPages(join(contentDir, 'pages'), rootDir, problems);

  if (problems.length > 0) throw new ContentError(problems);
  return checked;
}

/** Every reference between collections must name an existing entry. */
function checkReferences(content: CheckedContent, rootDir: string, contentDir: string, problems: string[]) {
  const ids = (collection: DataCollection) => new Set(content[collection].map((entry) => entry.id));
  const agencies = ids('agencies');
  const milestones = ids('milestones');
  const legal = ids('legalBasis');
  const where = (collection: DataCollection, id: string) =>
    `${relative(rootDir, join(contentDir, dataFiles[collection]))}: entry id "${id}"`;
  const expect = (known: Set<string>, value: string, kind: string, at: string, field: string) => {
    if (!known.has(value)) problems.push(`${at}: field "${field}": unknown ${kind} "${value}"`);
  };

  if (content.campaign.length > 1) {
    problems.push(`${relative(rootDir, join(contentDir, dataFiles.campaign))}: must hold exactly one campaign entry`);
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
    if (doc.replacedBy) expect(legal, doc.replacedBy.id, 'legal document', where('legalBasis', doc.id), 'replacedBy.id');
  }
}

/** Front matter of the prose pages (`content/pages/*.mdx`). */
function checkPages(pagesDir: string, rootDir: string, problems: string[]) {
  if (!existsSync(pagesDir)) return;
  for (const name of readdirSync(pagesDir).filter((n) => /\.mdx?$/.test(n) && !n.startsWith('_'))) {
    const filePath = join(pagesDir, name);
    const shown = relative(rootDir, filePath);
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(filePath, 'utf8'));
    if (!match) {
      problems.push(`${shown}: missing front matter (--- … ---)`);
      continue;
    }
    let data: unknown;
    try {
      data = yaml.load(match[1]!, { filename: shown, schema: yaml.CORE_SCHEMA });
    } catch (error) {
      problems.push(`${shown}: front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = pageSchema.safeParse(data ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${shown}: field "${fieldPath(issue.path) || '(front matter)'}": ${issue.message}`);
      }
    }
  }
}

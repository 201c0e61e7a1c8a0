/**
 * Content is sacred: everything the site quotes from the plan must be in the
 * signed plan's text word for word, except the recorded typo fixes. Checked for
 * the campaign being built (`CONTENT_DIR`, by default content/) and for the
 * made-up second campaign of tests/fixtures/campaign-b/, each against its own text.
 */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/content/load.ts';
import type { Correction } from '../../src/shared/schemas/vietnamese-text.ts';
import { builtContentDir, campaignBDir, contentDir, planText, repoRoot, sourceText } from './helpers/content.ts';

/** The plan's words: the shown text with each recorded fix undone. */
function asSigned(text: string, corrections: Correction[]): string {
  return corrections.reduce((out, c) => {
    expect(out, `"${c.corrected}" must occur in the corrected text`).toContain(c.corrected);
    return out.replace(c.corrected, c.original);
  }, text);
}

/** The "- " items of a plan's text between two headings, each item's lines joined. */
function sourceItems(raw: string, from: string, to: string): string[] {
  const section = raw.slice(raw.indexOf(from) + from.length, raw.indexOf(to));
  expect(section.length).toBeGreaterThan(0);
  return section
    .split(/^\s*-\s/m)
    .slice(1)
    .map((item) => item.replace(/\s+/g, ' ').trim());
}

const campaigns = [...new Set([builtContentDir, campaignBDir])];

describe.each(campaigns.map((dir) => [relative(repoRoot, dir), dir]))('%s matches its signed plan', (_name, dir) => {
  const content = loadContent(dir, repoRoot);
  const raw = planText(dir);
  const source = sourceText(dir);

  it('lists the slogans of II.3 word for word and in order', () => {
    const planned = sourceItems(raw, '3. Thông điệp (khẩu hiệu) tuyên truyền', '4. Các hoạt động trọng tâm');
    expect(planned.length).toBeGreaterThan(0);
    expect(content.slogans.map((s) => asSigned(s.text, s.corrections))).toEqual(planned);
  });

  it('lists the focal activities of II.4 word for word and in order', () => {
    const planned = sourceItems(raw, '4. Các hoạt động trọng tâm', 'III. TỔ CHỨC THỰC HIỆN');
    expect(content.activities.map((a) => asSigned(a.text, a.corrections))).toEqual(planned);
  });

  it('quotes every agency name and task from section III', () => {
    for (const agency of content.agencies) {
      const heading = `${agency.section.replace('III.', '')}. ${agency.requested ? 'Đề nghị ' : ''}${agency.name}`;
      expect(source, agency.id).toContain(heading);
      for (const task of agency.tasks) expect(source, agency.id).toContain(asSigned(task.text, task.corrections));
    }
  });

  it('quotes every partner phrase from the plan, for every task that names partners', () => {
    for (const agency of content.agencies)
      for (const task of agency.tasks) {
        if (task.partners.length === 0) continue;
        expect(task.partnersText, `${agency.id}: a task with partners needs partnersText`).toBeDefined();
        expect(source, agency.id).toContain(task.partnersText);
        // The phrase is the task's own: it appears in the task's text.
        expect(asSigned(task.text, task.corrections), agency.id).toContain(task.partnersText);
      }
  });

  it('quotes what the plan says each place of help does, word for word', () => {
    for (const place of content.helpPlaces) expect(source, place.id).toContain(place.quote);
  });

  it('marks as requested exactly the bodies the plan addresses with "Đề nghị"', () => {
    const requested = [...source.matchAll(/\b(\d+)\. Đề nghị /g)].map((m) => `III.${m[1]}`);
    expect(content.agencies.filter((a) => a.requested).map((a) => a.section)).toEqual(requested);
  });

  it('quotes each milestone from the plan', () => {
    for (const m of content.milestones) expect(source, m.id).toContain(m.quote);
  });

  it('quotes the campaign framing: theme, period, purposes, requirement, preamble, closing, recipients, signer', () => {
    const [campaign] = content.campaign;
    const quoted = [
      `“${campaign!.theme}”`,
      campaign!.period.text,
      campaign!.preamble,
      campaign!.requirement,
      campaign!.closing,
      campaign!.signer.name,
      ...campaign!.purposes,
      ...campaign!.recipients,
    ];
    for (const text of quoted) expect(source).toContain(text);
    const lower = source.toLowerCase();
    for (const text of [
      campaign!.title,
      campaign!.signer.onBehalf,
      campaign!.signer.capacity,
      campaign!.signer.title,
    ]) {
      expect(lower).toContain(text.toLowerCase());
    }
  });

  it('records each fix against words that really are in the plan', () => {
    const all = [
      ...content.slogans.flatMap((s) => s.corrections),
      ...content.activities.flatMap((a) => a.corrections),
      ...content.agencies.flatMap((a) => a.tasks.flatMap((t) => t.corrections)),
    ];
    for (const c of all) {
      expect(source).toContain(c.original);
      expect(c.original).not.toBe(c.corrected);
    }
  });
});

describe('the Tam Đường 2020 plan (content/)', () => {
  const content = loadContent(contentDir, repoRoot);
  const raw = planText(contentDir);

  it('has the 14 slogans of II.3', () => {
    expect(sourceItems(raw, '3. Thông điệp (khẩu hiệu) tuyên truyền', '4. Các hoạt động trọng tâm')).toHaveLength(14);
    expect(content.slogans).toHaveLength(14);
  });

  it('fixes only the recorded typo in slogan 6', () => {
    const six = content.slogans.find((s) => s.order === 6)!;
    expect(six.text).toBe('Chấm dứt bạo lực đối với phụ nữ và trẻ em.');
    expect(six.corrections).toHaveLength(1);
    expect(six.corrections[0]).toMatchObject({ original: 'Chấm đứt', corrected: 'Chấm dứt' });
    expect(content.slogans.filter((s) => s.corrections.length > 0).map((s) => s.order)).toEqual([6]);
  });

  it('records the typo fixes of the plan', () => {
    const tasks = content.agencies.flatMap((a) => a.tasks);
    expect([...content.slogans, ...content.activities, ...tasks].flatMap((e) => e.corrections).length).toBeGreaterThan(
      0,
    );
  });
});

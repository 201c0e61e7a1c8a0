import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { campaignOf, ContentError, hasMdxPages, loadContent } from '../../src/build/content/load.ts';
import { calendarPath, pdfDate, zipDate } from '../../src/shared/publishing.ts';
import { campaignBDir, contentDir, contentWith, fixturesDir, repoRoot } from './helpers/content.ts';

function problemsFor(fixture: string): string[] {
  const target = fixture.slice(fixture.indexOf('.') + 1);
  const dir = contentWith({ [target]: readFileSync(join(fixturesDir, 'broken-content', fixture), 'utf8') });
  try {
    loadContent(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error(`fixture ${fixture} was accepted`);
}

describe('content check', () => {
  it('accepts the real content', () => {
    const content = loadContent(contentDir, repoRoot);
    expect(content.campaign).toHaveLength(1);
    expect(content.agencies.length).toBeGreaterThan(0);
  });

  it('has exactly 14 slogans, ordered 1 to 14', () => {
    const { slogans } = loadContent(contentDir, repoRoot);
    expect(slogans).toHaveLength(14);
    expect(slogans.map((s) => s.order).sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('stores every string NFC-normalised, even when a file is written in NFD', () => {
    const nfd = readFileSync(join(contentDir, 'slogans.yaml'), 'utf8').normalize('NFD');
    const { slogans } = loadContent(contentWith({ 'slogans.yaml': nfd }));
    const real = loadContent(contentDir, repoRoot).slogans;
    expect(slogans.map((s) => s.text)).toEqual(real.map((s) => s.text));
    for (const s of slogans) expect(s.text.normalize('NFC')).toBe(s.text);
  });

  it('rejects a missing field, naming file, entry and field', () => {
    expect(problemsFor('missing-field.slogans.yaml')).toContainEqual(
      expect.stringMatching(/^content\/slogans\.yaml: entry 2 \(id "hay-len-tieng[^"]*"\): field "text": /),
    );
  });

  it('rejects a duplicate slug', () => {
    expect(problemsFor('duplicate-slug.slogans.yaml')).toContainEqual(
      'content/slogans.yaml: entry 2 (id "cham-dut-bao-luc-vun-dap-yeu-thuong"): field "id": duplicate id "cham-dut-bao-luc-vun-dap-yeu-thuong" (also entry 1)',
    );
  });

  it('rejects a slug with diacritics', () => {
    expect(problemsFor('bad-slug.slogans.yaml')).toContainEqual(
      expect.stringMatching(/^content\/slogans\.yaml: entry 1 \(id "cham-dứt-bao-luc"\): field "id": must be a slug/),
    );
  });

  it('rejects a date that does not exist', () => {
    expect(problemsFor('bad-date.milestones.yaml')).toContainEqual(
      expect.stringMatching(
        /^content\/milestones\.yaml: entry 1 \(id "bat-dau"\): field "date": must be a real date written YYYY-MM-DD/,
      ),
    );
  });

  it('rejects references to unknown agencies, naming each field', () => {
    const problems = problemsFor('unknown-agency.milestones.yaml');
    expect(problems).toContain(
      'content/milestones.yaml: entry id "han-bao-cao": field "receivedBy": unknown agency "phong-khong-ton-tai"',
    );
    expect(problems).toContain(
      'content/milestones.yaml: entry id "han-bao-cao": field "agencies[1]": unknown agency "so-y-te"',
    );
    expect(problems.some((p) => p.includes('cong-an-huyen'))).toBe(false);
  });

  it('rejects a file that is not valid YAML, naming the file and line', () => {
    expect(problemsFor('invalid-yaml.activities.yaml')).toContainEqual(
      expect.stringMatching(/^content\/activities\.yaml: not valid YAML: .*\(\d+:\d+\)/),
    );
  });

  it('rejects a help line without sources or with an invented cost status', () => {
    const problems = problemsFor('free-unknown.help-lines.yaml');
    expect(problems).toContainEqual(
      expect.stringMatching(/help-lines\.yaml: entry 1 \(id "ngoi-nha-binh-yen"\): field "free": /),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/field "sources": every help line needs at least one source/),
    );
  });

  it('reads a content folder once per process and keeps the result', () => {
    const dir = contentWith({});
    const first = loadContent(dir);
    expect(loadContent(dir)).toBe(first);
  });

  it('reads the folder again when a file changes (astro dev; here its size changes too)', () => {
    const dir = contentWith({});
    const first = loadContent(dir);
    const text = readFileSync(join(dir, 'slogans.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'slogans.yaml'),
      text.replace('Chấm dứt bạo lực, vun đắp yêu thương.', 'Chấm dứt bạo lực, vun đắp yêu thương mãi mãi.'),
    );
    const second = loadContent(dir);
    expect(second).not.toBe(first);
    expect(second.slogans.find((s) => s.order === 5)!.text).toBe('Chấm dứt bạo lực, vun đắp yêu thương mãi mãi.');
  });

  it('rejects a campaign whose plan text is missing', () => {
    const dir = contentWith({});
    const campaign = readFileSync(join(dir, 'campaign.yaml'), 'utf8').replace(
      'source/ke-hoach-tam-duong-2020.txt',
      'source/khong-co.txt',
    );
    writeFileSync(join(dir, 'campaign.yaml'), campaign);
    expect(() => loadContent(dir)).toThrow(
      'content/campaign.yaml: entry id "tam-duong-2020": field "planText": no file "source/khong-co.txt" in the content folder',
    );
  });

  it('gives the published files the fixed facts they carried before they came from content', () => {
    const { publishing } = campaignOf(loadContent(contentDir, repoRoot));
    expect(pdfDate(publishing)).toEqual(new Date('2020-11-15T00:00:00Z'));
    expect(zipDate(publishing)).toEqual({ year: 2020, month: 11, day: 15, hours: 0, minutes: 0, seconds: 0 });
    expect(publishing.fileCreator).toBe('Công cụ in khẩu hiệu – Tháng hành động vì bình đẳng giới năm 2020');
    expect(calendarPath(publishing)).toBe('lich-trinh/thang-hanh-dong-2020.ics');
    expect(publishing.calendarProductId).toBe('-//thang-hanh-dong-tam-duong-2020//lich-trinh//VI');
  });

  it('has a test for every broken fixture', () => {
    const fixtures = readdirSync(join(fixturesDir, 'broken-content')).filter((f) => f.endsWith('.yaml'));
    const thisFile = readFileSync(import.meta.filename, 'utf8');
    for (const f of fixtures) expect(thisFile).toContain(`'${f}'`);
  });

  it('joins the messages into one error that lists each problem', () => {
    try {
      loadContent(contentWith({ 'slogans.yaml': '- id: x\n  order: 0\n' }));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe('ContentError');
      expect((error as Error).message).toMatch(
        /^Content check failed \(\d+ problems\):\n- content\/slogans\.yaml: entry 1 \(id "x"\): field "order": /,
      );
    }
  });
});

describe('MDX pages', () => {
  const page = readFileSync(join(contentDir, 'pages/an-toan.md'), 'utf8');

  it('are none in the real content, whose prose is Markdown: the build does not load MDX', () => {
    expect(hasMdxPages(contentDir)).toBe(false);
  });

  it('are found in a campaign that has one, in the pages folder or below it', () => {
    expect(hasMdxPages(campaignBDir)).toBe(true);
    const dir = contentWith({});
    mkdirSync(join(dir, 'pages/huong-dan'));
    writeFileSync(join(dir, 'pages/huong-dan/lien-he.mdx'), page);
    expect(hasMdxPages(dir)).toBe(true);
  });

  it('leave out a page kept out of the collection by a leading underscore', () => {
    expect(hasMdxPages(contentWith({ 'pages/_nhap.mdx': page }))).toBe(false);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../src/build/content/load';
import { contentDir, contentWith, fixturesDir, repoRoot } from './helpers/content';

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
      expect.stringMatching(/^content\/milestones\.yaml: entry 1 \(id "bat-dau"\): field "date": must be a real date written YYYY-MM-DD/),
    );
  });

  it('rejects references to unknown agencies, naming each field', () => {
    const problems = problemsFor('unknown-agency.milestones.yaml');
    expect(problems).toContain('content/milestones.yaml: entry id "han-bao-cao": field "receivedBy": unknown agency "phong-khong-ton-tai"');
    expect(problems).toContain('content/milestones.yaml: entry id "han-bao-cao": field "agencies[1]": unknown agency "so-y-te"');
    expect(problems.some((p) => p.includes('cong-an-huyen'))).toBe(false);
  });

  it('rejects a file that is not valid YAML, naming the file and line', () => {
    expect(problemsFor('invalid-yaml.activities.yaml')).toContainEqual(
      expect.stringMatching(/^content\/activities\.yaml: not valid YAML: .*\(\d+:\d+\)/),
    );
  });

  it('rejects a help line without sources or with an invented cost status', () => {
    const problems = problemsFor('free-unknown.help-lines.yaml');
    expect(problems).toContainEqual(expect.stringMatching(/help-lines\.yaml: entry 1 \(id "ngoi-nha-binh-yen"\): field "free": /));
    expect(problems).toContainEqual(expect.stringMatching(/field "sources": every help line needs at least one source/));
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
      expect((error as Error).message).toMatch(/^Content check failed \(\d+ problems\):\n- content\/slogans\.yaml: entry 1 \(id "x"\): field "order": /);
    }
  });
});

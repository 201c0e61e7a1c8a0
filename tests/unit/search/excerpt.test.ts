import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/shared/search/fold.ts';
import { buildExcerpt, excerptStart } from '../../../src/shared/search/excerpt.ts';

const at = (...locations: number[]) => locations.map((location) => ({ location, balanced_score: 1 }));
const render = (e: ReturnType<typeof buildExcerpt>) =>
  (e.cutStart ? '… ' : '') + e.parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('') + (e.cutEnd ? ' …' : '');

describe('buildExcerpt', () => {
  it('shows the real text with the matched words marked, never the folded spelling', () => {
    const content = fold('Khẩu hiệu số 5. Chấm dứt bạo lực, vun đắp yêu thương.');
    expect(render(buildExcerpt(content, at(8, 9)))).toBe('Khẩu hiệu số 5. Chấm dứt bạo lực, [vun đắp] yêu thương.');
  });

  it('marks the word, not the punctuation around it', () => {
    expect(render(buildExcerpt('ngày “quốc tế” 25/11/2020.', at(1, 3)))).toBe('ngày “[quốc] tế” [25/11/2020].');
    expect(render(buildExcerpt('ngày “quốc tế” 25/11/2020.', at(1, 2, 3)))).toBe('ngày “[quốc tế]” [25/11/2020].');
  });

  it('cuts long text around the densest run of matches, with ellipses where text was left out', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const e = buildExcerpt(words.join(' '), at(50, 51, 52, 90), 10);
    const text = render(e);
    expect(text).toMatch(/^… /);
    expect(text).toMatch(/ …$/);
    expect(text).toContain('[w50 w51 w52]');
    expect(text).not.toContain('w90');
    expect(
      e.parts
        .map((p) => p.text)
        .join('')
        .split(' '),
    ).toHaveLength(10);
  });

  it('starts at the beginning of short pages or pages without matches', () => {
    expect(excerptStart(at(3), 5, 24)).toBe(0);
    expect(excerptStart([], 500, 24)).toBe(0);
    expect(render(buildExcerpt('a b c', [], 2))).toBe('a b …');
  });

  it('keeps the last window in range when the matches are at the end', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(render(buildExcerpt(words, at(39), 10))).toMatch(/ \[w39\]$/);
  });
});

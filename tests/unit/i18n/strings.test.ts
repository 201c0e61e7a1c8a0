import { describe, expect, it } from 'vitest';
import { dataStrings, t } from '../../../src/i18n/index.ts';
import { readStrings } from '../../../src/i18n/read-strings.ts';
import vi from '../../../src/i18n/vi.json' with { type: 'json' };

/** An element as the browser gives it: the attribute's value in `dataset`. */
const element = (strings: string | undefined) => ({ dataset: strings === undefined ? {} : { strings } });

describe('UI strings from the build to the browser (data-strings)', () => {
  it('writes the templates of exactly the keys asked for, placeholders unfilled', () => {
    const json = dataStrings(['search.count', 'quickExit.exiting']);
    expect(JSON.parse(json)).toEqual({
      'search.count': vi['search.count'],
      'quickExit.exiting': vi['quickExit.exiting'],
    });
    expect(json).toContain('{count}');
  });

  it('reads them back in the browser and fills them as t() does at build time', () => {
    const text = readStrings(element(dataStrings(['customiser.made', 'customiser.msg.missing', 'search.empty'])));
    expect(text('customiser.made', { name: 'a.pdf' })).toBe(t('customiser.made', { name: 'a.pdf' }));
    expect(text('customiser.msg.missing', { count: 2, chars: '“😀” (U+1F600)' })).toBe(
      t('customiser.msg.missing', { count: 2, chars: '“😀” (U+1F600)' }),
    );
    expect(text('search.empty')).toBe(vi['search.empty']);
  });

  it('shows the key of a string the attribute lacks, and copes with no attribute at all', () => {
    expect(readStrings(element(dataStrings(['search.empty'])))('search.error')).toBe('search.error');
    expect(readStrings(element(undefined))('search.error')).toBe('search.error');
  });

  it('keeps quotes and markup in a string or a value as text', () => {
    const text = readStrings(element(dataStrings(['customiser.msg.markup', 'search.punctuationOnly'])));
    expect(text('customiser.msg.markup')).toBe(vi['customiser.msg.markup']);
    expect(text('search.punctuationOnly', { query: '"<b>' })).toBe(t('search.punctuationOnly', { query: '"<b>' }));
  });
});

import { describe, expect, it } from 'vitest';
import { fold, MARK, unfold } from '../../../src/shared/search/fold.ts';
import { IndexCopyError, isIndexed, makeIndexCopy } from '../../../src/build/search/index-copy.ts';

const page = (main: string, head = '') =>
  `<!doctype html><html lang="vi"><head><title>Đường – Tháng hành động</title>${head}</head>` +
  `<body><header><a href="/">Đài huyện</a></header>${main}<footer>Đường dây nóng</footer></body></html>`;

/** The copy with runs of spaces as one, and no space next to a tag, to compare text. */
const tight = (html: string) => html.replace(/\s+/g, ' ').replace(/ ?(<[^>]+>) ?/g, '$1');

describe('makeIndexCopy', () => {
  it('folds text inside the indexed element only', () => {
    const html = page(
      '<main id="noi-dung" data-pagefind-body><h1>Bình đẳng giới</h1><p>vun <strong>đắp</strong></p></main>',
    );
    const copy = makeIndexCopy(html);
    expect(tight(copy)).toContain(`<h1>Bình d${MARK}ẳng giới</h1><p>vun<strong>d${MARK}ắp</strong></p>`);
    expect(copy).toContain('<a href="/">Đài huyện</a>');
    expect(copy).toContain('<footer>Đường dây nóng</footer>');
    expect(copy).toContain('<title>Đường – Tháng hành động</title>');
  });

  it('changes nothing else inside inline text: unfolding gives it back', () => {
    const main =
      '<main data-pagefind-body data-pagefind-meta="title:Khẩu hiệu số 5: vun đắp, yêu thương">Đối với &amp; <em>đ</em>ắp</main>';
    expect(unfold(makeIndexCopy(page(main)))).toContain(main.replace('</main>', ' </main> '));
  });

  it('puts a space around block elements, so the words of adjacent blocks stay apart', () => {
    const copy = makeIndexCopy(
      page('<main data-pagefind-body><dl><dt>Cơ quan ban hành</dt><dd>Bộ Tư pháp</dd></dl></main>'),
    );
    expect(copy).toContain('hành </dt>  <dd> Bộ');
    // Inline elements stay joined: "đ<em>ắp</em>" is one word.
    expect(makeIndexCopy(page('<main data-pagefind-body>đ<em>ắp</em></main>'))).toContain(`d${MARK}<em>ắp</em>`);
  });

  it('folds the result title given in data-pagefind-meta, wherever it is', () => {
    const html = page(
      '<main data-pagefind-body data-pagefind-meta="title:Phòng Giáo dục và Đào tạo" data-pagefind-filter="type:co-quan"><h1>x</h1></main>',
    );
    expect(makeIndexCopy(html)).toContain(`data-pagefind-meta="${fold('title:Phòng Giáo dục và Đào tạo')}"`);
  });

  it('leaves tags, other attributes, scripts and styles inside the region alone', () => {
    const main =
      '<main data-pagefind-body><a href="/trach-nhiem/dai/" title="Đài">Đài</a>' +
      '<script>const s = "đ";</script><style>.đ{}</style><!-- đ --><img alt="Lễ phát động" src="đ.png"></main>';
    const copy = makeIndexCopy(page(main));
    expect(copy).toContain('title="Đài"');
    expect(copy).toContain(`>D${MARK}ài</a>`);
    expect(copy).toContain('<script>const s = "đ";</script><style>.đ{}</style><!-- đ -->');
    expect(copy).toContain(`alt="Lễ phát d${MARK}ộng" src="đ.png"`);
  });

  it('follows nesting to the end of the indexed element', () => {
    const html = page('<div data-pagefind-body><div>đ</div><p>đ</p></div><div>đ</div>');
    expect(tight(makeIndexCopy(html))).toContain(
      `<div data-pagefind-body><div>d${MARK}</div><p>d${MARK}</p></div><div>đ</div>`,
    );
  });

  it('folds đ written as character references', () => {
    const copy = makeIndexCopy(page('<main data-pagefind-body>&#273;&#x111;&dstrok; &#272;&Dstrok;</main>'));
    expect(copy).toContain(`d${MARK}d${MARK}d${MARK} D${MARK}D${MARK}`);
  });

  it('refuses a page that already contains the mark, which unfolding would turn into đ', () => {
    expect(() => makeIndexCopy(page(`<main data-pagefind-body>d${MARK}</main>`))).toThrow(IndexCopyError);
  });

  it('refuses a page with no indexed element, or with two', () => {
    expect(() => makeIndexCopy(page('<main>đ</main>'))).toThrow(/exactly one/);
    expect(() => makeIndexCopy(page('<main data-pagefind-body>a</main><div data-pagefind-body>b</div>'))).toThrow(
      /exactly one/,
    );
  });
});

describe('isIndexed', () => {
  it('is true only for pages that mark a region for the index', () => {
    expect(isIndexed(page('<main data-pagefind-body>x</main>'))).toBe(true);
    expect(isIndexed(page('<main data-pagefind-body="">x</main>'))).toBe(true);
    expect(isIndexed(page('<main>x</main>'))).toBe(false);
    expect(isIndexed(page('<main data-pagefind-bodyguard>x</main>'))).toBe(false);
  });
});

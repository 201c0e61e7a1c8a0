import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from '../../src/build/ics.ts';

const calendar = buildCalendar({
  name: 'Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới năm 2020',
  productId: '-//thang-hanh-dong-tam-duong-2020//lich-trinh//VI',
  domain: 'example.test',
  stamp: '2020-11-15',
  events: [
    { id: 'thang', start: '2020-11-15', end: '2020-12-15', summary: 'Tháng hành động; 30 ngày, từ 15/11' },
    {
      id: 'han',
      start: '2020-12-20',
      summary: 'Hạn gửi báo cáo',
      description: 'Dòng 1\nDòng 2, có dấu phẩy',
      url: 'https://example.test/lich-trinh/#han',
    },
  ],
});

describe('iCalendar output', () => {
  it('parses with ical.js and keeps Vietnamese text and punctuation', () => {
    const component = new ICAL.Component(ICAL.parse(calendar));
    const events = component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual(['Tháng hành động; 30 ngày, từ 15/11', 'Hạn gửi báo cáo']);
    expect(events[1]!.description).toBe('Dòng 1\nDòng 2, có dấu phẩy');
    expect(events[0]!.startDate.toString()).toBe('2020-11-15');
    expect(events[0]!.endDate.toString()).toBe('2020-12-16');
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[1]!.uid).toBe('han@example.test');
  });

  it('names the product given by the content', () => {
    expect(new ICAL.Component(ICAL.parse(calendar)).getFirstPropertyValue('prodid')).toBe(
      '-//thang-hanh-dong-tam-duong-2020//lich-trinh//VI',
    );
    expect(calendar).toContain('\r\nPRODID:-//thang-hanh-dong-tam-duong-2020//lich-trinh//VI\r\n');
  });

  it('uses CRLF line ends and folds lines at 75 octets', () => {
    expect(calendar.endsWith('\r\n')).toBe(true);
    for (const line of calendar.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(calendar.replace(/\r\n /g, '')).toContain(
      'X-WR-CALNAME:Tháng hành động vì bình đẳng giới và phòng\\, chống',
    );
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine('X:' + 'ữ'.repeat(60));
    for (const part of folded.split('\r\n ')) expect(part).not.toContain('\uFFFD');
    expect(folded.replace(/\r\n /g, '')).toBe('X:' + 'ữ'.repeat(60));
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('gives the same bytes for the same input', () => {
    const input = { name: 'x', productId: '-//x//y//VI', domain: 'd', stamp: '2020-11-15', events: [] };
    expect(buildCalendar(input)).toBe(buildCalendar({ ...input }));
  });
});

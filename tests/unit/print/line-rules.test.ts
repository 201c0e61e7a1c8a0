/**
 * Line breaking by rule (src/shared/print/line-rules.ts): no protected group or
 * number and unit split, no one-word last line, no date alone, in every block of
 * every slogan in every format; and the checker itself finds each fault.
 */
import { describe, expect, it } from 'vitest';
import { FORMATS, NBSP, breakUnits, layoutScene, protectCompounds } from '../../../src/shared/print/index.ts';
import { NEVER_SPLIT, lineRuleViolations } from '../../../src/shared/print/line-rules.ts';
import { input, loadSlogans } from './helpers.ts';

const slogans = loadSlogans();

describe('line rules', () => {
  it.each(FORMATS.map((f) => [f.id] as const))('hold in every block of every slogan in %s', (formatId) => {
    const problems = slogans.flatMap((slogan) =>
      layoutScene(input(slogan.text, formatId, 'cam')).blocks.flatMap((block) =>
        lineRuleViolations(block.lines.map((line) => line.text)).map((p) => `${slogan.order} ${block.role}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('keep every pair the print-shop review named in one unit', () => {
    for (const pair of NEVER_SPLIT) {
      const units = breakUnits(`a ${pair} b`).map((unit) => unit.join(' '));
      expect(units.some((unit) => unit.includes(pair))).toBe(true);
    }
    expect(breakUnits('Hưởng ứng Tháng hành động vì')).toEqual([['Hưởng', 'ứng'], ['Tháng', 'hành', 'động'], ['vì']]);
  });

  it('keep a number with its unit, a date with the word before it, "đối với" with the next word', () => {
    expect(protectCompounds('kéo dài 16 ngày, lề 3 mm')).toBe(`kéo dài 16${NBSP}ngày, lề 3${NBSP}mm`);
    expect(protectCompounds('từ 15/11 đến 15/12/2020.')).toBe(`từ${NBSP}15/11 đến${NBSP}15/12/2020.`);
    expect(protectCompounds('bạo lực đối với phụ nữ')).toBe(`bạo${NBSP}lực đối${NBSP}với${NBSP}phụ${NBSP}nữ`);
  });

  it('find a split pair, a split number and unit, a one-word last line and a lone date', () => {
    expect(lineRuleViolations(['XÂM', 'HẠI TÌNH DỤC TRẺ EM'])).toContain('"XÂM | HẠI" split');
    expect(lineRuleViolations(['PHÒNG,', 'CHỐNG BẠO LỰC'])).toContain('"PHÒNG, | CHỐNG" split');
    expect(lineRuleViolations(['KÉO DÀI 16', 'NGÀY NỮA'])).toEqual(['number and unit split: "16 | NGÀY"']);
    expect(lineRuleViolations(['CHẤM DỨT BẠO LỰC', 'NGAY'])).toEqual(['one-word last line "NGAY"']);
    expect(lineRuleViolations(['TỪ NGÀY', '25/11/2020.', 'ĐẾN NAY'])).toEqual(['date alone: "25/11/2020."']);
    expect(lineRuleViolations(['CHẤM DỨT BẠO LỰC', 'ĐỐI VỚI PHỤ NỮ'])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { CUSTOMISER_PARAMS } from '../../../src/shared/customiser-params.ts';
import { PHONE_MAX_LENGTH, checkVietnamesePhone } from '../../../src/shared/phone.ts';

describe('the unit phone field (src/shared/phone.ts)', () => {
  it('has its own field name', () => {
    expect(CUSTOMISER_PARAMS.phone).toBe('dien-thoai');
  });

  it('accepts mobile, fixed-line and 1800/1900 numbers, grouped in any usual way', () => {
    const cases: [string, string][] = [
      ['0912345678', '0912345678'],
      ['0912 345 678', '0912345678'],
      ['0912.345.678', '0912345678'],
      ['0388-123-456', '0388123456'],
      ['+84 912 345 678', '0912345678'],
      ['+84912345678', '0912345678'],
      ['0084 912 345 678', '0912345678'],
      ['0213 3876 123', '02133876123'],
      ['(0213) 3876 123', '02133876123'],
      ['024 3825 1234', '02438251234'],
      ['1800 1567', '18001567'],
      ['1900 123 456', '1900123456'],
      ['０９１２３４５６７８', '0912345678'],
    ];
    for (const [typed, digits] of cases) {
      const result = checkVietnamesePhone(typed);
      expect(result, typed).toMatchObject({ kind: 'valid', digits });
    }
  });

  it('prints the number as typed, with spacing tidied', () => {
    expect(checkVietnamesePhone('  0912   345\t678 ')).toEqual({
      kind: 'valid',
      digits: '0912345678',
      shown: '0912 345 678',
    });
  });

  it('treats an empty or blank field as no phone line', () => {
    expect(checkVietnamesePhone('')).toEqual({ kind: 'empty' });
    expect(checkVietnamesePhone('   ')).toEqual({ kind: 'empty' });
  });

  it('refuses letters and symbols', () => {
    for (const typed of ['0912 abc 678', 'ĐT 0912345678', '0912345678!', '09+12345678', '0912345678 ext 2']) {
      expect(checkVietnamesePhone(typed), typed).toEqual({ kind: 'invalid', problem: 'characters' });
    }
  });

  it('refuses numbers that are not Vietnamese numbers', () => {
    for (const typed of [
      '113', // a short emergency code, not a unit's line
      '091234567', // 9 digits
      '09123456789', // 11 digits for a mobile
      '0112345678', // no such prefix
      '0612345678', // no such prefix
      '0213387612', // 10 digits for a fixed line
      '+1 202 555 0100', // another country
      '+84 12 345', // too short
      '1900 12', // too short
      '8412345678', // country code without +
    ]) {
      expect(checkVietnamesePhone(typed), typed).toEqual({ kind: 'invalid', problem: 'number' });
    }
  });

  it('fits the longest valid spelling in the field', () => {
    expect('+84 (213) 3876-123'.length).toBeLessThanOrEqual(PHONE_MAX_LENGTH);
    expect(checkVietnamesePhone('+84 (213) 3876-123')).toMatchObject({ kind: 'valid', digits: '02133876123' });
  });
});

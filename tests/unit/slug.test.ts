import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugify, SLUG_PATTERN } from '../../src/shared/slug.ts';

describe('slugify', () => {
  it('keeps đ as d in slugs', () => {
    expect(slugify('vun đắp')).toBe('vun-dap');
    expect(slugify('Đảng')).toBe('dang');
  });

  it('strips tone marks and vowel marks', () => {
    expect(slugify('Chấm dứt bạo lực, vun đắp yêu thương.')).toBe('cham-dut-bao-luc-vun-dap-yeu-thuong');
    expect(slugify('Hãy lên tiếng khi bị bạo lực. Mọi người sẽ giúp bạn!')).toBe(
      'hay-len-tieng-khi-bi-bao-luc-moi-nguoi-se-giup-ban',
    );
  });

  it('gives the same slug for NFD and NFC input', () => {
    const nfc = 'Bình đẳng giới';
    expect(slugify(nfc.normalize('NFD'))).toBe(slugify(nfc));
    expect(slugify(nfc)).toBe('binh-dang-gioi');
  });

  it('turns dates and punctuation into single hyphens', () => {
    expect(slugify('phụ nữ 25/11/2020.')).toBe('phu-nu-25-11-2020');
    expect(slugify('  —  Ư ơ  ')).toBe('u-o');
  });

  it('produces strings the slug pattern accepts', () => {
    for (const text of ['Quyết định 1464/QĐ-TTg', 'Luật Trẻ em', 'Ủy ban Mặt trận Tổ quốc']) {
      expect(slugify(text)).toMatch(SLUG_PATTERN);
    }
  });
});

describe('foldVietnamese', () => {
  it('folds every Vietnamese vowel and đ to ASCII', () => {
    expect(foldVietnamese('ẮẰẲẴẶ ắằẳẵặ ỨỪỬỮỰ ứừửữự Đđ')).toBe('AAAAA aaaaa UUUUU uuuuu Dd');
  });
});

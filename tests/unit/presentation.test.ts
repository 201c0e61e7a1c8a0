import { describe, expect, it } from 'vitest';
import { artworkHeading, presentedText, repeatsHeader } from '../../src/shared/presentation.ts';
import { loadSlogans } from './print/helpers.ts';

const HEADING = 'THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI VÀ PHÒNG, CHỐNG BẠO LỰC TRÊN CƠ SỞ GIỚI NĂM 2020';

describe('presentation rules', () => {
  it('drop the plan’s closing full stop and keep "!", "?" and "…"', () => {
    expect(presentedText('Chấm dứt bạo lực, vun đắp yêu thương.')).toBe('Chấm dứt bạo lực, vun đắp yêu thương');
    expect(presentedText('… ngày quốc tế xóa bỏ bạo lực đối với phụ nữ 25/11/2020.')).toMatch(/25\/11\/2020$/);
    expect(presentedText('Mọi người sẽ giúp bạn!')).toBe('Mọi người sẽ giúp bạn!');
    expect(presentedText('Bạn đã lên tiếng chưa?')).toBe('Bạn đã lên tiếng chưa?');
    expect(presentedText('Còn tiếp…')).toBe('Còn tiếp…');
  });

  it('leave no slogan of the plan ending in a full stop', () => {
    for (const slogan of loadSlogans()) expect(presentedText(slogan.text)).not.toMatch(/\.$/);
  });

  it('give the theme as header to an artwork whose slogan repeats the heading', () => {
    const [first, second] = loadSlogans();
    expect(repeatsHeader(first!.text, HEADING)).toBe(true);
    expect(artworkHeading(first!.text, HEADING, 'Chấm dứt bạo lực đối với phụ nữ và trẻ em')).toBe(
      'CHẤM DỨT BẠO LỰC ĐỐI VỚI PHỤ NỮ VÀ TRẺ EM',
    );
    expect(artworkHeading(second!.text, HEADING, 'Chấm dứt bạo lực đối với phụ nữ và trẻ em')).toBe(HEADING);
    expect(repeatsHeader('Tháng hành động vì bình đẳng', HEADING)).toBe(false);
  });
});

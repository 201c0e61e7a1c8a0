import { describe, expect, it } from 'vitest';
import { CUSTOMISER_PARAMS, customiserPath, readCustomiserPreset } from '../../../src/shared/customiser-params.ts';

describe('customiser links (src/shared/customiser-params.ts)', () => {
  it('builds the path the slogan pages link to', () => {
    expect(customiserPath()).toBe('tao-mau/');
    expect(customiserPath({ slogan: 'cham-dut-bao-luc-vun-dap-yeu-thuong' })).toBe(
      'tao-mau/?khau-hieu=cham-dut-bao-luc-vun-dap-yeu-thuong',
    );
    expect(customiserPath({ slogan: 's', format: 'a3', scheme: 'do' })).toBe('tao-mau/?khau-hieu=s&kho=a3&mau=do');
  });

  it('reads back what a link chose, and only that', () => {
    for (const preset of [
      {},
      { slogan: 's' },
      { format: 'bang-ron-5x0-8', scheme: 'cam' },
      { slogan: 'x y&z', format: 'a4', scheme: 'do' },
    ]) {
      expect(readCustomiserPreset(customiserPath(preset).replace(/^[^?]*/, ''))).toEqual(preset);
    }
    expect(readCustomiserPreset(`?${CUSTOMISER_PARAMS.unit}=Tr%C6%B0%E1%BB%9Dng&kho=&mau=do&khac=1`)).toEqual({
      scheme: 'do',
    });
  });

  it('names every field of the form once', () => {
    const names = Object.values(CUSTOMISER_PARAMS);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((name) => /^[a-z-]+$/.test(name))).toBe(true);
  });
});

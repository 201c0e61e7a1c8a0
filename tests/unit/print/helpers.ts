// Shared by the print tests: the slogans from content/, the fonts, default texts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { loadPrintFonts } from '../../../src/build/print/load-fonts.ts';
import type { PrintFormat, SceneInput } from '../../../src/shared/print/index.ts';

export interface SloganEntry {
  id: string;
  order: number;
  text: string;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The 14 slogans, read from content/slogans.yaml (never copied into code). */
export function loadSlogans(): SloganEntry[] {
  const data = yaml.load(readFileSync(`${root}content/slogans.yaml`, 'utf8')) as SloganEntry[];
  return [...data].sort((a, b) => a.order - b.order);
}

/** The campaign heading, as a caller would pass it. */
export const HEADING = 'THÁNG HÀNH ĐỘNG VÌ BÌNH ĐẲNG GIỚI VÀ PHÒNG, CHỐNG BẠO LỰC TRÊN CƠ SỞ GIỚI NĂM 2020';

/** The footer: help line 111, wording verified in /work/shared/FACTS.md. */
export const FOOTER = 'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (miễn phí, 24/7)';

export const UNIT_LINE = 'UBND huyện Tam Đường';

export const fonts = loadPrintFonts();

/** A complete input with the defaults above. */
export function input(
  slogan: string,
  format: string | PrintFormat,
  scheme: string,
  extra: Partial<SceneInput> = {},
): SceneInput {
  return { slogan, format, scheme, heading: HEADING, footer: FOOTER, unitLine: UNIT_LINE, fonts, ...extra };
}

/**
 * What every ZIP carries besides the print files: `DOC-TRUOC-KHI-IN.txt` ("read
 * before printing", in Vietnamese: what the ZIP holds, the output condition, trim and
 * bleed, printing at 100%, the hem zones, banner finishing and eyelet marks) and `SHA256SUMS` (the files' SHA-256,
 * as `sha256sum -c` reads them). The words come from `src/i18n/vi.json`.
 *
 * NODE ONLY (node:crypto through `cache.ts`).
 */

import { formatLabel, formatNumber, formatSize, t } from '../../i18n/index.ts';
import { FORMATS, type PrintFormat } from '../../shared/print/formats.ts';
import type { OutputCondition } from '../../shared/print/output-conditions.ts';
import { SCHEMES } from '../../shared/print/schemes.ts';
import { DEFAULT_FINISHING, hasEyelets, hemOf, type PrintFinishing } from '../../shared/print/finishing.ts';
import { EYELETS_SUFFIX, type ManifestFile } from '../../shared/print-files/manifest.ts';
import { fileLabel } from '../../shared/print-files/view.ts';
import { sha256 } from './cache.ts';

/** Name of the readme in every ZIP. */
export const README_NAME = 'DOC-TRUOC-KHI-IN.txt';
/** Name of the checksum list, in every ZIP and beside `manifest.json`. */
export const SUMS_NAME = 'SHA256SUMS';

/** `SHA256SUMS` as GNU `sha256sum -c` reads it: "<hex>  <name>" a line, LF. */
export function sha256Sums(entries: readonly { readonly name: string; readonly sha256: string }[]): string {
  return entries.map((entry) => `${entry.sha256}  ${entry.name}\n`).join('');
}

const mm = (width: number, height: number): string => formatSize(width, height, 'mm');

/** The readme's paragraphs on printing: condition, trim and bleed, 100%, hem zones, banner finishing. */
function printing(
  formats: readonly PrintFormat[],
  condition: OutputCondition,
  finishing: PrintFinishing,
  eyeletsIncluded: boolean,
): string[] {
  const { eyelets } = finishing;
  return [
    t('printReadme.conditionHeading'),
    t('printReadme.condition', { condition: `${condition.name} (${condition.identifier})` }),
    '',
    t('printReadme.trimHeading'),
    t('printReadme.trim', { bleed: formatNumber(formats[0]?.bleed ?? 0) }),
    ...formats.map((f) =>
      t('printReadme.trimLine', {
        format: formatLabel(f),
        trim: mm(f.width, f.height),
        page: mm(f.width + 2 * f.bleed, f.height + 2 * f.bleed),
      }),
    ),
    '',
    t('printReadme.scaleHeading'),
    t('printReadme.scale'),
    '',
    t('printReadme.hemHeading'),
    t('printReadme.hem'),
    ...formats.map((f) => t('printReadme.hemLine', { format: formatLabel(f), hem: formatNumber(hemOf(f, finishing)) })),
    '',
    ...(formats.some(hasEyelets)
      ? [
          t('printReadme.bannerHeading'),
          t('printReadme.banner'),
          t('printReadme.eyelets', {
            suffix: EYELETS_SUFFIX,
            diameter: formatNumber(eyelets.diameter),
            inset: formatNumber(eyelets.inset),
            spacing: formatNumber(eyelets.spacing / 10),
          }),
          t(eyeletsIncluded ? 'printReadme.eyeletsHere' : 'printReadme.eyeletsElsewhere'),
          '',
        ]
      : []),
  ];
}

/**
 * The readme of a ZIP holding `members`. Windows line ends and a byte order mark, so
 * that Notepad on an old office computer shows the Vietnamese letters.
 */
export function bundleReadme(
  members: readonly ManifestFile[],
  condition: OutputCondition,
  finishing: PrintFinishing = DEFAULT_FINISHING,
): Uint8Array {
  const formats = FORMATS.filter((format) => members.some((m) => m.formatId === format.id));
  const printFormats = formats.filter((format) => format.unit === 'mm');
  const schemeLabel = (id: string) => SCHEMES.find((s) => s.id === id)?.label ?? id;
  const labelOf = (id: string) => {
    const format = FORMATS.find((f) => f.id === id);
    return format ? formatLabel(format) : id;
  };
  const lines = [
    t('printReadme.title'),
    '',
    t('printReadme.holds', { count: members.length }),
    ...members.map((m) => `- ${m.name}: ${labelOf(m.formatId)}, ${schemeLabel(m.scheme)}, ${fileLabel(m)}`),
    `- ${SUMS_NAME}: ${t('printReadme.sumsFile')}`,
    '',
    // Screen images only (social formats): nothing to say about printing them.
    ...(printFormats.length
      ? printing(
          printFormats,
          condition,
          finishing,
          members.some((m) => m.eyelets),
        )
      : []),
    t('printReadme.checkHeading'),
    t('printReadme.check', { sums: SUMS_NAME }),
  ];
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

/** The two extra entries of a ZIP, in archive order, with the checksum of the readme. */
export function bundleExtras(
  members: readonly ManifestFile[],
  condition: OutputCondition,
  finishing: PrintFinishing = DEFAULT_FINISHING,
): { readonly name: string; readonly data: Uint8Array }[] {
  const readme = bundleReadme(members, condition, finishing);
  const sums = sha256Sums([
    ...members.map((m) => ({ name: m.name, sha256: m.sha256 })),
    { name: README_NAME, sha256: sha256(readme) },
  ]);
  return [
    { name: README_NAME, data: readme },
    { name: SUMS_NAME, data: new TextEncoder().encode(sums) },
  ];
}

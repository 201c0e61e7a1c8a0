/**
 * Render one slogan in one format and colour scheme to files, for proofing.
 *
 *   npx node scripts/render-slogan.ts <slogan id or order> <format> <scheme> <out dir> [options]
 *
 *   --unit "UBND huyện Tam Đường"   unit line (default: none)
 *   --crop-marks                     PDF with crop marks outside the bleed
 *   --dpi 100                        PNG resolution for print formats (default 100 for posters, 20 for banners)
 *
 * Writes <slug>_<format>_<scheme>.pdf, .svg and .png, and prints the lines,
 * sizes, warnings and timings. Runs on Node 24's built-in type stripping (the
 * pinned `node` package, hence `npx node`); extensionless relative imports of
 * the engine are resolved to `.ts` by the hook below.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.{1,2}\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) {
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        // fall through to the default resolution
      }
    }
    return nextResolve(specifier, context);
  },
});

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    unit: { type: 'string' },
    'crop-marks': { type: 'boolean', default: false },
    dpi: { type: 'string' },
  },
});
const [which, formatId, schemeId, outDir] = positionals;
if (!which || !formatId || !schemeId || !outDir) {
  console.error(
    'Usage: npx node scripts/render-slogan.ts <slogan id or order> <format> <scheme> <out dir> [--unit "…"] [--crop-marks] [--dpi N]',
  );
  process.exit(2);
}

const engine = await import('../src/shared/print/index.ts');
const { loadPrintFonts } = await import('../src/build/print/load-fonts.ts');
const { renderRaster } = await import('../src/build/print/render-raster.ts');
const yaml = (await import('js-yaml')).default;

interface SloganEntry {
  id: string;
  order: number;
  text: string;
}
interface CampaignEntry {
  actionMonth: string;
  publishing: { fileDate: string; fileCreator: string };
}

const root = new URL('../', import.meta.url);
const slogans = yaml.load(readFileSync(new URL('content/slogans.yaml', root), 'utf8')) as SloganEntry[];
const slogan = slogans.find((entry) => entry.id === which || String(entry.order) === which);
if (!slogan) {
  console.error(`No slogan with id or order "${which}"`);
  process.exit(2);
}
// CORE_SCHEMA keeps dates as the strings the content writes.
const campaign = (
  yaml.load(readFileSync(new URL('content/campaign.yaml', root), 'utf8'), {
    schema: yaml.CORE_SCHEMA,
  }) as CampaignEntry[]
)[0];
if (!campaign) throw new Error('content/campaign.yaml is empty');

const format = engine.getFormat(formatId);
/** Help line 111: wording and "free, 24/7" verified in /work/shared/FACTS.md. */
const footer = 'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (miễn phí, 24/7)';

let t = performance.now();
const fonts = loadPrintFonts();
const tFonts = performance.now() - t;

t = performance.now();
const scene = engine.layoutScene({
  slogan: slogan.text,
  format,
  scheme: schemeId,
  heading: engine.toUpperVietnamese(campaign.actionMonth),
  footer,
  unitLine: values.unit,
  fonts,
});
const tLayout = performance.now() - t;

t = performance.now();
const pdf = await engine.renderPdf(scene, {
  cropMarks: values['crop-marks'],
  author: values.unit,
  date: new Date(`${campaign.publishing.fileDate}T00:00:00Z`),
  creator: campaign.publishing.fileCreator,
});
const tPdf = performance.now() - t;

t = performance.now();
const svg = engine.renderSvg(scene);
const tSvg = performance.now() - t;

const dpi = values.dpi ? Number(values.dpi) : format.kind === 'banner' ? 20 : 100;
t = performance.now();
const png = await renderRaster(scene, { format: 'png', dpi });
const tPng = performance.now() - t;

mkdirSync(outDir, { recursive: true });
const base = join(outDir, engine.printFileName(slogan.id, format.id, schemeId, '').replace(/\.$/, ''));
writeFileSync(`${base}.pdf`, pdf);
writeFileSync(`${base}.svg`, svg);
writeFileSync(`${base}.png`, png);

for (const block of scene.blocks) {
  console.log(
    `${block.role.padEnd(8)} ${block.fontSize.toFixed(2)} ${scene.unit}: ${block.lines.map((line) => line.text).join(' | ')}`,
  );
}
if (scene.warnings.length) console.log('warnings:', JSON.stringify(scene.warnings));
console.log(
  `fonts ${tFonts.toFixed(0)} ms, layout ${tLayout.toFixed(1)} ms, PDF ${tPdf.toFixed(1)} ms (${pdf.length} bytes), ` +
    `SVG ${tSvg.toFixed(1)} ms (${Buffer.byteLength(svg)} bytes), PNG ${dpi} dpi ${tPng.toFixed(0)} ms (${png.length} bytes)`,
);
console.log(`${base}.{pdf,svg,png}`);

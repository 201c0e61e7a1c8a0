/**
 * Reads a PDF with qpdf (a different library from pdf-lib, which wrote it) and
 * checks what PDF/X-1a:2003 asks of the files: the version, the OutputIntent, the
 * Info keys, the XMP, and colour operators in CMYK only.
 *
 * Needs qpdf (Debian: `apt-get install qpdf`; `.ci/run` installs it): without it the
 * check throws, saying so, rather than passing.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export const QPDF_MISSING =
  'qpdf is missing: the PDF/X checks read every PDF with qpdf. Install it (Debian: apt-get install qpdf).';

/** Throws `QPDF_MISSING` if qpdf cannot run. */
export function requireQpdf(): void {
  const result = spawnSync('qpdf', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(QPDF_MISSING);
}

type Json = Record<string, unknown>;

/** Content-stream operators a page may use: paths, fills, strokes, CMYK colours, state. */
const ALLOWED_OPERATORS = new Set(['q', 'Q', 'cm', 'm', 'l', 'c', 'h', 're', 'f', 'S', 'w', 'k', 'K']);

export interface PdfxReport {
  readonly version: string;
  readonly outputIntent: Json;
  readonly info: Json;
  readonly xmp: string;
  /** Every operator of the page's content, once. */
  readonly operators: readonly string[];
  /** The page's boxes, `[x0, y0, x1, y1]` in points. */
  readonly boxes: { readonly media: number[]; readonly bleed: number[]; readonly trim: number[] };
  /** Problems found (empty for a valid file). */
  readonly problems: readonly string[];
}

/** qpdf's string values: "u:text" (Unicode) or "b:hex"; names start with "/". */
const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/^u:/, '') : '');

/** qpdf's view of `file` and the PDF/X-1a:2003 problems in it, with `expectedIdentifier` as the output condition. */
export function readPdfx(file: string, expectedIdentifier = 'JC200103'): PdfxReport {
  const out = execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file], {
    maxBuffer: 256 * 1024 * 1024,
  }).toString('utf8');
  const json = JSON.parse(out) as { qpdf: [Json, Record<string, Json>] };
  const [header, objects] = json.qpdf;
  const deref = (ref: unknown): Json => {
    const object = objects[`obj:${String(ref)}`];
    return ((object?.value ?? object?.stream) as Json | undefined) ?? {};
  };
  const trailer = (objects.trailer?.value ?? {}) as Json;
  const info = deref(trailer['/Info']);
  const catalog = deref(trailer['/Root']);
  const intents = (catalog['/OutputIntents'] ?? []) as unknown[];
  const outputIntent = deref(intents[0]);
  const metadata = deref(catalog['/Metadata']) as { data?: string };
  const xmp = Buffer.from(metadata.data ?? '', 'base64').toString('utf8');

  const operators = new Set<string>();
  const colourSpaces: string[] = [];
  for (const [key, object] of Object.entries(objects)) {
    if (!key.startsWith('obj:') || !object.stream) continue;
    const stream = object.stream as { dict: Json; data?: string };
    if (stream.dict['/Type'] === '/Metadata') continue;
    const content = Buffer.from(stream.data ?? '', 'base64').toString('latin1');
    for (const token of content.split(/\s+/)) if (/^[A-Za-z'"*]+$/.test(token)) operators.add(token);
  }
  for (const object of Object.values(objects)) {
    const value = JSON.stringify(object.value ?? object.stream ?? {});
    for (const space of ['/DeviceRGB', '/CalRGB', '/ICCBased', '/DeviceN', '/Pattern']) {
      if (value.includes(space)) colourSpaces.push(space);
    }
  }

  const problems: string[] = [];
  const version = String(header.pdfversion);
  if (version !== '1.4') problems.push(`version ${version}, not 1.4`);
  if (intents.length !== 1) problems.push(`${intents.length} OutputIntents`);
  if (outputIntent['/S'] !== '/GTS_PDFX') problems.push(`OutputIntent /S ${String(outputIntent['/S'])}`);
  if (outputIntent['/Type'] !== '/OutputIntent') problems.push('OutputIntent without /Type /OutputIntent');
  if (text(outputIntent['/OutputConditionIdentifier']) !== expectedIdentifier)
    problems.push(`OutputConditionIdentifier ${String(outputIntent['/OutputConditionIdentifier'])}`);
  if (text(outputIntent['/RegistryName']) !== 'http://www.color.org') problems.push('RegistryName missing');
  if (!text(outputIntent['/Info'])) problems.push('OutputIntent /Info missing');
  if (info['/Trapped'] !== '/False') problems.push(`/Trapped ${String(info['/Trapped'])}`);
  if (text(info['/GTS_PDFXVersion']) !== 'PDF/X-1:2003') problems.push('GTS_PDFXVersion missing');
  for (const key of ['/Title', '/CreationDate', '/ModDate', '/Producer', '/Creator'])
    if (!info[key]) problems.push(`Info ${key} missing`);
  if (!xmp.includes('<pdfx:GTS_PDFXVersion>PDF/X-1:2003</pdfx:GTS_PDFXVersion>'))
    problems.push('XMP without GTS_PDFXVersion');
  if (!xmp.includes('<pdf:Trapped>False</pdf:Trapped>')) problems.push('XMP without pdf:Trapped');
  if (!Array.isArray(trailer['/ID'])) problems.push('no document ID');
  const page = Object.values(objects).find((o) => (o.value as Json | undefined)?.['/Type'] === '/Page')?.value as
    Json | undefined;
  if (!page?.['/TrimBox'] || !page['/BleedBox']) problems.push('TrimBox or BleedBox missing');
  const unexpected = [...operators].filter((op) => !ALLOWED_OPERATORS.has(op));
  if (unexpected.length) problems.push(`operators other than CMYK paths: ${unexpected.join(' ')}`);
  if (colourSpaces.length) problems.push(`colour spaces: ${colourSpaces.join(' ')}`);
  const box = (key: string): number[] => (page?.[key] as number[] | undefined) ?? [];
  const boxes = { media: box('/MediaBox'), bleed: box('/BleedBox'), trim: box('/TrimBox') };
  return { version, outputIntent, info, xmp, operators: [...operators].sort(), boxes, problems };
}

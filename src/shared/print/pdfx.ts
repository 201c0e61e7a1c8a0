/**
 * PDF/X-1a:2003 (ISO 15930-4) for the PDFs `render-pdf.ts` writes: a PDF 1.4 header,
 * an OutputIntent naming a registered printing condition, `/Trapped /False`,
 * `GTS_PDFXVersion` in the document information, and XMP metadata that says the same.
 * The rest of what X-1a asks is true of every scene already: CMYK only, no fonts
 * (text is outlined), no images, no transparency, TrimBox and BleedBox set, a
 * document ID.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import { PDFDict, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { OutputCondition } from './output-conditions.ts';

/** `GTS_PDFXVersion` and `GTS_PDFXConformance` of PDF/X-1a:2003. */
export const PDFX_VERSION = 'PDF/X-1:2003';
export const PDFX_CONFORMANCE = 'PDF/X-1a:2003';

export interface PdfxMetadata {
  readonly title: string;
  readonly author?: string | undefined;
  readonly subject?: string | undefined;
  readonly creator: string;
  readonly producer: string;
  readonly date: Date;
  /** 32 hex digits: the document ID, also the XMP document and instance ID. */
  readonly id: string;
  readonly condition: OutputCondition;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An ISO 8601 date as XMP writes it, to the second, UTC. */
const xmpDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `uuid:` + the 32-digit ID in the 8-4-4-4-12 form. */
const uuid = (id: string): string =>
  `uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`.toLowerCase();

/** A language alternative (`dc:title`, `dc:description`). */
const alt = (tag: string, text: string): string =>
  `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt></${tag}>`;

/** The XMP packet: the same facts as the Info dictionary, as X-1a and readers expect. */
export function xmpPacket(meta: PdfxMetadata): string {
  const date = xmpDate(meta.date);
  const properties = [
    '<dc:format>application/pdf</dc:format>',
    alt('dc:title', meta.title),
    meta.author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    meta.subject ? alt('dc:description', meta.subject) : '',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(meta.creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${escapeXml(meta.producer)}</pdf:Producer>`,
    '<pdf:Trapped>False</pdf:Trapped>',
    `<xmpMM:DocumentID>${uuid(meta.id)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${uuid(meta.id)}</xmpMM:InstanceID>`,
    '<xmpMM:RenditionClass>default</xmpMM:RenditionClass>',
    `<pdfx:GTS_PDFXVersion>${PDFX_VERSION}</pdfx:GTS_PDFXVersion>`,
    `<pdfx:GTS_PDFXConformance>${PDFX_CONFORMANCE}</pdfx:GTS_PDFXConformance>`,
  ].filter(Boolean);
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/">',
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

const HEADER_WRITTEN = '%PDF-1.7';
const HEADER_PDFX = '%PDF-1.4';

/**
 * The saved bytes with the PDF 1.4 header X-1a asks for. pdf-lib 1.17.1 always writes
 * "%PDF-1.7" (its writer ignores the context's header); the file uses nothing newer
 * than 1.4 (no object or cross-reference streams: `useObjectStreams: false`), and the
 * header has the same length, so every offset stays right.
 */
export function withPdfxHeader(bytes: Uint8Array): Uint8Array {
  const head = String.fromCharCode(...bytes.subarray(0, HEADER_WRITTEN.length));
  if (head !== HEADER_WRITTEN) throw new Error(`Unexpected PDF header "${head}"`);
  bytes.set(new TextEncoder().encode(HEADER_PDFX), 0);
  return bytes;
}

/**
 * Make `doc` a PDF/X-1a:2003 file (but for the header: `withPdfxHeader` on the saved bytes): call after the Info dictionary is filled (title,
 * dates, creator, producer), before saving.
 */
export function applyPdfx(doc: PDFDocument, meta: PdfxMetadata): void {
  const { context, catalog } = doc;

  const { condition } = meta;
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(condition.identifier),
    OutputCondition: PDFString.of(condition.condition),
    RegistryName: PDFString.of(condition.registry),
    Info: PDFString.of(condition.name),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));

  // XMP stays uncompressed, so that any tool finds it.
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));

  const info = context.lookup(context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of(PDFX_VERSION));
  info.set(PDFName.of('GTS_PDFXConformance'), PDFString.of(PDFX_CONFORMANCE));
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';

/** Every file under `dir`, relative to it. */
export function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

/** The Flate streams of a PDF, inflated (pdf-lib compresses objects into streams). */
function pdfStreams(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const streams: Uint8Array[] = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      streams.push(inflateSync(bytes.subarray(start, end), { finishFlush: 2 }));
    } catch {
      // not a Flate stream (an image or font kept as it is): its raw bytes were read already
    }
  }
  return streams;
}

/**
 * The bytes of a file as latin1 text, with what it holds compressed: the entries of a ZIP
 * and the inflated streams of a PDF (also inside ZIPs), so a search finds what a reader would.
 */
export function readableText(name: string, bytes: Uint8Array): string {
  const parts = [Buffer.from(bytes).toString('latin1')];
  if (name.endsWith('.zip'))
    for (const [entry, data] of Object.entries(unzipSync(bytes))) parts.push(readableText(entry, data));
  if (name.endsWith('.pdf')) for (const stream of pdfStreams(bytes)) parts.push(Buffer.from(stream).toString('latin1'));
  return parts.join('\n');
}

/** `readableText` of a file on disk. */
export const readableFile = (dir: string, path: string) => readableText(path, readFileSync(join(dir, path)));

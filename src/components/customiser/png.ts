/**
 * PNG in the browser: the engine's scene drawn on a canvas, with the resolution
 * recorded so that an A4 prints at A4.
 *
 * `withPngDensity` is plain byte work (no DOM), unit-tested in Node;
 * `sceneToPng` needs a browser.
 */

import { compactPath, svgArea } from '../../shared/print/render-svg.ts';
import type { Scene } from '../../shared/print/scene.ts';

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as PNG chunks use). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC). */
const AFTER_IHDR = 33;

/**
 * The PNG with a `pHYs` chunk saying `dpi` (as pixels per metre) right after
 * IHDR; an existing `pHYs` is dropped. Throws if the bytes are not a PNG.
 */
export function withPngDensity(png: Uint8Array, dpi: number): Uint8Array {
  if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('Not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, AFTER_IHDR)];
  // The new chunk: length 9, "pHYs", x and y pixels per metre, unit 1 (metre), CRC.
  const perMetre = Math.round(dpi / 0.0254);
  const phys = new Uint8Array(21);
  const out = new DataView(phys.buffer);
  out.setUint32(0, 9);
  phys.set([0x70, 0x48, 0x59, 0x73], 4);
  out.setUint32(8, perMetre);
  out.setUint32(12, perMetre);
  phys[16] = 1;
  out.setUint32(17, crc32(phys.subarray(4, 17)));
  chunks.push(phys);
  for (let at = AFTER_IHDR; at < png.byteLength;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (type !== 'pHYs') chunks.push(png.subarray(at, end));
    at = end;
  }
  const result = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return result;
}

/**
 * Draw a scene's finished area (trim) at `width` × `height` pixels and encode it as PNG
 * (browser only). The scene's rectangles and paths go straight onto a canvas, as its SVG
 * describes them: an image of a blob: URL is not allowed by the site's Content-Security-Policy.
 */
export async function sceneToPng(scene: Scene, width: number, height: number): Promise<Uint8Array> {
  const area = svgArea(scene, 'trim');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.scale(width / area.width, height / area.height);
  context.translate(-area.x, -area.y);
  for (const item of scene.items) {
    context.fillStyle = item.fill.hex;
    if (item.type === 'rect') context.fillRect(item.x, item.y, item.width, item.height);
    else if (item.grid) {
      // A path on a grid (the QR code): whole cells, placed and scaled like the SVG's transform.
      context.save();
      context.translate(item.grid.x, item.grid.y);
      context.scale(item.grid.size, item.grid.size);
      context.fill(new Path2D(compactPath(item.path)));
      context.restore();
    } else context.fill(new Path2D(compactPath(item.path)));
  }
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((result) => (result ? resolve(result) : reject(new Error('Canvas gave no PNG'))), 'image/png'),
  );
  // Free the canvas memory at once (a 150 dpi A3 is 17 MB of pixels).
  canvas.width = 0;
  canvas.height = 0;
  return new Uint8Array(await blob.arrayBuffer());
}

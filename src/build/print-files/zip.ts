/**
 * A small ZIP writer (PKWARE APPNOTE 6.3): STORE or DEFLATE entries, CRC-32,
 * no ZIP64 (every entry and the whole archive stay under 4 GiB, which the
 * print bundles do by far), and a fixed timestamp so the same files give the
 * same bytes.
 *
 * NODE ONLY (node:zlib): used by the build, never by client-side code.
 */

import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated; ASCII is safest (UTF-8 is flagged). */
  readonly name: string;
  readonly data: Uint8Array;
  /**
   * `deflate` compresses (worth it for SVG and text); `store` keeps the bytes
   * (PDF content streams, PNG and WebP are already compressed). Default `store`.
   */
  readonly method?: 'store' | 'deflate';
}

/** The local date and time every entry carries (never "now", so the bytes stay the same). */
export interface ZipDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** A date as the two MS-DOS fields of a ZIP header. */
function dosDateTime(date: ZipDate): { time: number; date: number } {
  return {
    time: (date.hours << 11) | (date.minutes << 5) | (date.seconds >> 1),
    date: ((date.year - 1980) << 9) | (date.month << 5) | date.day,
  };
}

/** General purpose flag bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;
/** "Version needed to extract": 2.0 (deflate, folders). */
const VERSION = 20;
const MAX_32 = 0xffffffff;

/** What the local header and the central directory both say of an entry. */
interface EntryFields {
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly storedSize: number;
  readonly size: number;
  readonly nameLength: number;
  readonly dos: { readonly time: number; readonly date: number };
}

/**
 * Writes the 26 bytes the local file header (at offset 4) and the central directory
 * header (at offset 6) share, in the same order: version needed, flags, method, time,
 * date, CRC-32, compressed and uncompressed size, name length.
 */
function writeEntryFields(header: Buffer, at: number, fields: EntryFields): void {
  header.writeUInt16LE(VERSION, at);
  header.writeUInt16LE(fields.flags, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(fields.dos.time, at + 6);
  header.writeUInt16LE(fields.dos.date, at + 8);
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.storedSize, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
}

/** Build a complete ZIP archive in memory. Throws on duplicate names or sizes needing ZIP64. */
export function createZip(entries: readonly ZipEntry[], date: ZipDate): Buffer {
  const dos = dosDateTime(date);
  const seen = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = entry.name.replace(/\\/g, '/').replace(/^\/+/, '');
    if (!name || name.split('/').includes('..')) throw new Error(`Unsafe ZIP entry name "${entry.name}"`);
    if (seen.has(name)) throw new Error(`Duplicate ZIP entry "${name}"`);
    seen.add(name);

    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const crc = crc32(data) >>> 0;
    let method = entry.method === 'deflate' ? 8 : 0;
    let stored: Buffer = data;
    if (method === 8) {
      stored = deflateRawSync(data, { level: 6 });
      // Incompressible data is stored as it is.
      if (stored.length >= data.length) {
        method = 0;
        stored = data;
      }
    }
    if (data.length >= MAX_32 || stored.length >= MAX_32 || offset >= MAX_32) {
      throw new Error(`ZIP entry "${name}" needs ZIP64, which this writer does not do`);
    }
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : FLAG_UTF8;

    const fields: EntryFields = {
      flags,
      method,
      crc,
      storedSize: stored.length,
      size: data.length,
      nameLength: nameBytes.length,
      dos,
    };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    local.writeUInt16LE(0, 28); // extra field length

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    // Made by: UNIX (3) so the permissions below are read, spec version 2.0.
    central.writeUInt16LE((3 << 8) | VERSION, 4);
    writeEntryFields(central, 6, fields);
    central.writeUInt16LE(0, 30); // extra field length
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number start
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);

    locals.push(local, nameBytes, stored);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + stored.length;
  }

  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  if (entries.length > 0xffff || offset >= MAX_32 || centralSize >= MAX_32) {
    throw new Error('ZIP archive needs ZIP64, which this writer does not do');
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with the central directory
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length

  return Buffer.concat([...locals, ...centrals, end]);
}

import { deflateSync } from 'fflate';

/**
 * How a zip's entries are compressed and checked. fflate's deflate runs in any JavaScript runtime (the
 * app's worker); the server passes Node's zlib, which deflated a package's 60 MB of document XML ten
 * times faster.
 */
export interface ZipCodec {
  /** Raw deflate (RFC 1951), at a zlib level 1–9. */
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    table[byte] = crc;
  }
  return table;
})();

function portableCrc32(data: Uint8Array): number {
  let crc = -1;
  for (let index = 0; index < data.length; index += 1) {
    crc = (CRC_TABLE[(crc ^ (data[index] as number)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}

export const PORTABLE_ZIP_CODEC: ZipCodec = {
  deflateRaw: (data, level) => deflateSync(data, { level: level as 1 }),
  crc32: portableCrc32,
};

export interface ZipEntry {
  readonly path: string;
  readonly data: Uint8Array;
  /** 0 stores the data as it is (pictures, files compressed already); 1–9 deflates it. */
  readonly level: number;
}

/** A local date and time to stamp the entries with, as a file manager shows it. */
export interface ZipTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The earliest a zip can say: parts of a document, whose dates nobody sees, and the same bytes each time. */
const ZIP_EPOCH: ZipTime = { year: 1980, month: 1, day: 1, hour: 0, minute: 0, second: 0 };

/** The general purpose flag that says the entry's name is UTF-8 (the documents' names are Chinese). */
const UTF8_NAME = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const VERSION = 20;
/**
 * Made by a Unix host, its files readable by all (rw-r--r--): Info-ZIP took the names of an archive
 * made on "MS-DOS" for the DOS code page despite the UTF-8 flag, and showed the Chinese as garbage.
 */
const MADE_BY = (3 << 8) | VERSION;
const FILE_MODE = 0o100644;
const MAX_32 = 0xffffffff;

const encoder = new TextEncoder();

/**
 * A zip archive of `entries`, in their order (a .docx wants [Content_Types].xml first). No ZIP64: an
 * entry or archive of 4 GB or more, or more than 65,535 entries, is refused.
 */
export function zipArchive(
  entries: readonly ZipEntry[],
  codec: ZipCodec = PORTABLE_ZIP_CODEC,
  time: ZipTime = ZIP_EPOCH,
): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError(`压缩包最多容纳 65535 个文件，收到 ${entries.length} 个`);
  const dosTime = (time.hour << 11) | (time.minute << 5) | (time.second >> 1);
  const dosDate = ((time.year - 1980) << 9) | (time.month << 5) | time.day;
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const crc = codec.crc32(entry.data);
    const data = entry.level > 0 ? codec.deflateRaw(entry.data, entry.level) : entry.data;
    const method = entry.level > 0 ? DEFLATED : STORED;
    if (entry.data.length >= MAX_32 || offset >= MAX_32) {
      throw new RangeError(`压缩包中的“${entry.path}”超过 4 GB，无法写入`);
    }
    const local = new Uint8Array(30 + name.length);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, VERSION, true);
    view.setUint16(6, UTF8_NAME, true);
    view.setUint16(8, method, true);
    view.setUint16(10, dosTime, true);
    view.setUint16(12, dosDate, true);
    view.setUint32(14, crc, true);
    view.setUint32(18, data.length, true);
    view.setUint32(22, entry.data.length, true);
    view.setUint16(26, name.length, true);
    view.setUint16(28, 0, true);
    local.set(name, 30);

    const header = new Uint8Array(46 + name.length);
    const headerView = new DataView(header.buffer);
    headerView.setUint32(0, 0x02014b50, true);
    headerView.setUint16(4, MADE_BY, true);
    header.set(local.subarray(4, 30), 6);
    // Comment length, disk number and internal attributes stay 0.
    headerView.setUint32(38, FILE_MODE * 0x10000, true);
    headerView.setUint32(42, offset, true);
    header.set(name, 46);

    chunks.push(local, data);
    central.push(header);
    offset += local.length + data.length;
  }
  const centralSize = central.reduce((sum, header) => sum + header.length, 0);
  if (offset + centralSize >= MAX_32) throw new RangeError('压缩包超过 4 GB，无法写入');
  const end = new Uint8Array(22);
  const endView = new DataView(end.buffer);
  endView.setUint32(0, 0x06054b50, true);
  endView.setUint16(8, entries.length, true);
  endView.setUint16(10, entries.length, true);
  endView.setUint32(12, centralSize, true);
  endView.setUint32(16, offset, true);
  const archive = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const chunk of [...chunks, ...central, end]) {
    archive.set(chunk, at);
    at += chunk.length;
  }
  return archive;
}

import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BIT_DEPTH = 8;
const RGBA = 6;
/** Level 3, as the documents' XML: the charts are flat colours, and level 6 took twice as long. */
const LEVEL = 3;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Opaque 8-bit RGBA pixels, row by row, as a PNG: every row unfiltered, deflated by zlib. resvg's own
 * encoder tries a filter for each row and took as long as drawing the chart did; the pixels read back
 * the same.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) {
    throw new RangeError(`PNG 像素数据长度 ${rgba.length} 与 ${width}×${height} 不符`);
  }
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  const raw = Buffer.allocUnsafe((stride + 1) * height);
  for (let row = 0; row < height; row += 1) {
    const at = row * (stride + 1);
    raw[at] = 0;
    pixels.copy(raw, at + 1, row * stride, (row + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = BIT_DEPTH;
  header[9] = RGBA;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: LEVEL })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

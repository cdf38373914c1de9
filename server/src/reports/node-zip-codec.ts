import { crc32, deflateRawSync } from 'node:zlib';
import type { ZipCodec } from '@core/documents/zip-archive';

/**
 * Node's zlib for the documents' zips: a package deflates some 60 MB of document XML, which fflate
 * took over a second of CPU for and zlib a tenth of that.
 */
export const NODE_ZIP_CODEC: ZipCodec = {
  deflateRaw: (data, level) => deflateRawSync(data, { level }),
  crc32: (data) => crc32(data),
};

import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PORTABLE_ZIP_CODEC, type ZipCodec, type ZipEntry, zipArchive } from './zip-archive';

const encoder = new TextEncoder();
const xml = encoder.encode(
  `<?xml version="1.0"?><w:document>${'<w:p>运维月报</w:p>'.repeat(2000)}</w:document>`,
);
const picture = Uint8Array.from({ length: 3000 }, (_, index) => (index * 7919) % 256);
const entries: ZipEntry[] = [
  { path: '[Content_Types].xml', data: encoder.encode('<Types/>'), level: 3 },
  { path: '00-全部运维子项/运维月报-2026年6月-全部子项.docx', data: xml, level: 3 },
  { path: 'word/media/image1.png', data: picture, level: 0 },
  { path: 'empty.txt', data: new Uint8Array(), level: 3 },
];
const NODE: ZipCodec = {
  deflateRaw: (data, level) => deflateRawSync(data, { level }),
  crc32: (data) => crc32(data),
};

describe('zip archives', () => {
  it('checks entries with the same CRC-32 as zlib', () => {
    for (const { data } of entries) expect(PORTABLE_ZIP_CODEC.crc32(data)).toBe(crc32(data));
  });

  for (const [name, codec] of [
    ['the portable codec', PORTABLE_ZIP_CODEC],
    ["Node's zlib", NODE],
  ] as const) {
    it(`with ${name}: Info-ZIP tests it, and fflate and JSZip read back each entry, in order, with its Chinese name`, async () => {
      const archive = zipArchive(entries, codec, {
        year: 2026,
        month: 7,
        day: 7,
        hour: 10,
        minute: 30,
        second: 58,
      });
      const dir = await mkdtemp(join(tmpdir(), 'yunwei-zip-'));
      try {
        await writeFile(join(dir, 'a.zip'), archive);
        expect(execFileSync('unzip', ['-tq', join(dir, 'a.zip')], { encoding: 'utf8' })).toMatch(/No errors/);
        const listing = execFileSync('unzip', ['-Z', '-T', join(dir, 'a.zip')], { encoding: 'utf8' });
        expect(listing).toContain('20260707.103058');
        expect(listing).toContain('00-全部运维子项/运维月报-2026年6月-全部子项.docx');
        expect(listing).toContain('-rw-r--r--');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      const read = unzipSync(archive);
      expect(Object.keys(read)).toEqual(entries.map((entry) => entry.path));
      for (const entry of entries) expect(read[entry.path]).toEqual(entry.data);
      const zip = await JSZip.loadAsync(archive);
      expect(await zip.file(entries[1]?.path ?? '')?.async('uint8array')).toEqual(xml);
      // The XML was deflated, the picture stored.
      expect(archive.length).toBeLessThan(xml.length / 10 + picture.length + 1000);
    });
  }

  it('dates a document’s parts 1980-01-01, so the same document is the same bytes', () => {
    expect(zipArchive(entries)).toEqual(zipArchive(entries));
    const local = zipArchive([{ path: 'a', data: new Uint8Array(), level: 0 }]);
    expect([local[10], local[11], local[12], local[13]]).toEqual([0, 0, 0x21, 0]);
  });
});

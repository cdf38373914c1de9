import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, getBlob, putBlob } from './blob-store';
import { testDatabases } from '../testing/test-databases';

const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const databases = testDatabases('blobs');
const freshDatabase = databases.fresh;

describe('putBlob', () => {
  it('keys the bytes by their SHA-256 and stores the same bytes once', async () => {
    const db = await freshDatabase();
    const first = await putBlob(db, new Blob(['abc'], { type: 'text/plain;charset=utf-8' }), ' 说明.txt ');
    const again = await putBlob(db, new Blob(['abc'], { type: 'text/plain' }), '另一个名字.txt');
    expect(first).toEqual({ sha256: ABC_SHA256, name: '说明.txt', mime: 'text/plain', size: 3 });
    expect(again).toEqual({ sha256: ABC_SHA256, name: '另一个名字.txt', mime: 'text/plain', size: 3 });
    expect(await db.blobs.count()).toBe(1);
    const stored = await getBlob(db, ABC_SHA256);
    expect(stored?.name).toBe('说明.txt');
    expect(await stored?.data.text()).toBe('abc');
  });

  it('gives a file without a usable type the generic one', async () => {
    const db = await freshDatabase();
    expect((await putBlob(db, new Blob([new Uint8Array([1, 2])]), 'dump.bin')).mime).toBe(
      'application/octet-stream',
    );
  });

  it('refuses a file over 20 MB with a message naming it and the limit, storing nothing', async () => {
    const db = await freshDatabase();
    const exact = new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES)], { type: 'image/png' });
    await expect(putBlob(db, exact, '刚好 20MB.png')).resolves.toMatchObject({ size: MAX_ATTACHMENT_BYTES });
    const tooBig = new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], { type: 'image/png' });
    await expect(putBlob(db, tooBig, '机房照片.png')).rejects.toMatchObject({
      kind: 'invalid',
      message:
        '附件“机房照片.png”有 20.0 MB，超过单个附件 20 MB 的上限：请压缩、截取或分成几个文件后再添加。',
    });
    expect(await db.blobs.count()).toBe(1);
  });

  it('refuses an attachment without a name', async () => {
    const db = await freshDatabase();
    await expect(putBlob(db, new Blob(['x']), '  ')).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('没有文件名'),
    });
  });
});

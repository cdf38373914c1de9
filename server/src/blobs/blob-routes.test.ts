import { createHash } from 'node:crypto';
import type { PushResponse } from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { suiteTitle, testBackends } from '../test-support/test-databases';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`blobs on ${suiteTitle(backend)}`, () => {
    let api: TestApi;
    let uploader: string;
    let colleague: string;
    let outsider: string;
    const photo = Buffer.from('\x89PNG 机房温度计照片');
    const hash = sha256(photo);

    const put = (token: string, key: string, body: Buffer) =>
      api.request('PUT', `/api/v1/blobs/${key}`, {
        token,
        body,
        headers: { 'content-type': 'application/octet-stream' },
      });
    const get = (token: string, key: string) => api.request('GET', `/api/v1/blobs/${key}`, { token });

    beforeAll(async () => {
      api = await startTestApi(backend);
      await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1] });
      await api.createUser('lisi', { role: 'engineer', subsystemIds: [1] });
      await api.createUser('wangwu', { role: 'engineer', subsystemIds: [2] });
      await api.createUser('zhaoliu', { role: 'auditor' });
      uploader = await api.tokenFor('zhangsan');
      colleague = await api.tokenFor('lisi');
      outsider = await api.tokenFor('wangwu');
    }, 120_000);

    afterAll(async () => {
      await api.dispose();
    });

    it('stores a blob whose content matches its address, once', async () => {
      const first = await put(uploader, hash, photo);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ sha256: hash, size: photo.byteLength, created: true });
      const second = await put(colleague, hash, photo);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toEqual({ sha256: hash, size: photo.byteLength, created: false });
    });

    it('refuses content whose SHA-256 is not the one in the address', async () => {
      const response = await put(uploader, 'b'.repeat(64), photo);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: 'hash_mismatch',
        message: `收到的内容的 SHA-256 为 ${hash}，与地址中的 ${'b'.repeat(64)} 不符：上传可能不完整，请重新上传`,
      });
      expect((await get(uploader, 'b'.repeat(64))).statusCode).toBe(404);
      expect((await put(uploader, 'NOT-A-HASH', photo)).statusCode).toBe(400);
    });

    it('refuses a blob over the size limit before reading it', async () => {
      const big = Buffer.alloc(20 * 1024 * 1024 + 1);
      const response = await put(uploader, sha256(big), big);
      expect(response.statusCode).toBe(413);
      expect(response.json().error.message).toBe('单个附件不能超过 20 MB（收到 20971521 字节）');
    });

    it('keeps auditors from uploading', async () => {
      const response = await put(await api.tokenFor('zhaoliu'), hash, photo);
      expect(response.statusCode).toBe(403);
    });

    it('gives a blob back to its uploader, and to others once a record they may read refers to it', async () => {
      const mine = await get(uploader, hash);
      expect(mine.statusCode).toBe(200);
      expect(mine.rawPayload.equals(photo)).toBe(true);
      expect(mine.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      const secret = Buffer.from('另一张照片');
      await put(uploader, sha256(secret), secret);
      const refused = await get(outsider, sha256(secret));
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toBe(
        '您无权下载这个附件：它不是您上传的，也没有您可查看的记录引用它',
      );

      const client = new SimClient('pc-blob-0001');
      const ticket = {
        ...ticketRecord(uuid(0xb10b, 1), 1),
        attachments: [
          { sha256: sha256(secret), name: '照片.jpg', mime: 'image/jpeg', size: secret.byteLength },
        ],
      };
      const pushed = await api.request('POST', '/api/v1/sync/push', {
        token: uploader,
        body: client.batch([client.op(ticket, fieldsOf(ticket))]),
      });
      expect(pushed.json<PushResponse>().results[0]?.status).toBe('applied');
      expect((await get(colleague, sha256(secret))).statusCode).toBe(200);
      expect((await get(outsider, sha256(secret))).statusCode).toBe(403);
      expect((await get(outsider, 'c'.repeat(64))).statusCode).toBe(404);
      expect(
        (await api.request('HEAD', `/api/v1/blobs/${sha256(secret)}`, { token: colleague })).statusCode,
      ).toBe(200);
    });
  });
}

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SCHEMA_VERSION_HEADER, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, TEST_PASSWORD, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { suiteTitle, testBackends } from '../test-support/test-databases';

const EMPTY_SHA256 = createHash('sha256').update(Buffer.alloc(0)).digest('hex');

/** Requests a hostile client sends with a valid login and the right headers: 4xx, JSON, nothing written. */
for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`hostile requests on ${suiteTitle(backend)}`, () => {
    let api: TestApi;
    let workDir: string;
    let token: string;
    const logLines: string[] = [];

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), 'yunwei-hostile-test-'));
      const staticDir = join(workDir, 'dist');
      await mkdir(staticDir, { recursive: true });
      await writeFile(join(staticDir, 'index.html'), '<!doctype html><html lang="zh-CN"></html>');
      api = await startTestApi(
        backend,
        {},
        { staticDir, logLevel: 'info', logStream: { write: (line) => logLines.push(line) } },
      );
      await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1, 5] });
      token = await api.tokenFor('zhangsan');
    }, 120_000);

    afterAll(async () => {
      await api.dispose();
      await rm(workDir, { recursive: true, force: true });
    });

    const count = async (table: 'blobs' | 'sync_records' | 'sync_clients') =>
      (await api.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n;
    const expectJsonError = (
      response: { statusCode: number; json(): unknown },
      status: number,
      code: string,
    ) => {
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
    };

    it('refuses a blob upload that is not application/octet-stream with 415 and stores nothing', async () => {
      for (const contentType of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
        const response = await api.request('PUT', `/api/v1/blobs/${EMPTY_SHA256}`, {
          token,
          body: contentType === 'application/json' ? '{"a":1}' : 'a=1',
          headers: { 'content-type': contentType },
        });
        expectJsonError(response, 415, 'unsupported_media_type');
      }
      const bare = await api.request('PUT', `/api/v1/blobs/${EMPTY_SHA256}`, { token });
      expectJsonError(bare, 415, 'unsupported_media_type');
      expect(await count('blobs')).toBe(0);
      const octets = await api.request('PUT', `/api/v1/blobs/${EMPTY_SHA256}`, {
        token,
        body: Buffer.alloc(0),
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(octets.statusCode).toBe(201);
    });

    it('answers a text/plain body on push, pull and login with 415', async () => {
      const client = new SimClient('pc-plain-0001');
      const ticket = ticketRecord(uuid(0x515, 1), 1);
      const bodies = {
        '/api/v1/sync/push': JSON.stringify(client.batch([client.op(ticket, fieldsOf(ticket))])),
        '/api/v1/sync/pull': JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, cursor: null }),
        '/api/v1/auth/login': JSON.stringify({ username: 'zhangsan', password: TEST_PASSWORD }),
      };
      for (const [url, body] of Object.entries(bodies)) {
        const response = await api.request('POST', url, {
          token,
          body,
          headers: { 'content-type': 'text/plain' },
        });
        expectJsonError(response, 415, 'unsupported_media_type');
      }
      expect(await count('sync_clients')).toBe(0);
    });

    it('refuses an object key that would poison a prototype with 400 and writes nothing', async () => {
      const client = new SimClient('pc-poison-001');
      const ticket = ticketRecord(uuid(0x515, 2), 1);
      const batch = JSON.stringify(
        client.batch([client.op(ticket, { ...fieldsOf(ticket), reporter: 'KEYS' })]),
      );
      for (const keys of ['{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}']) {
        const response = await api.request('POST', '/api/v1/sync/push', {
          token,
          body: batch.replace('"KEYS"', keys),
          headers: { 'content-type': 'application/json' },
        });
        expectJsonError(response, 400, 'invalid_json');
      }
      expect(await count('sync_records')).toBe(0);
    });

    it('answers a body with a huge unknown key in a bounded message', async () => {
      const key = `k${'x'.repeat(1024 * 1024)}`;
      const client = new SimClient('pc-bigkey-001');
      const ticket = ticketRecord(uuid(0x515, 3), 1);
      const response = await api.request('POST', '/api/v1/sync/push', {
        token,
        body: { ...client.batch([client.op(ticket, fieldsOf(ticket))]), [key]: 1 },
      });
      expectJsonError(response, 400, 'invalid_body');
      expect(response.body.length).toBeLessThan(10_000);
    });

    it('never lets an API path fall through to the web app’s files', async () => {
      for (const path of [
        `/api/v1/sync/history/${'a'.repeat(8192)}`,
        '/api/v1/sync/history/../../index.html',
        '/api/v1/sync/history/..%2F..%2Findex.html',
        '/api/v1/nothing/here',
        '/api',
        '/api/',
      ]) {
        const response = await api.request('GET', path, { token });
        expect([400, 404], path).toContain(response.statusCode);
        expect(response.headers['content-type'], path).toMatch(/^application\/json/);
        expect(response.body.length, path).toBeLessThan(1000);
      }
    });

    it('names the route’s own limit when a body without a length runs past it', async () => {
      const cases = [
        { url: '/api/v1/sync/push', method: 'POST', bytes: 9 * 1024 * 1024, limit: '8 MB' },
        { url: '/api/v1/auth/login', method: 'POST', bytes: 5 * 1024, limit: '4 KB' },
        { url: '/api/v1/sync/pull', method: 'POST', bytes: 17 * 1024, limit: '16 KB' },
      ] as const;
      for (const { url, method, bytes, limit } of cases) {
        const response = await api.app.inject({
          method,
          url,
          headers: {
            [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
          },
          payload: Readable.from([Buffer.alloc(bytes, 0x20)]),
        });
        expectJsonError(response, 413, 'payload_too_large');
        expect(response.json().error.message, url).toContain(limit);
      }
      const blob = await api.app.inject({
        method: 'PUT',
        url: `/api/v1/blobs/${'b'.repeat(64)}`,
        headers: {
          [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
        },
        payload: Readable.from([Buffer.alloc(21 * 1024 * 1024)]),
      });
      expectJsonError(blob, 413, 'payload_too_large');
      expect(blob.json().error.message).toContain('20 MB');
    });

    it('logs a client’s mistake as one line without a stack, below error level', async () => {
      logLines.length = 0;
      await api.request('POST', '/api/v1/sync/pull', { token, body: { schemaVersion: 'x' } });
      const rejected = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.statusCode === 400);
      expect(rejected.length).toBeGreaterThan(0);
      for (const entry of rejected) {
        expect(entry.level).toBeLessThan(50);
        expect(JSON.stringify(entry)).not.toContain('stack');
      }
      expect(rejected).toContainEqual(expect.objectContaining({ code: 'invalid_body' }));
    });

    it('gives the health probe’s server time in epoch milliseconds', async () => {
      const response = await api.request('GET', '/api/v1/health', { withoutSchemaVersion: true });
      expect(response.json().serverTime).toBe(api.clock.now);
    });
  });
}

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { createMigratedDatabase, pgliteBackend } from '../test-support/test-databases';
import { ApiError } from './api-error';
import { DEFAULT_BODY_LIMIT_BYTES, buildApp } from './app';

const SECRET = 'connection string postgres://admin:hunter2@db.internal';

describe('buildApp errors, limits and headers', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const logLines: string[] = [];

  beforeAll(async () => {
    ({ db, dispose } = await createMigratedDatabase(pgliteBackend));
    app = buildApp({
      db,
      version: '1.0.0',
      bodyLimitBytes: 1024,
      logLevel: 'error',
      logStream: { write: (line) => logLines.push(line) },
    });
    // Routes standing in for the API routes later issues add, to exercise the shared error handling.
    app.post(
      '/api/v1/echo',
      {
        schema: {
          body: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' } },
            additionalProperties: false,
          },
        },
      },
      async (request) => request.body,
    );
    app.get('/api/v1/crash', async () => {
      throw new Error(SECRET);
    });
    app.get('/api/v1/conflict', async () => {
      throw new ApiError(409, 'record_changed', '记录已被他人修改');
    });
    app.get('/api/v1/teapot', async () => {
      throw Object.assign(new Error('short and stout'), { statusCode: 418 });
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const postJson = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/v1/echo', payload, headers: { 'content-type': contentType } });

  it('accepts a valid body', async () => {
    const response = await postJson(JSON.stringify({ name: '张三' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: '张三' });
  });

  it('answers a body that fails validation with 400 and the reason', async () => {
    const response = await postJson(JSON.stringify({ title: '张三' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'validation_failed', message: "请求参数无效：body must have required property 'name'" },
    });
  });

  it('answers malformed or empty JSON with 400', async () => {
    for (const payload of ['{"name":', '']) {
      const response = await postJson(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: { code: 'invalid_json', message: '请求体不是有效的 JSON' } });
    }
  });

  it('answers a body type it cannot read with 415', async () => {
    const response = await postJson('<name/>', 'application/xml');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      error: { code: 'unsupported_media_type', message: '不支持的请求体类型：application/xml' },
    });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await postJson(JSON.stringify({ name: 'x'.repeat(1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: { code: 'payload_too_large', message: '请求体不能超过 1 KB' },
    });
  });

  it('hides a server error from the client and logs it with its stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal_error', message: '服务器内部错误，详情已记入服务器日志' },
    });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('.ts:');
    const logged = logLines.map((line) => JSON.parse(line)).find((entry) => entry.err?.message === SECRET);
    expect(logged?.err.stack).toContain('app.test.ts');
  });

  it('passes an ApiError through as the route meant it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: { code: 'record_changed', message: '记录已被他人修改' } });
  });

  it('keeps the status of other client errors', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/teapot' });
    expect(response.statusCode).toBe(418);
    expect(response.json()).toEqual({ error: { code: 'bad_request', message: '请求无效：short and stout' } });
  });

  it('answers unknown API paths with a JSON 404, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await app.inject({
        method,
        url: '/api/v2/nothing?x=1',
        headers: { accept: 'text/html' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: `没有这个地址：${method} /api/v2/nothing` },
      });
    }
  });

  it('answers every path with a JSON 404 when it serves no web app', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/tickets/42',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('answers a badly encoded URL with 400 and the security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'bad_url', message: '请求地址的编码无效' } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the security headers on successes and errors alike', async () => {
    for (const url of ['/api/v1/health', '/api/v1/crash', '/nothing']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
    }
  });

  it('limits bodies to 1 MiB by default', async () => {
    const defaults = buildApp({ db, version: '1.0.0', logLevel: 'silent' });
    defaults.post('/api/v1/echo', async (request) => request.body);
    try {
      const fits = JSON.stringify({ name: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES - 100) });
      const tooLarge = JSON.stringify({ name: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES) });
      const send = (payload: string) =>
        defaults.inject({
          method: 'POST',
          url: '/api/v1/echo',
          payload,
          headers: { 'content-type': 'application/json' },
        });
      expect((await send(fits)).statusCode).toBe(200);
      expect((await send(tooLarge)).statusCode).toBe(413);
    } finally {
      await defaults.close();
    }
  });

  it('rejects a body limit that is not a positive whole number of bytes', () => {
    expect(() => buildApp({ db, version: '1.0.0', bodyLimitBytes: 0 })).toThrow(
      '请求体上限应为正整数（字节），实为 0',
    );
  });
});

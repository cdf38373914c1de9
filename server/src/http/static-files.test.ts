import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { createMigratedDatabase, pgliteBackend } from '../test-support/test-databases';
import { buildApp } from './app';

const INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("运维台");';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('serving the built web app', () => {
  let db: Database;
  let disposeDb: () => Promise<void>;
  let workDir: string;
  let staticDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ db, dispose: disposeDb } = await createMigratedDatabase(pgliteBackend));
    workDir = await mkdtemp(join(tmpdir(), 'yunwei-static-test-'));
    staticDir = join(workDir, 'dist');
    await mkdir(join(staticDir, 'assets'), { recursive: true });
    await writeFile(join(staticDir, 'index.html'), INDEX);
    await writeFile(join(staticDir, 'assets', 'index-B9xQ2k7a.js'), SCRIPT);
    await writeFile(join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(staticDir, '.env'), 'SECRET=1');
    await writeFile(join(workDir, 'outside.txt'), 'outside the web root');
    app = buildApp({ db, version: '1.0.0', staticDir, logLevel: 'silent' });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await disposeDb();
    await rm(workDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('serves index.html at / and has browsers revalidate it', async () => {
    for (const url of ['/', '/index.html']) {
      const response = await get(url, HTML);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('lets browsers keep hashed assets for good', async () => {
    const response = await get('/assets/index-B9xQ2k7a.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(SCRIPT);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has browsers revalidate files outside assets/, whose names do not change', async () => {
    const response = await get('/favicon.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it("answers a browser navigating to a client route with the app's index.html", async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const response = await app.inject({ method, url: '/tickets/42?tab=history', headers: HTML });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      if (method === 'GET') expect(response.body).toBe(INDEX);
    }
  });

  it('answers a missing asset with a JSON 404, never with the page', async () => {
    const response = await get('/assets/index-gone.js', { accept: '*/*' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: '没有这个地址：GET /assets/index-gone.js' },
    });
  });

  it('never answers API paths with the page', async () => {
    for (const url of ['/api', '/api/v1/unknown']) {
      const response = await get(url, HTML);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('does not fall back to the page for other methods', async () => {
    const response = await app.inject({ method: 'POST', url: '/tickets/42', headers: HTML });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  it('serves nothing outside the web root, nor dotfiles', async () => {
    for (const url of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/.env']) {
      const response = await get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body, url).not.toContain('outside the web root');
      expect(response.body, url).not.toContain('SECRET');
    }
  });

  it('refuses a directory without index.html, naming it', async () => {
    expect(() => buildApp({ db, version: '1.0.0', staticDir: workDir, logLevel: 'silent' })).toThrow(
      `网页目录 ${workDir} 中没有 index.html`,
    );
  });
});

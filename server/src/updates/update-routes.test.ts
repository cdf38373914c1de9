import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app';
import { createMigratedDatabase, pgliteBackend } from '../test-support/test-databases';
import { publishRelease } from './release-store';
import { writeRelease } from './testing-release';

describe('GET /updates/…', () => {
  let work: string;
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let installerName: string;
  let installerFile: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yunwei-feed-'));
    const release = writeRelease(work, { version: '0.2.0' });
    ({ installerName, installerFile } = release);
    const updatesDir = join(work, 'updates');
    await publishRelease(updatesDir, [release.installerFile, release.feedFile]);
    writeFileSync(join(updatesDir, '.publishing-1-latest.yml'), 'half written');
    const database = await createMigratedDatabase(pgliteBackend);
    dispose = database.dispose;
    app = buildApp({ db: database.db, version: 'test', logLevel: 'silent', updatesDir });
  });

  afterAll(async () => {
    await app.close();
    await dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('serves the feed file and the installer, revalidated on every use', async () => {
    const feed = await app.inject({ method: 'GET', url: '/updates/latest-linux.yml' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['cache-control']).toBe('no-cache');
    expect(feed.body).toContain('version: 0.2.0');
    const installer = await app.inject({ method: 'GET', url: `/updates/${installerName}` });
    expect(installer.statusCode).toBe(200);
    expect(installer.rawPayload).toEqual(readFileSync(installerFile));
  });

  it('never serves a file being published, a listing, or anything outside the folder', async () => {
    for (const url of [
      '/updates/.publishing-1-latest.yml',
      '/updates/',
      '/updates/../package.json',
      '/updates/%2e%2e/package.json',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect([403, 404], url).toContain(response.statusCode);
    }
  });
});

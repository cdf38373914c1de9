import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_PATHS,
  SCHEMA_VERSION_HEADER,
  SYNC_SCHEMA_VERSION,
  loginResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '@core/sync/protocol';
import { addUser } from './accounts/user-admin';
import { withMigratedDatabase } from './db/with-database';
import { HSTS_HEADER_VALUE } from './http/app';
import { type RunningServer, startServer } from './start-server';
import { TEST_ARGON2, TEST_PASSWORD } from './test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord } from './test-support/sim-client';
import { pgliteBackend, type TestTarget } from './test-support/test-databases';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A certificate for 127.0.0.1 made by openssl for this test only, as the deployment guide shows. */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

function send(
  requestFn: typeof httpRequest | typeof httpsRequest,
  url: string,
  init: { method?: string; body?: unknown; token?: string; ca?: string; host?: string } = {},
): Promise<Answer> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = { [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.host !== undefined) headers.host = init.host;
  return new Promise((resolveAnswer, rejectAnswer) => {
    const outgoing = requestFn(
      url,
      { method: init.method ?? 'GET', headers, ...(init.ca === undefined ? {} : { ca: init.ca }) },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolveAnswer({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    outgoing.on('error', rejectAnswer);
    outgoing.end(body);
  });
}

describe('startServer with a TLS certificate', () => {
  let dir: string;
  let testTarget: TestTarget;
  let credentials: { cert: string; key: string };
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yunwei-tls-'));
    credentials = selfSignedCertificate(dir);
    testTarget = await pgliteBackend.createTarget();
    const dataDir = testTarget.target.dataDir ?? '';
    await withMigratedDatabase({ dataDir }, (db) =>
      addUser(
        db,
        { name: 'zhangsan', scope: { role: 'engineer', subsystemIds: [1] }, password: TEST_PASSWORD },
        { actor: 'cli:test', now: Date.now(), knownUnitIds: [1], argon2: TEST_ARGON2 },
      ),
    );
    server = await startServer({
      port: 0,
      httpRedirectPort: 0,
      dataDir,
      logLevel: 'silent',
      tls: credentials,
      security: { argon2: TEST_ARGON2 },
    });
  });

  afterAll(async () => {
    await server.close();
    await testTarget.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports an https URL and sends HSTS with every answer', async () => {
    expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
    const health = await send(httpsRequest, `${server.url}${API_PATHS.health}`, { ca: credentials.cert });
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe(HSTS_HEADER_VALUE);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', plainHttpAllowed: false });
  });

  it('signs in and completes a sync round (push, then pull) over HTTPS', async () => {
    const login = await send(httpsRequest, `${server.url}${API_PATHS.login}`, {
      method: 'POST',
      body: { username: 'zhangsan', password: TEST_PASSWORD },
      ca: credentials.cert,
    });
    expect(login.status, login.body).toBe(200);
    const { token } = loginResponseSchema.parse(JSON.parse(login.body));

    const client = new SimClient('tls-client-1');
    const ticket = ticketRecord('00000000-0000-4000-8000-0000000000a1', 1);
    const push = await send(httpsRequest, `${server.url}${API_PATHS.push}`, {
      method: 'POST',
      body: client.batch([client.op(ticket, fieldsOf(ticket))]),
      token,
      ca: credentials.cert,
    });
    expect(push.status, push.body).toBe(200);
    expect(pushResponseSchema.parse(JSON.parse(push.body)).results[0]).toMatchObject({ status: 'applied' });

    const pull = await send(httpsRequest, `${server.url}${API_PATHS.pull}`, {
      method: 'POST',
      body: { schemaVersion: SYNC_SCHEMA_VERSION },
      token,
      ca: credentials.cert,
    });
    expect(pull.status, pull.body).toBe(200);
    const changes = pullResponseSchema.parse(JSON.parse(pull.body)).changes;
    expect(changes.map((change) => change.recordId)).toContain(ticket.id);
  });

  it('refuses a client that does not trust the certificate', async () => {
    await expect(send(httpsRequest, `${server.url}${API_PATHS.health}`)).rejects.toThrow(/self.signed/i);
  });

  it('drops plain HTTP on the HTTPS port without answering it', async () => {
    const answer = send(httpRequest, `http://127.0.0.1:${server.port}${API_PATHS.login}`, {
      method: 'POST',
      body: { username: 'zhangsan', password: TEST_PASSWORD },
    });
    await expect(answer).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('only redirects on the plain HTTP port, to the same path over HTTPS', async () => {
    const port = server.redirectPort ?? 0;
    expect(port).toBeGreaterThan(0);
    const login = await send(httpRequest, `http://127.0.0.1:${port}${API_PATHS.login}`, {
      method: 'POST',
      body: { username: 'zhangsan', password: TEST_PASSWORD },
      host: `yunwei.example.gov.cn:${port}`,
    });
    expect(login.status).toBe(308);
    expect(login.headers.location).toBe(`https://yunwei.example.gov.cn:${server.port}${API_PATHS.login}`);
    expect(login.body).not.toContain('token');

    const hostile = await send(httpRequest, `http://127.0.0.1:${port}/`, { host: 'evil.example/x' });
    expect(hostile.headers.location).toBe(`https://127.0.0.1:${server.port}/`);
  });

  it('refuses a redirect port without TLS, since there would be nothing to redirect to', async () => {
    await expect(
      startServer({ port: 0, httpRedirectPort: 0, dataDir: join(dir, 'unused'), logLevel: 'silent' }),
    ).rejects.toThrow('只有启用 HTTPS');
  });
});

import {
  SCHEMA_VERSION_HEADER,
  SYNC_SCHEMA_VERSION,
  type LoginResponse,
  type PushResponse,
} from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../accounts/user-admin';
import { withMigratedDatabase } from '../db/with-database';
import { type RunningServer, startServer } from '../start-server';
import { TEST_ARGON2, TEST_PASSWORD } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { pgliteBackend, type TestTarget } from '../test-support/test-databases';

/** A server that commits a batch and stops before the client reads the reply. */
describe('a push retried after a server restart', () => {
  let testTarget: TestTarget;
  let server: RunningServer;

  beforeAll(async () => {
    testTarget = await pgliteBackend.createTarget();
    await withMigratedDatabase(testTarget.target, (db) =>
      addUser(
        db,
        { name: 'zhangsan', scope: { role: 'engineer', subsystemIds: [1] }, password: TEST_PASSWORD },
        {
          actor: 'cli:test',
          now: Date.now(),
          knownUnitIds: [],
          argon2: TEST_ARGON2,
        },
      ),
    );
    server = await startServer({ ...testTarget.target, port: 0, logLevel: 'silent' });
  }, 120_000);

  afterAll(async () => {
    await server.close();
    await testTarget.dispose();
  });

  const call = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('gets the results of the first delivery and changes nothing twice', async () => {
    const login = await call('/api/v1/auth/login', { username: 'zhangsan', password: TEST_PASSWORD });
    const { token } = login.body as LoginResponse;
    const client = new SimClient('pc-restart-1');
    const ticket = ticketRecord(uuid(0x5ea7, 1), 1);
    const batch = client.batch([
      client.op(ticket, fieldsOf(ticket), { at: Date.now() }),
      client.op(ticket, { title: '重启前的修改' }, { at: Date.now() }),
    ]);
    const first = await call('/api/v1/sync/push', batch, token);
    expect((first.body as PushResponse).results.map((result) => result.status)).toEqual([
      'applied',
      'applied',
    ]);

    await server.close();
    server = await startServer({ ...testTarget.target, port: 0, logLevel: 'silent' });

    const retried = await call('/api/v1/sync/push', batch, token);
    expect(retried).toEqual(first);
    const pulled = await call(
      '/api/v1/sync/pull',
      { schemaVersion: SYNC_SCHEMA_VERSION, cursor: null },
      token,
    );
    expect(JSON.stringify(pulled.body)).toContain('重启前的修改');
    const history = await fetch(`${server.url}/api/v1/sync/history/${ticket.id}`, {
      headers: { [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION), authorization: `Bearer ${token}` },
    });
    const entries = ((await history.json()) as { entries: unknown[] }).entries;
    expect(entries).toHaveLength(Object.keys(fieldsOf(ticket)).length + 1);
  });
});

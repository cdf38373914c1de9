import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { UserScope } from '@core/auth';
import {
  type LoginResponse,
  type PullResponse,
  type PushRequestInput,
  type PushResponse,
  SYNC_SCHEMA_VERSION,
} from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../accounts/user-admin';
import type { Database } from '../db/database';
import { runMigrations } from '../db/migrations/run-migrations';
import { TEST_ARGON2, TEST_PASSWORD } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { openTestDatabase, postgresBackend, suiteTitle } from '../test-support/test-databases';

const ROOT = join(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'server/src/cli/main.ts');

interface ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly exited: Promise<void>;
}

/**
 * `yunwei serve` on a free port, as an admin would run each of several processes on one database.
 * Node itself runs it (tsx as a loader, not its CLI, which would put the server in a child process
 * that a SIGKILL of ours would not reach).
 */
async function startServer(databaseUrl: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout);
      if (match !== null) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
  return { child, url, exited };
}

async function stop(server: ServerProcess, signal: NodeJS.Signals): Promise<void> {
  server.child.kill(signal);
  await server.exited;
}

const headers = (token?: string) => ({
  'content-type': 'application/json',
  'yunwei-schema-version': String(SYNC_SCHEMA_VERSION),
  ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
});

async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${await response.text()}`);
  return ((await response.json()) as LoginResponse).token;
}

async function push(url: string, token: string, batch: PushRequestInput): Promise<PushResponse> {
  const response = await fetch(`${url}/api/v1/sync/push`, {
    method: 'POST',
    headers: headers(token),
    body: JSON.stringify(batch),
  });
  if (response.status !== 200) throw new Error(`push answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as PushResponse;
}

/** The first `poke` on an event stream, after its `ready`. */
async function nextPoke(url: string, token: string, opened: () => void): Promise<number> {
  const response = await fetch(`${url}/api/v1/sync/events`, { headers: headers(token) });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended before a poke');
      buffer += decoder.decode(value, { stream: true });
      if (buffer.includes('event: ready')) opened();
      const poke = /event: poke\ndata: (.*)\n/.exec(buffer);
      if (poke !== null) return (JSON.parse(poke[1] as string) as { seq: number }).seq;
    }
  } finally {
    await reader.cancel();
  }
}

// Several server processes share a database only on PostgreSQL (PGlite belongs to one process).
describe.skipIf(postgresBackend.skipReason !== undefined)(
  `two server processes on one database, on ${suiteTitle(postgresBackend)}`,
  () => {
    let databaseUrl: string;
    let dispose: () => Promise<void>;
    let db: Database;
    let first: ServerProcess | undefined;
    let second: ServerProcess;

    beforeAll(async () => {
      const target = await postgresBackend.createTarget();
      databaseUrl = target.target.databaseUrl as string;
      dispose = target.dispose;
      db = await openTestDatabase(target.target);
      await runMigrations(db);
      const accounts: [string, UserScope][] = [
        ['lead', { role: 'project_lead' }],
        ['zhangsan', { role: 'engineer', subsystemIds: [1] }],
      ];
      for (const [name, scope] of accounts) {
        await addUser(
          db,
          { name, scope, password: TEST_PASSWORD },
          { actor: 'cli:test', now: Date.now(), knownUnitIds: [], argon2: TEST_ARGON2 },
        );
      }
      [first, second] = await Promise.all([startServer(databaseUrl), startServer(databaseUrl)]);
    }, 120_000);

    afterAll(async () => {
      await Promise.all(
        [first, second].map((server) => (server === undefined ? undefined : stop(server, 'SIGTERM'))),
      );
      await db.close();
      await dispose();
    });

    /** Waits, polling as fast as the database answers, until the client's lastSeq reaches `seq`. */
    async function committed(clientId: string, seq: number): Promise<void> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { rows } = await db.query<{ lastSeq: string }>(
          'select last_seq as "lastSeq" from sync_clients where client_id = $1',
          [clientId],
        );
        if (Number(rows[0]?.lastSeq ?? 0) >= seq) return;
        if (Date.now() > deadline) throw new Error('the push did not commit within 30 s');
      }
    }

    it('pokes a stream on one process after a push through the other', async () => {
      const server = first as ServerProcess;
      const engineer = await login(second.url, 'zhangsan');
      const lead = await login(server.url, 'lead');
      let opened: () => void = () => undefined;
      const streamOpen = new Promise<void>((resolve) => (opened = resolve));
      const poke = nextPoke(second.url, engineer, opened);
      await streamOpen;
      const client = new SimClient('pc-two-proc-1');
      const ticket = ticketRecord(uuid(0x2b, 1), 1);
      const answer = await push(server.url, lead, client.batch([client.op(ticket, fieldsOf(ticket))]));
      expect(answer.results[0]?.status).toBe('applied');
      const { rows } = await db.query<{ seq: string }>(
        'select change_seq as seq from sync_records where record_id = $1',
        [ticket.id],
      );
      expect(await poke).toBe(Number(rows[0]?.seq));
    });

    it('loses nothing and applies nothing twice when one process is killed mid-push and the client retries through the other', async () => {
      const client = new SimClient('pc-two-proc-2');
      const lead = await login(second.url, 'lead');
      const pushed: string[] = [];
      let writes = 0;
      // Killed as the request arrives (nothing committed), and the moment its commit is visible in the
      // database (committed; the answer most likely not sent yet): the two cases a retry must survive.
      for (const [round, killAt] of (['arrival', 'commit', 'arrival', 'commit'] as const).entries()) {
        const server = first ?? (first = await startServer(databaseUrl));
        const tickets = Array.from({ length: 300 }, (_, index) =>
          ticketRecord(uuid(0x2c0 + round, index + 1), 1),
        );
        const batch = client.batch(tickets.map((ticket) => client.op(ticket, fieldsOf(ticket))));
        writes += batch.ops.reduce((sum, op) => sum + op.fields.length, 0);
        pushed.push(...tickets.map((ticket) => ticket.id));
        const token = await login(server.url, 'lead');
        const attempt = push(server.url, token, batch).catch((error: unknown) => error);
        if (killAt === 'commit') await committed(client.clientId, batch.ops.at(-1)?.seq as number);
        await stop(server, 'SIGKILL');
        first = undefined;
        await attempt;
        const retried = await push(second.url, lead, batch);
        expect(retried.results.every((result) => result.status === 'applied')).toBe(true);
        expect(retried.lastSeq).toBe(batch.ops.at(-1)?.seq);
      }

      const { rows: log } = await db.query<{ writes: number; ops: number }>(
        `select count(*)::int as writes, count(distinct op_id)::int as ops
         from sync_change_log where client_id = $1`,
        [client.clientId],
      );
      expect(log[0]).toEqual({ writes, ops: pushed.length });
      const ids = new Set<string>();
      let cursor: string | null = null;
      for (let more = true; more;) {
        const pulled = await fetch(`${second.url}/api/v1/sync/pull`, {
          method: 'POST',
          headers: headers(lead),
          body: JSON.stringify({ schemaVersion: SYNC_SCHEMA_VERSION, cursor, limit: 1000 }),
        });
        const page = (await pulled.json()) as PullResponse;
        for (const change of page.changes) ids.add(change.recordId);
        ({ cursor, hasMore: more } = page);
      }
      expect(pushed.filter((id) => !ids.has(id))).toEqual([]);
    }, 180_000);
  },
);

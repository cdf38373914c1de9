import { createHash } from 'node:crypto';
import type { RecordType } from '@core/records';
import { type JsonValue, canonicalJson } from '@core/sync/json-value';
import { unpackStates } from '@core/sync/packed-states';
import {
  type FieldState,
  type FieldStates,
  type WriteKind,
  mergeStates,
  mergeWrites,
} from '@core/sync/merge';
import {
  type PullResponse,
  type PushOpInput,
  type PushResponse,
  SYNC_SCHEMA_VERSION,
} from '@core/sync/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, TEST_START, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { suiteTitle, testBackends } from '../test-support/test-databases';

/**
 * Convergence of the real server code (property-based): a few PCs make random edits, deletes,
 * restores, timeline comments and attachment changes to the same tickets; the network delivers
 * their batches in any interleaving, loses replies after commit (so batches are retried, often with
 * more ops), loses requests, and replays stale copies late. Whatever the schedule:
 * - the server ends in the same state, and that state is the pure merge (core) of the accepted ops;
 * - every accepted write is in the change log exactly once, every op has exactly one result;
 * - the same ops are rejected (scope), each with an audit row;
 * - a replica that merges its own ops and then a full pull equals the server.
 * fast-check prints the seed and the failing case; SYNC_PROPERTY_RUNS raises the number of runs.
 */

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 20);
const RECORDS = [
  { id: uuid(0xc0de, 1), subsystemId: 1 },
  { id: uuid(0xc0de, 2), subsystemId: 1 },
  { id: uuid(0xc0de, 3), subsystemId: 2 },
];
const PCS = [
  { clientId: 'pc-prop-aaaa', nodeId: 'aaaaaaaaaa', user: 'lead' },
  { clientId: 'pc-prop-bbbb', nodeId: 'bbbbbbbbbb', user: 'lead2' },
  { clientId: 'pc-prop-cccc', nodeId: 'cccccccccc', user: 'zhangsan' },
] as const;
const PHOTOS = ['照片一', '照片二'].map((text) => Buffer.from(text));
const photoHash = (photo: Buffer) => createHash('sha256').update(photo).digest('hex');

type Action =
  | { kind: 'edit'; field: 'title' | 'description' | 'severity' | 'assignee'; value: string | null }
  | { kind: 'delete' }
  | { kind: 'restore' }
  | { kind: 'comment'; text: string; atOffset: number }
  | { kind: 'attach'; photo: number };

interface SimOp {
  record: number;
  action: Action;
  /** Milliseconds after the start: small, so clocks collide and node ids break ties. */
  at: number;
}

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    field: fc.constant('title' as const),
    value: fc.constantFrom('甲', '乙', '丙'),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    field: fc.constant('description' as const),
    value: fc.constantFrom('', '现象描述', '补充说明'),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    field: fc.constant('severity' as const),
    value: fc.constantFrom('ordinary', 'major', 'emergency'),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    field: fc.constant('assignee' as const),
    value: fc.constantFrom(null, 'zhangsan', 'lisi'),
  }),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'restore' as const }),
  fc.record({
    kind: fc.constant('comment' as const),
    text: fc.constantFrom('已联系', '已处理'),
    atOffset: fc.nat(3),
  }),
  fc.record({ kind: fc.constant('attach' as const), photo: fc.nat(PHOTOS.length - 1) }),
);
const opArb: fc.Arbitrary<SimOp> = fc.record({
  record: fc.nat(RECORDS.length - 1),
  action: actionArb,
  at: fc.integer({ min: 1, max: 6 }),
});
const scenarioArb = fc.record({
  ops: fc.tuple(...PCS.map(() => fc.array(opArb, { maxLength: 6 }))),
  scheduleSeeds: fc.tuple(fc.integer(), fc.integer()),
});

/** Turns a PC's simulated ops into push ops, as that PC's outbox would hold them. */
function outbox(pc: number, ops: readonly SimOp[]): PushOpInput[] {
  const client = new SimClient(PCS[pc]?.clientId as string, PCS[pc]?.nodeId);
  const comments: JsonValue[] = [];
  return ops.map((op, index) => {
    const record = RECORDS[op.record] as (typeof RECORDS)[number];
    const created = ticketRecord(record.id, record.subsystemId).events[0] as JsonValue;
    const at = TEST_START + op.at * 1000;
    switch (op.action.kind) {
      case 'edit':
        return client.op(record, { [op.action.field]: op.action.value }, { at });
      case 'delete':
        return client.op(record, { deleted: true }, { at });
      case 'restore':
        return client.op(record, { deleted: false }, { at, kind: 'restore' });
      case 'comment': {
        comments.push({
          id: uuid(0xc000 + pc, index + 1),
          kind: 'comment',
          at: TEST_START + op.action.atOffset * 1000,
          author: PCS[pc]?.user as string,
          text: op.action.text,
        });
        return client.op(record, { events: [created, ...comments] }, { at });
      }
      case 'attach': {
        const photo = PHOTOS[op.action.photo] as Buffer;
        const attachment = {
          sha256: photoHash(photo),
          name: '现场.jpg',
          mime: 'image/jpeg',
          size: photo.byteLength,
        };
        return client.op(record, { attachments: [attachment] }, { at });
      }
    }
  });
}

/** A small deterministic PRNG (mulberry32): the schedule comes from a seed fast-check picks. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Delivery {
  pc: number;
  ops: PushOpInput[];
}

/**
 * Each PC sends its unacknowledged ops from the head of its outbox, as a real client does. A send
 * may be lost before the server (nothing happens), or its reply lost after the commit (the PC sends
 * again, maybe with more ops); a stale copy of an old batch may arrive much later.
 */
function schedule(outboxes: readonly PushOpInput[][], seed: number): Delivery[] {
  const next = random(seed);
  const acked = outboxes.map(() => 0);
  const deliveries: Delivery[] = [];
  const sent: Delivery[] = [];
  const pending = () => outboxes.flatMap((ops, pc) => ((acked[pc] as number) < ops.length ? [pc] : []));
  for (let open = pending(); open.length > 0; open = pending()) {
    const pc = open[Math.floor(next() * open.length)] as number;
    const ops = outboxes[pc] as PushOpInput[];
    const start = acked[pc] as number;
    const end = start + 1 + Math.floor(next() * (ops.length - start));
    const batch = { pc, ops: ops.slice(start, end) };
    const fate = next();
    if (fate < 0.15) continue; // Lost on the way: never reached the server.
    deliveries.push(batch);
    sent.push(batch);
    if (fate >= 0.35) acked[pc] = end; // Otherwise the reply was lost: resent later.
    // A stale copy of any batch sent so far turns up late.
    if (next() < 0.2) deliveries.push(sent[Math.floor(next() * sent.length)] as Delivery);
  }
  return deliveries;
}

type ServerState = Map<string, FieldStates>;

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(
    `sync convergence (property) on ${suiteTitle(backend)}`,
    () => {
      let api: TestApi;
      const tokens = new Map<string, string>();

      beforeAll(async () => {
        api = await startTestApi(backend);
        await api.createUser('lead', { role: 'project_lead' });
        await api.createUser('lead2', { role: 'project_lead' });
        await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1] });
        for (const user of ['lead', 'lead2', 'zhangsan']) tokens.set(user, await api.tokenFor(user));
        // Each user uploads the photos they may attach, as their PCs do before pushing: a record may
        // refer only to a blob its writer may fetch (docs/sync-protocol.md §7).
        for (const user of tokens.keys()) {
          for (const photo of PHOTOS) {
            await api.request('PUT', `/api/v1/blobs/${photoHash(photo)}`, {
              token: tokens.get(user),
              body: photo,
              headers: { 'content-type': 'application/octet-stream' },
            });
          }
        }
      }, 120_000);

      afterAll(async () => {
        await api.dispose();
      });

      /** Empties the sync tables and creates the tickets, as if the PCs had pulled them. */
      async function reset(): Promise<void> {
        await api.db.exec(
          `truncate sync_change_log, sync_field_state, sync_op_results, sync_clients, sync_record_moves, sync_records, blob_refs;
         delete from audit_log where action = 'sync_rejected';`,
        );
        const setup = new SimClient('pc-prop-setup', 'ssssssssss');
        const ops = RECORDS.map((record) => {
          const ticket = ticketRecord(record.id, record.subsystemId);
          return setup.op(ticket, fieldsOf(ticket), { at: TEST_START });
        });
        await push('lead', setup.batch(ops));
      }

      async function push(user: string, body: unknown): Promise<PushResponse> {
        const response = await api.request('POST', '/api/v1/sync/push', { token: tokens.get(user), body });
        if (response.statusCode !== 200)
          throw new Error(`push failed ${response.statusCode}: ${response.body}`);
        return response.json<PushResponse>();
      }

      async function run(outboxes: PushOpInput[][], seed: number) {
        await reset();
        for (const delivery of schedule(outboxes, seed)) {
          const pc = PCS[delivery.pc] as (typeof PCS)[number];
          await push(pc.user, {
            clientId: pc.clientId,
            schemaVersion: SYNC_SCHEMA_VERSION,
            ops: delivery.ops,
          });
        }
        // Quiescence: every PC sends whatever it has not had acknowledged, once more.
        const results = new Map<string, PushResponse['results'][number]>();
        for (const [index, ops] of outboxes.entries()) {
          const pc = PCS[index] as (typeof PCS)[number];
          if (ops.length === 0) continue;
          const response = await push(pc.user, {
            clientId: pc.clientId,
            schemaVersion: SYNC_SCHEMA_VERSION,
            ops,
          });
          for (const result of response.results) results.set(`${pc.clientId}/${result.seq}`, result);
        }
        return { state: await dumpState(), results, log: await dumpLog(), audit: await rejectionAudits() };
      }

      async function dumpState(): Promise<ServerState> {
        const { rows } = await api.db.query<{ recordId: string; field: string } & FieldState>(
          `select record_id as "recordId", field, value, hlc, rank, births from sync_field_state`,
        );
        const state: ServerState = new Map();
        for (const { recordId, field, births, ...rest } of rows) {
          const fields = (state.get(recordId) ?? {}) as Record<string, FieldState>;
          fields[field] = births === null ? rest : { ...rest, births };
          state.set(recordId, fields);
        }
        return state;
      }

      async function dumpLog(): Promise<string[]> {
        const { rows } = await api.db.query<{ key: string }>(
          `select client_id || '/' || seq || '/' || field as key from sync_change_log order by 1`,
        );
        return rows.map((row) => row.key);
      }

      async function rejectionAudits(): Promise<string[]> {
        const { rows } = await api.db.query<{ key: string }>(
          `select detail->>'clientId' || '/' || (detail->>'seq') as key from audit_log
         where action = 'sync_rejected' order by 1`,
        );
        return rows.map((row) => row.key);
      }

      const canonicalState = (state: ServerState) =>
        [...state.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([id, fields]) => `${id}:${canonicalJson(fields as unknown as JsonValue)}`);

      it('converges to the pure merge of the accepted ops, whatever the network does', async () => {
        await fc.assert(
          fc.asyncProperty(scenarioArb, async ({ ops, scheduleSeeds }) => {
            const outboxes = ops.map((list, pc) => outbox(pc, list));
            const first = await run(outboxes, scheduleSeeds[0]);
            const second = await run(outboxes, scheduleSeeds[1]);

            expect(canonicalState(second.state)).toEqual(canonicalState(first.state));
            expect(second.log).toEqual(first.log);
            expect(second.audit).toEqual(first.audit);
            expect([...second.results.entries()]).toEqual([...first.results.entries()]);

            // The accepted ops merged by core alone give the same state.
            const accepted = outboxes.flatMap((list, index) =>
              list.filter(
                (op) => first.results.get(`${PCS[index]?.clientId}/${op.seq}`)?.status === 'applied',
              ),
            );
            const expected: ServerState = new Map();
            const setup = RECORDS.map((record) => ({
              record,
              ticket: ticketRecord(record.id, record.subsystemId),
            }));
            for (const { record, ticket } of setup) {
              const hlc = first.state.get(record.id)?.id?.hlc as string;
              const writes = Object.entries(fieldsOf(ticket)).map(([field, value]) => ({
                field,
                value,
                hlc,
              }));
              expected.set(record.id, mergeWrites('ticket', {}, writes, 'change').states);
            }
            for (const op of accepted) {
              const current = expected.get(op.recordId) as FieldStates;
              const writes = op.fields.map((write) => ({ ...write, value: write.value as JsonValue }));
              expected.set(
                op.recordId,
                mergeWrites('ticket', current, writes, (op.kind ?? 'change') as WriteKind).states,
              );
            }
            expect(canonicalState(first.state)).toEqual(canonicalState(expected));

            // Every accepted write is logged once; every rejection was the engineer's, outside subsystem 1.
            const expectedLog = accepted.flatMap((op) =>
              op.fields.map((write) => `${clientOf(op)}/${op.seq}/${write.field}`),
            );
            expect(first.log.filter((key) => !key.startsWith('pc-prop-setup'))).toEqual(expectedLog.sort());
            const rejected = [...first.results.entries()].filter(
              ([, result]) => result.status === 'rejected',
            );
            for (const [, result] of rejected) expect(result).toMatchObject({ code: 'forbidden' });
            expect(first.audit).toEqual(rejected.map(([key]) => key).sort());

            // A replica: its own ops merged locally, then everything pulled.
            await expectReplicaEqualsServer(first.state, outboxes[0] as PushOpInput[], 'lead');
            function clientOf(op: PushOpInput): string {
              const index = outboxes.findIndex((list) => list.includes(op));
              return PCS[index]?.clientId as string;
            }
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
      }, 600_000);

      async function expectReplicaEqualsServer(
        server: ServerState,
        own: PushOpInput[],
        user: string,
      ): Promise<void> {
        const replica: ServerState = new Map();
        for (const op of own) {
          const writes = op.fields.map((write) => ({ ...write, value: write.value as JsonValue }));
          const kind = (op.kind ?? 'change') as WriteKind;
          replica.set(
            op.recordId,
            mergeWrites(op.recordType as RecordType, replica.get(op.recordId) ?? {}, writes, kind).states,
          );
        }
        const response = await api.request('POST', '/api/v1/sync/pull', {
          token: tokens.get(user),
          body: { schemaVersion: SYNC_SCHEMA_VERSION, cursor: null, limit: 1000 },
        });
        for (const change of response.json<PullResponse>().changes) {
          if (change.kind !== 'record') continue;
          const incoming = unpackStates(change);
          replica.set(
            change.recordId,
            mergeStates(change.recordType, replica.get(change.recordId) ?? {}, incoming),
          );
        }
        expect(canonicalState(replica)).toEqual(canonicalState(server));
      }
    },
  );
}

import { createHash } from 'node:crypto';
import { RECORD_KINDS, RECORD_TYPES, type RecordType, placementOf } from '@core/records';
import { SAMPLE_TEXT_FIELDS, sampleRecord } from '@core/records/testing/sample-records';
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
import { SimClient, fieldsOf, uuid } from '../test-support/sim-client';
import { suiteTitle, testBackends } from '../test-support/test-databases';

/**
 * Convergence of the real server code (property-based), over every registered record type: a few PCs
 * (two project leads, an engineer of subsystem 1, a service manager of units 1 and 2) make random
 * edits, deletes, restores, timeline comments and attachment changes to one record of each type; the
 * network delivers their batches in any interleaving, loses replies after commit (so batches are
 * retried, often with more ops), loses requests, and replays stale copies late. Whatever the schedule:
 * - the server ends in the same state, and that state is the pure merge (core) of the accepted ops;
 * - every accepted write is in the change log exactly once, every op has exactly one result;
 * - the same ops are rejected (scope and ownership), each with an audit row;
 * - a replica that merges its own ops and then a full pull equals the server.
 * fast-check prints the seed and the failing case; SYNC_PROPERTY_RUNS raises the number of runs.
 */

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 20);
const PCS = [
  { clientId: 'pc-prop-aaaa', nodeId: 'aaaaaaaaaa', user: 'lead' },
  { clientId: 'pc-prop-bbbb', nodeId: 'bbbbbbbbbb', user: 'lead2' },
  { clientId: 'pc-prop-cccc', nodeId: 'cccccccccc', user: 'zhangsan' },
  { clientId: 'pc-prop-dddd', nodeId: 'dddddddddd', user: 'wangjl' },
] as const;
const PHOTOS = ['照片一', '照片二'].map((text) => Buffer.from(text));
const photoHash = (photo: Buffer) => createHash('sha256').update(photo).digest('hex');

/**
 * One record of every type, and a second ticket: some in the engineer's subsystem 1, some out of it,
 * duty contract-wide, a visit to one of the manager's units. Records that belong to a person belong to
 * the engineer or the manager, so both their writes and the others' refusals occur.
 */
const RECORDS = RECORD_TYPES.flatMap((recordType, index) => {
  const owner: Readonly<Partial<Record<RecordType, string>>> = {
    duty_log: 'zhangsan',
    duty_swap: 'zhangsan',
    onsite_day: 'zhangsan',
    visit: 'wangjl',
  };
  const make = (n: number, subsystemId: number) => {
    const options = {
      id: uuid(0xc0de, n),
      actor: owner[recordType] ?? 'lead',
      at: TEST_START,
      subsystemId: RECORD_KINDS[recordType].scope.by === 'subsystem_or_contract' ? null : subsystemId,
      unitIds: [2],
    };
    const values = sampleRecord(recordType, options) as Record<string, JsonValue>;
    // With a photo, for the types that refer to blobs: what an `attach` writes.
    const withPhoto = (photo: Buffer) =>
      sampleRecord(recordType, { ...options, sha256: photoHash(photo) }) as Record<string, JsonValue>;
    return {
      recordType,
      id: options.id,
      subsystemId: placementOf(recordType, values).subsystemId,
      values,
      withPhoto,
    };
  };
  const first = make(index + 1, index % 2 === 0 ? 1 : 2);
  return recordType === 'ticket' ? [first, make(100, 1)] : [first];
});

type Action =
  | { kind: 'edit'; value: number }
  | { kind: 'ticket_edit'; field: 'severity' | 'assignee'; value: string | null }
  | { kind: 'delete' }
  | { kind: 'restore' }
  | { kind: 'comment'; text: string; atOffset: number }
  | { kind: 'attach'; photo: number };

/** What an `edit` writes to each type's free-text field (SAMPLE_TEXT_FIELDS): valid for every one of them. */
const TEXTS = ['zhangsan', 'lisi', 'wangwu'];

interface SimOp {
  record: number;
  action: Action;
  /** Milliseconds after the start: small, so clocks collide and node ids break ties. */
  at: number;
}

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), value: fc.nat(TEXTS.length - 1) }),
  fc.record({
    kind: fc.constant('ticket_edit' as const),
    field: fc.constant('severity' as const),
    value: fc.constantFrom('ordinary', 'major', 'emergency'),
  }),
  fc.record({
    kind: fc.constant('ticket_edit' as const),
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
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A run fast-check always tries first, so every type is written whatever the random runs pick: a lead
 * attaches a photo to every record (edits the types without blobs), the other lead deletes and
 * restores, the engineer edits every record (their subsystem's and their own duty are applied, the rest
 * refused) and the manager attaches to and edits the visit.
 */
const EVERY_TYPE_EXAMPLE: Scenario = {
  ops: [
    RECORDS.map((_, record) => ({ record, action: { kind: 'attach', photo: 0 }, at: 2 })),
    RECORDS.flatMap((_, record) => [
      { record, action: { kind: 'delete' }, at: 3 },
      { record, action: { kind: 'restore' }, at: 4 },
    ]),
    RECORDS.map((_, record) => ({ record, action: { kind: 'edit', value: 1 }, at: 2 })),
    RECORDS.flatMap((record, index) =>
      record.recordType === 'visit'
        ? [
            { record: index, action: { kind: 'attach', photo: 1 }, at: 2 },
            { record: index, action: { kind: 'edit', value: 2 }, at: 5 },
          ]
        : [],
    ),
  ],
  scheduleSeeds: [1, 2],
};

/**
 * Turns a PC's simulated ops into push ops, as that PC's outbox would hold them. A ticket's own
 * actions (its timeline, its severity and assignee) are a text edit on the other types; an attachment
 * writes every blob field of the type (a ticket's attachments, a training's materials and sign-in
 * sheet, a visit's photos, an inspection's photo result), a text edit on a type without any.
 */
function outbox(pc: number, ops: readonly SimOp[]): PushOpInput[] {
  const client = new SimClient(PCS[pc]?.clientId as string, PCS[pc]?.nodeId);
  const comments: JsonValue[] = [];
  return ops.map((op, index) => {
    const record = RECORDS[op.record] as (typeof RECORDS)[number];
    const at = TEST_START + op.at * 1000;
    const kind = RECORD_KINDS[record.recordType];
    const textEdit = () =>
      client.op(
        record,
        { [SAMPLE_TEXT_FIELDS[record.recordType]]: TEXTS[index % TEXTS.length] as string },
        { at },
      );
    switch (op.action.kind) {
      case 'edit':
        return client.op(
          record,
          { [SAMPLE_TEXT_FIELDS[record.recordType]]: TEXTS[op.action.value] as string },
          { at },
        );
      case 'ticket_edit':
        if (record.recordType !== 'ticket') return textEdit();
        return client.op(record, { [op.action.field]: op.action.value }, { at });
      case 'delete':
        return client.op(record, { deleted: true }, { at });
      case 'restore':
        return client.op(record, { deleted: false }, { at, kind: 'restore' });
      case 'comment': {
        if (record.recordType !== 'ticket') return textEdit();
        const created = (record.values.events as JsonValue[])[0] as JsonValue;
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
        if (kind.blobs.length === 0) return textEdit();
        const values = record.withPhoto(PHOTOS[op.action.photo] as Buffer);
        return client.op(
          record,
          Object.fromEntries(kind.blobs.map((blob) => [blob.field, values[blob.field] as JsonValue])),
          { at },
        );
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
        await api.createUser('wangjl', { role: 'service_manager', unitIds: [1, 2] });
        for (const pc of PCS) tokens.set(pc.user, await api.tokenFor(pc.user));
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

      /** Empties the sync tables and creates the records, as if the PCs had pulled them. */
      async function reset(): Promise<void> {
        await api.db.exec(
          `truncate sync_change_log, sync_field_state, sync_op_results, sync_clients, sync_record_moves, sync_records, blob_refs;
         delete from audit_log where action = 'sync_rejected';`,
        );
        const setup = new SimClient('pc-prop-setup', 'ssssssssss');
        const ops = RECORDS.map((record) => setup.op(record, fieldsOf(record.values), { at: TEST_START }));
        const created = await push('lead', setup.batch(ops));
        const refused = created.results.filter((result) => result.status !== 'applied');
        if (refused.length > 0) throw new Error(`setup refused: ${JSON.stringify(refused)}`);
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
            for (const record of RECORDS) {
              const hlc = first.state.get(record.id)?.id?.hlc as string;
              const writes = Object.entries(fieldsOf(record.values)).map(([field, value]) => ({
                field,
                value,
                hlc,
              }));
              expected.set(record.id, mergeWrites(record.recordType, {}, writes, 'change').states);
            }
            for (const op of accepted) {
              const current = expected.get(op.recordId) as FieldStates;
              const writes = op.fields.map((write) => ({ ...write, value: write.value as JsonValue }));
              expected.set(
                op.recordId,
                mergeWrites(op.recordType, current, writes, (op.kind ?? 'change') as WriteKind).states,
              );
            }
            expect(canonicalState(first.state)).toEqual(canonicalState(expected));

            // Every accepted write is logged once; every rejection was a write outside the writer's scope
            // or of a record that is not theirs.
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
          { numRuns: RUNS, endOnFailure: true, examples: [[EVERY_TYPE_EXAMPLE]] },
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

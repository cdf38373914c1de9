import 'fake-indexeddb/auto';
import { RECORD_KINDS as CORE_RECORD_KINDS, RECORD_TYPES, type RecordType } from '@core/records';
import { SAMPLE_TEXT_FIELDS, sampleRecord } from '@core/records/testing/sample-records';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { putBlob, readServerStates, type YunweiDatabase } from '../store';
import { at } from '../store/testing/record-fixtures';
import { STORE_TYPE_OF, type AnyStoredRecord } from '../store/save/record-kinds';
import { saveRecord } from '../store/save/save-record';
import { readLocalRecords } from '../store/sync/record-rows';
import { testDatabases } from '../store/testing/test-databases';
import { SyncEngine, type Timers } from './sync-engine';
import { FakeSyncServer, type Fault } from './testing/fake-sync-server';

/*
 * Convergence over every registered record type (store-convergence.test.ts drives tickets through
 * their domain functions): PCs create, edit, delete and restore records of any type, each type that
 * refers to blobs with an attachment, and sync through lost requests and replies; in the end every PC
 * holds exactly the server's records and states. A type the store cannot write by a pull, or whose
 * attachments do not upload before its push, fails here.
 */

const databases = testDatabases('store-convergence-all-types');
const PCS = 2;
const noTimers: Timers = { set: () => undefined, clear: () => undefined };

type LostMessage = Extract<Fault['kind'], 'pass' | 'drop-request' | 'drop-reply'>;

type Command =
  | { readonly kind: 'create'; readonly pc: number; readonly recordType: RecordType }
  | { readonly kind: 'edit'; readonly pc: number; readonly record: number; readonly text: string }
  | { readonly kind: 'delete-or-restore'; readonly pc: number; readonly record: number }
  | { readonly kind: 'sync'; readonly pc: number; readonly faults: readonly LostMessage[] };

const pc = fc.nat(PCS - 1);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      pc,
      recordType: fc.constantFrom(...RECORD_TYPES),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      pc,
      record: fc.nat(9),
      text: fc.constantFrom('甲', '乙', '丙'),
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('delete-or-restore' as const), pc, record: fc.nat(9) }),
  {
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      pc,
      faults: fc.array(fc.constantFrom<LostMessage>('pass', 'pass', 'drop-request', 'drop-reply'), {
        maxLength: 3,
      }),
    }),
    weight: 3,
  },
);

interface Pc {
  readonly db: YunweiDatabase;
  readonly engine: SyncEngine;
  /** The records this PC knows of, by id, in the order it learnt of them. */
  readonly known: Map<string, RecordType>;
}

async function localRecord(db: YunweiDatabase, recordType: RecordType, recordId: string) {
  const stored = await readLocalRecords(db, [{ recordType, recordId }]);
  return stored.get(recordId);
}

async function run(commands: readonly Command[]): Promise<void> {
  const server = new FakeSyncServer();
  const pcs: Pc[] = [];
  for (let index = 0; index < PCS; index += 1) {
    const db = await databases.fresh();
    const user = {
      name: `lead${index}`,
      role: 'project_lead' as const,
      subsystemIds: [],
      unitIds: [],
      visibleSubsystemIds: null,
    };
    pcs.push({
      db,
      known: new Map(),
      engine: new SyncEngine({
        db,
        transport: server,
        user,
        onStatus: () => undefined,
        onApplied: () => undefined,
        now: () => at('2026-03-10T12:00'),
        random: () => 0.5,
        timers: noTimers,
      }),
    });
  }
  let when = at('2026-03-10T10:00');
  let serial = 0;
  for (const step of commands) {
    const machine = pcs[step.pc];
    if (machine === undefined) throw new Error(`没有第 ${step.pc} 台电脑`);
    const { db, engine, known } = machine;
    when += 60_000;
    if (step.kind === 'sync') {
      server.fail(...step.faults.map((kind) => ({ kind })));
      await engine.runRound();
      server.clearFaults();
      for (const [id, held] of server.records) if (!known.has(id)) known.set(id, held.recordType);
      continue;
    }
    if (step.kind === 'create') {
      serial += 1;
      const id = `00000000-0000-4000-8000-${serial.toString(16).padStart(8, '0')}0000`;
      const blobs = CORE_RECORD_KINDS[step.recordType].blobs.length > 0;
      const attachment = blobs ? await putBlob(db, new Blob([`第 ${serial} 个附件`]), '附件.jpg') : undefined;
      const record = sampleRecord(step.recordType, {
        id,
        actor: 'lead',
        at: when,
        ...(attachment === undefined ? {} : { sha256: attachment.sha256 }),
      });
      await save(db, step.recordType, null, record as unknown as AnyStoredRecord, when);
      known.set(id, step.recordType);
      continue;
    }
    const ids = [...known.keys()];
    const id = ids[step.record % Math.max(ids.length, 1)];
    const recordType = id === undefined ? undefined : known.get(id);
    if (id === undefined || recordType === undefined) continue;
    const before = (await localRecord(db, recordType, id))?.record;
    if (before === undefined) continue;
    const values = before as unknown as Readonly<Record<string, unknown>>;
    const after =
      step.kind === 'edit'
        ? { ...values, [SAMPLE_TEXT_FIELDS[recordType]]: step.text }
        : { ...values, deleted: values.deleted !== true };
    await save(db, recordType, before, after as unknown as AnyStoredRecord, when);
  }

  for (let round = 0; round < 2; round += 1) {
    for (const { engine } of pcs) expect(await engine.runRound()).toEqual({ ok: true });
  }
  for (const { db } of pcs) {
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.count()).toBe(0);
    expect(await db.syncProblems.count()).toBe(0);
    // No rejection above means every attachment reached the server before the op naming it.
    for (const [id, held] of server.records) {
      const local = await localRecord(db, held.recordType, id);
      expect(local?.record, `${held.recordType} ${id}`).toEqual(server.recordOf(id));
      expect(await readServerStates(db, id)).toEqual(held.states);
    }
  }
}

function save(
  db: YunweiDatabase,
  recordType: RecordType,
  before: AnyStoredRecord | null,
  after: AnyStoredRecord,
  when: number,
) {
  return saveRecord(db, {
    recordType: STORE_TYPE_OF[recordType],
    before,
    after,
    actor: 'lead',
    at: when,
  } as never);
}

describe('client store convergence over every record type (fast-check, in-memory server)', () => {
  it('leaves every PC with the server’s records of every type, their attachments uploaded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        try {
          await run(commands);
        } finally {
          await databases.deleteAll();
        }
      }),
      {
        numRuns: 40,
        examples: RECORD_TYPES.map((recordType): [Command[]] => [
          [
            { kind: 'create', pc: 0, recordType },
            { kind: 'sync', pc: 0, faults: ['drop-reply'] },
            { kind: 'sync', pc: 1, faults: [] },
            { kind: 'edit', pc: 1, record: 0, text: '乙' },
            { kind: 'delete-or-restore', pc: 0, record: 0 },
            { kind: 'sync', pc: 0, faults: [] },
            { kind: 'sync', pc: 1, faults: [] },
          ],
        ]),
      },
    );
  });
});

import { createHash } from 'node:crypto';
import type { Visibility } from '@core/auth';
import { type RecordType, placementOf } from '@core/records';
import { sampleRecord } from '@core/records/testing/sample-records';
import type { JsonValue } from '@core/sync/json-value';
import { type PullResponse, type PushResponse, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, TEST_START, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, uuid } from '../test-support/sim-client';
import { failOnBackgroundError, suiteTitle, testBackends } from '../test-support/test-databases';
import { SyncNotifier } from './sync-notifier';

/**
 * Records placed by unit (visits) or contract-wide (duty of the whole contract), and records that
 * belong to a person (a duty log): the server serves and accepts them by the scope rules of core
 * auth/scope.ts (canSee, checkWrite, checkOwnership), through pull, push, blobs, history and pokes.
 * The test API's document system is subsystem 3.
 */
for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(
    `visits, duty and a person's records reach and are written by whom the scope says, on ${suiteTitle(backend)}`,
    () => {
      let api: TestApi;
      const tokens = new Map<string, string>();
      const clients = new Map<string, SimClient>();
      const notifier = new SyncNotifier(failOnBackgroundError);
      let stopListening: () => Promise<void>;
      let at = TEST_START;
      let nextId = 0;

      const token = (user: string) => tokens.get(user) as string;
      const client = (user: string) => {
        const found = clients.get(user) ?? new SimClient(`pc-scope-${user}`);
        clients.set(user, found);
        return found;
      };
      /** A valid record of the type, placed as the options say, written by `actor`. */
      const record = (
        recordType: RecordType,
        actor: string,
        options: { subsystemId?: number | null; unitIds?: number[]; sha256?: string } = {},
      ) => {
        nextId += 1;
        const values = sampleRecord(recordType, {
          id: uuid(0x5c0, nextId),
          actor,
          at: TEST_START,
          ...options,
        }) as Record<string, JsonValue>;
        return {
          recordType,
          id: values.id as string,
          subsystemId: placementOf(recordType, values).subsystemId,
          values,
        };
      };
      type Sample = ReturnType<typeof record>;
      /** One op of `user` on the record; returns its result. */
      const write = async (
        user: string,
        target: Pick<Sample, 'recordType' | 'id' | 'subsystemId'>,
        fields: Record<string, JsonValue>,
      ) => {
        const pc = client(user);
        const response = await api.request('POST', '/api/v1/sync/push', {
          token: token(user),
          body: pc.batch([pc.op(target, fields, { at: (at += 1000) })]),
        });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<PushResponse>().results[0];
      };
      const create = async (user: string, sample: Sample) => {
        const result = await write(user, sample, fieldsOf(sample.values));
        expect(result, JSON.stringify(result)).toMatchObject({ status: 'applied' });
        return sample;
      };
      const pull = async (user: string, cursor: string | null = null) => {
        const response = await api.request('POST', '/api/v1/sync/pull', {
          token: token(user),
          body: { schemaVersion: SYNC_SCHEMA_VERSION, cursor, limit: 1000 },
        });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<PullResponse>();
      };
      const received = (page: PullResponse) =>
        page.changes.filter((change) => change.kind === 'record').map((change) => change.recordId);
      const gone = (page: PullResponse) =>
        page.changes.filter((change) => change.kind === 'gone').map((change) => change.recordId);
      /** The seqs of the pokes a stream of this visibility gets. */
      const pokesFor = (visibility: Visibility) => {
        const seqs: number[] = [];
        notifier.subscribe({ visibility, poke: (seq) => seqs.push(seq), close: () => undefined });
        return seqs;
      };
      /** Waits until `seqs` has grown past `count`: the commit notice travels from the database. */
      const pokedAgain = async (seqs: number[], count: number) => {
        const deadline = Date.now() + 10_000;
        while (seqs.length <= count) {
          if (Date.now() > deadline) throw new Error('no poke within 10 s');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };

      beforeAll(async () => {
        api = await startTestApi(backend);
        await api.createUser('lead', { role: 'project_lead' });
        await api.createUser('audit', { role: 'auditor' });
        await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1] });
        await api.createUser('lisi', { role: 'engineer', subsystemIds: [1] });
        await api.createUser('wangjl', { role: 'service_manager', unitIds: [1, 2] });
        await api.createUser('zhaojl', { role: 'service_manager', unitIds: [5] });
        await api.createUser('qianjl', { role: 'service_manager', unitIds: [2] });
        for (const user of ['lead', 'audit', 'zhangsan', 'lisi', 'wangjl', 'zhaojl', 'qianjl'])
          tokens.set(user, await api.tokenFor(user));
        stopListening = await notifier.listen(api.db);
      }, 120_000);

      afterAll(async () => {
        await stopListening();
        await api.dispose();
      });

      it('gives a service manager the visits to their units only, and an engineer contract-wide duty and no visit', async () => {
        const toTwo = await create('lead', record('visit', 'wangjl', { unitIds: [2] }));
        const toFive = await create('lead', record('visit', 'zhaojl', { unitIds: [5] }));
        const duty = await create('lead', record('duty_log', 'zhangsan', { subsystemId: null }));
        const period = await create('lead', record('sensitive_period', 'lead'));
        const otherDuty = await create('lead', record('duty_assignment', 'lead', { subsystemId: 2 }));
        const training = await create('lead', record('training', 'lead', { subsystemId: 1 }));

        const manager = received(await pull('wangjl'));
        expect(manager).toContain(toTwo.id);
        expect(manager).not.toContain(toFive.id);
        expect(manager).toEqual(expect.arrayContaining([duty.id, period.id]));
        expect(manager).not.toContain(training.id);

        const engineerPage = await pull('zhangsan');
        const engineer = received(engineerPage);
        expect(engineer).toEqual(expect.arrayContaining([duty.id, period.id, training.id]));
        expect(engineer).not.toContain(toTwo.id);
        expect(engineer).not.toContain(toFive.id);
        expect(engineer).not.toContain(otherDuty.id);
        // A record of no subsystem travels under 0.
        expect(engineerPage.changes.find((change) => change.recordId === duty.id)).toMatchObject({
          kind: 'record',
          subsystemId: 0,
        });

        const all = received(await pull('audit'));
        expect(all).toEqual(expect.arrayContaining([toTwo.id, toFive.id, duty.id, otherDuty.id]));
      });

      it('tells the manager who lost a visit’s unit that it is gone, once, and pokes only those who held or hold it', async () => {
        const visit = await create('lead', record('visit', 'wangjl', { unitIds: [2, 5] }));
        const held = await pull('wangjl');
        expect(received(held)).toContain(visit.id);
        const keeper = await pull('zhaojl');
        const lost = pokesFor({ all: false, subsystemIds: [3], unitIds: [1, 2] });
        const kept = pokesFor({ all: false, subsystemIds: [3], unitIds: [5] });
        const never = pokesFor({ all: false, subsystemIds: [3], unitIds: [7] });
        const engineers = pokesFor({ all: false, subsystemIds: [1], unitIds: [] });

        expect(await write('lead', visit, { unitIds: [5] })).toMatchObject({ status: 'applied' });
        await pokedAgain(lost, 0);
        await pokedAgain(kept, 0);
        const after = await pull('wangjl', held.cursor);
        expect(gone(after)).toEqual([visit.id]);
        // One move, the change of units: the creation replaced no placement any client held.
        const moves = await api.db.query<{ units: number[] }>(
          'select from_unit_ids as units from sync_record_moves where record_id = $1',
          [visit.id],
        );
        expect(moves.rows).toEqual([{ units: [2, 5] }]);
        expect(received(await pull('zhaojl', keeper.cursor))).toContain(visit.id);

        // Later edits concern only the units that keep it.
        expect(await write('lead', visit, { suggestions: '增加培训场次' })).toMatchObject({
          status: 'applied',
        });
        await pokedAgain(kept, 1);
        expect(lost).toHaveLength(1);
        expect((await pull('wangjl', after.cursor)).changes).toEqual([]);
        // A manager who never saw it, and a pull from the start, hear nothing of it.
        expect(never).toEqual([]);
        expect(engineers).toEqual([]);
        expect((await pull('wangjl')).changes.some((change) => change.recordId === visit.id)).toBe(false);
      });

      it('tells an engineer that contract-wide duty given to another subsystem is gone', async () => {
        const duty = await create('lead', record('duty_assignment', 'lisi', { subsystemId: null }));
        const held = await pull('zhangsan');
        expect(received(held)).toContain(duty.id);
        const engineers = pokesFor({ all: false, subsystemIds: [1], unitIds: [] });
        expect(await write('lead', { ...duty, subsystemId: 2 }, { subsystemId: 2 })).toMatchObject({
          status: 'applied',
        });
        await pokedAgain(engineers, 0);
        expect(gone(await pull('zhangsan', held.cursor))).toEqual([duty.id]);
      });

      it('refuses an engineer’s write to another person’s duty log, saying who may write it', async () => {
        const log = await create('zhangsan', record('duty_log', 'zhangsan', { subsystemId: null }));
        expect(await write('lisi', log, { notes: '代为填写' })).toMatchObject({
          status: 'rejected',
          code: 'forbidden',
          reason: '只有值班人本人或项目负责人可以登记和修改值班记录',
        });
        // Nor may they take it over by renaming the person on duty, or log a duty in someone else's name.
        expect(await write('lisi', log, { onDuty: 'lisi' })).toMatchObject({ code: 'forbidden' });
        const theirs = record('duty_log', 'zhangsan', { subsystemId: null });
        expect(await write('lisi', theirs, fieldsOf(theirs.values))).toMatchObject({ code: 'forbidden' });
        expect(await write('zhangsan', log, { notes: '夜间无来电' })).toMatchObject({ status: 'applied' });
        expect(await write('lead', log, { notes: '负责人补记' })).toMatchObject({ status: 'applied' });
      });

      it('takes an engineer’s hand-in of their subsystem’s report and refuses one of an acceptance’s documents, saying who may', async () => {
        const own = record('report_submission', 'zhangsan', { subsystemId: 1 });
        expect(await write('zhangsan', own, fieldsOf(own.values))).toMatchObject({ status: 'applied' });
        const sample = record('report_submission', 'zhangsan', { subsystemId: null });
        const acceptance = {
          ...sample,
          values: { ...sample.values, obligationId: 'acceptance:2026-06-30', dueDate: '2026-06-30' },
        };
        expect(await write('zhangsan', acceptance, fieldsOf(acceptance.values))).toMatchObject({
          status: 'rejected',
          code: 'forbidden',
          reason: '验收材料的报送只能由项目负责人登记和修改',
        });
        // Nor by moving their own to the whole contract.
        expect(
          await write('zhangsan', { ...own, subsystemId: acceptance.subsystemId }, { subsystemId: null }),
        ).toMatchObject({ code: 'forbidden' });
        expect(await write('lead', acceptance, fieldsOf(acceptance.values))).toMatchObject({
          status: 'applied',
        });
      });

      it('lets the receiver of a hand-over sign it off and change nothing else', async () => {
        const handedOver = record('duty_log', 'zhangsan', { subsystemId: null });
        const log = await create('zhangsan', {
          ...handedOver,
          values: {
            ...handedOver.values,
            handOverTo: 'lisi',
            handOverNote: '机房空调待修',
            handedOverAt: at,
          },
        });
        const refusal = '作为交接接收人，您只能签收这条值班记录，不能修改其他内容';
        expect(await write('lisi', log, { handOverNote: '已阅' })).toMatchObject({
          code: 'forbidden',
          reason: refusal,
        });
        expect(await write('lisi', log, { signedOffAt: at + 60_000, notes: '顺便改一下' })).toMatchObject({
          code: 'forbidden',
          reason: refusal,
        });
        expect(await write('lisi', log, { signedOffAt: at + 60_000 })).toMatchObject({ status: 'applied' });
      });

      it('refuses a manager’s visit to, or moved to, a unit they do not cover', async () => {
        const foreign = record('visit', 'wangjl', { unitIds: [2, 5] });
        expect(await write('wangjl', foreign, fieldsOf(foreign.values))).toMatchObject({
          status: 'rejected',
          code: 'forbidden',
          reason: '您负责单位 1、2，不能登记或修改单位 5 的回访记录',
        });
        const own = await create('wangjl', record('visit', 'wangjl', { unitIds: [1] }));
        expect(await write('wangjl', own, { unitIds: [5] })).toMatchObject({
          code: 'forbidden',
          reason: '您负责单位 1、2，不能登记或修改单位 5 的回访记录',
        });
        // Nor a visit in another manager's name, nor may an engineer record one.
        const named = record('visit', 'qianjl', { unitIds: [2] });
        expect(await write('wangjl', named, fieldsOf(named.values))).toMatchObject({ code: 'forbidden' });
        const byEngineer = record('visit', 'zhangsan', { unitIds: [1] });
        expect(await write('zhangsan', byEngineer, fieldsOf(byEngineer.values))).toMatchObject({
          code: 'forbidden',
          reason: '回访记录由服务经理登记，驻场工程师不能修改',
        });
      });

      it('serves a visit’s photos only to those who see the visit, and its history likewise', async () => {
        const photo = Buffer.from('回访现场照片');
        const sha256 = createHash('sha256').update(photo).digest('hex');
        const upload = await api.request('PUT', `/api/v1/blobs/${sha256}`, {
          token: token('wangjl'),
          body: photo,
          headers: { 'content-type': 'application/octet-stream' },
        });
        expect(upload.statusCode).toBe(201);
        const visit = await create('wangjl', record('visit', 'wangjl', { unitIds: [2], sha256 }));
        const download = async (user: string) =>
          (await api.request('GET', `/api/v1/blobs/${sha256}`, { token: token(user) })).statusCode;
        expect(await download('qianjl')).toBe(200);
        expect(await download('lead')).toBe(200);
        expect(await download('audit')).toBe(200);
        expect(await download('zhaojl')).toBe(403);
        expect(await download('zhangsan')).toBe(403);

        const history = async (user: string) =>
          api.request('GET', `/api/v1/sync/history/${visit.id}`, { token: token(user) });
        expect((await history('qianjl')).statusCode).toBe(200);
        const otherUnits = await history('zhaojl');
        expect(otherUnits.statusCode).toBe(403);
        expect(otherUnits.json().error.message).toBe('您负责单位 5，无权查看其他单位的回访记录');
        expect((await history('zhangsan')).json().error.message).toBe(
          '只有负责相关单位的服务经理、项目负责人和审计员可以查看回访记录',
        );
      });

      it('refuses an op whose subsystem disagrees with its record’s placement, in words', async () => {
        const duty = record('duty_log', 'zhangsan', { subsystemId: null });
        expect(await write('zhangsan', { ...duty, subsystemId: 1 }, fieldsOf(duty.values))).toMatchObject({
          code: 'subsystem_mismatch',
          reason: '这条值班记录不属于任何运维子项，同步操作却标明运维子项 1：客户端有误，这项修改未被处理',
        });
        const visit = record('visit', 'wangjl', { unitIds: [1] });
        expect(await write('wangjl', { ...visit, subsystemId: 3 }, fieldsOf(visit.values))).toMatchObject({
          code: 'subsystem_mismatch',
          reason: '这条回访记录不属于任何运维子项，同步操作却标明运维子项 3：客户端有误，这项修改未被处理',
        });
        const inFive = record('duty_assignment', 'lead', { subsystemId: 5 });
        expect(await write('lead', { ...inFive, subsystemId: 0 }, fieldsOf(inFive.values))).toMatchObject({
          code: 'subsystem_mismatch',
          reason:
            '这条值班安排属于运维子项 5，同步操作却标明不属于任何运维子项：客户端有误，这项修改未被处理',
        });
      });
    },
  );
}

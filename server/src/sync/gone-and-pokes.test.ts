import type { Visibility } from '@core/auth';
import { type PullResponse, type PushResponse, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserScope } from '../accounts/user-admin';
import { type TestApi, TEST_ARGON2, TEST_START, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { failOnBackgroundError, suiteTitle, testBackends } from '../test-support/test-databases';
import { SyncNotifier } from './sync-notifier';

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(
    `gone and pokes reach only who may read the record, on ${suiteTitle(backend)}`,
    () => {
      let api: TestApi;
      let lead: string;
      let engineer: string;
      let stopListening: () => Promise<void>;
      const notifier = new SyncNotifier(failOnBackgroundError);
      const leadClient = new SimClient('pc-lead-gone1');
      let at = TEST_START;
      let nextId = 0;

      const push = async (ops: Parameters<SimClient['batch']>[0]) => {
        const response = await api.request('POST', '/api/v1/sync/push', {
          token: lead,
          body: leadClient.batch(ops),
        });
        const body = response.json<PushResponse>();
        if (body.results.some((result) => result.status !== 'applied')) throw new Error(response.body);
      };
      const create = async (subsystemId: number) => {
        nextId += 1;
        const ticket = ticketRecord(uuid(0x90e, nextId), subsystemId);
        await push([leadClient.op(ticket, fieldsOf(ticket), { at: (at += 1000) })]);
        return ticket;
      };
      const move = (ticket: { id: string }, subsystemId: number) =>
        push([leadClient.op({ id: ticket.id, subsystemId }, { subsystemId }, { at: (at += 1000) })]);
      const edit = (ticket: { id: string; subsystemId: number }, subsystemId: number, title: string) =>
        push([leadClient.op({ id: ticket.id, subsystemId }, { title }, { at: (at += 1000) })]);
      const pull = async (token: string, cursor: string | null) => {
        const response = await api.request('POST', '/api/v1/sync/pull', {
          token,
          body: { schemaVersion: SYNC_SCHEMA_VERSION, cursor, limit: 500 },
        });
        return response.json<PullResponse>();
      };
      const goneIds = (page: PullResponse) =>
        page.changes.filter((change) => change.kind === 'gone').map((change) => change.recordId);
      const mentions = (page: PullResponse, id: string) =>
        page.changes.some((change) => change.recordId === id);

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
        await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1] });
        lead = await api.tokenFor('lead');
        engineer = await api.tokenFor('zhangsan');
        stopListening = await notifier.listen(api.db);
      }, 120_000);

      afterAll(async () => {
        await stopListening();
        await api.dispose();
      });

      it('tells a client that held a record it is gone once, and its later edits neither poke nor list it again', async () => {
        const inOne = pokesFor({ all: false, subsystemIds: [1], unitIds: [] });
        const inTwo = pokesFor({ all: false, subsystemIds: [2], unitIds: [] });
        const ticket = await create(1);
        await pokedAgain(inOne, 0);
        const held = await pull(engineer, null);
        expect(mentions(held, ticket.id)).toBe(true);

        await move(ticket, 2);
        await pokedAgain(inTwo, 0);
        await pokedAgain(inOne, 1);
        const gone = await pull(engineer, held.cursor);
        expect(goneIds(gone)).toEqual([ticket.id]);

        const pokesInOne = inOne.length;
        await edit(ticket, 2, '移出后再次修改');
        await pokedAgain(inTwo, 1);
        expect(inOne).toHaveLength(pokesInOne);
        expect((await pull(engineer, gone.cursor)).changes).toEqual([]);
        // Another PC of the same engineer, still at the old cursor, is told once too.
        expect(goneIds(await pull(engineer, held.cursor))).toEqual([ticket.id]);
      });

      it('lists no gone to a pull from the start, for records that left the scope before', async () => {
        const ticket = await create(1);
        const staying = await create(1);
        await move(ticket, 2);
        await edit(ticket, 2, '又改了一次');
        await api.createUser('zhaoliu', { role: 'engineer', subsystemIds: [1] });
        const first = await pull(await api.tokenFor('zhaoliu'), null);
        expect(mentions(first, staying.id)).toBe(true);
        expect(goneIds(first)).toEqual([]);
      });

      it('does not tell a client about a record created and moved away after its cursor', async () => {
        const { cursor } = await pull(engineer, null);
        const ticket = await create(1);
        await move(ticket, 2);
        expect(mentions(await pull(engineer, cursor), ticket.id)).toBe(false);
      });

      it('tells an engineer newly given a subsystem nothing about records that left it before', async () => {
        const ticket = await create(1);
        await move(ticket, 2);
        await api.createUser('wangwu', { role: 'engineer', subsystemIds: [3] });
        const before = await pull(await api.tokenFor('wangwu'), null);
        await setUserScope(
          api.db,
          'wangwu',
          { role: 'engineer', subsystemIds: [1, 3] },
          { actor: 'cli:test', now: api.clock.now, knownUnitIds: [], argon2: TEST_ARGON2 },
        );
        const widened = await pull(await api.tokenFor('wangwu'), before.cursor);
        expect(widened.reset).toBe(true);
        expect(goneIds(widened)).toEqual([]);
        expect(mentions(widened, ticket.id)).toBe(false);

        const widenedStream = pokesFor({ all: false, subsystemIds: [1, 3], unitIds: [] });
        const inTwo = pokesFor({ all: false, subsystemIds: [2], unitIds: [] });
        await edit(ticket, 2, '与新范围无关的修改');
        await pokedAgain(inTwo, 0);
        expect(widenedStream).toEqual([]);
        expect(mentions(await pull(await api.tokenFor('wangwu'), widened.cursor), ticket.id)).toBe(false);
      });
    },
  );
}

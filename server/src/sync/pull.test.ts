import { unpackStates } from '@core/sync/packed-states';
import {
  type PullResponse,
  type PushResponse,
  SYNC_SCHEMA_VERSION,
  pullResponseSchema,
} from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserScope } from '../accounts/user-admin';
import { type TestApi, TEST_ARGON2, TEST_START, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { suiteTitle, testBackends } from '../test-support/test-databases';

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(
    `POST /api/v1/sync/pull on ${suiteTitle(backend)}`,
    () => {
      let api: TestApi;
      let lead: string;
      const leadClient = new SimClient('pc-lead-pull1');
      const ids = Array.from({ length: 7 }, (_, index) => uuid(0xfeed, index + 1));

      const push = async (token: string, body: unknown) =>
        (await api.request('POST', '/api/v1/sync/push', { token, body })).json<PushResponse>();
      const pull = async (token: string, body: Record<string, unknown>) => {
        const response = await api.request('POST', '/api/v1/sync/pull', {
          token,
          body: { schemaVersion: SYNC_SCHEMA_VERSION, ...body },
        });
        return { status: response.statusCode, body: response.json<PullResponse>(), raw: response.json() };
      };
      /** Every change from the start, following the cursor; each page as the client's schema reads it. */
      const pullAll = async (token: string, limit = 2) => {
        const pages: PullResponse[] = [];
        let cursor: string | null = null;
        for (;;) {
          const { body } = await pull(token, { cursor, limit });
          pages.push(pullResponseSchema.parse(body));
          cursor = body.cursor;
          if (!body.hasMore) return { pages, cursor, changes: pages.flatMap((page) => page.changes) };
        }
      };

      beforeAll(async () => {
        api = await startTestApi(backend);
        await api.createUser('lead', { role: 'project_lead' });
        await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1] });
        await api.createUser('lisi', { role: 'service_manager', unitIds: [1] });
        lead = await api.tokenFor('lead');
        // Subsystems 1, 1, 2, 3, 1, 2, 3.
        const subsystems = [1, 1, 2, 3, 1, 2, 3];
        const ops = ids.map((id, index) => {
          const ticket = ticketRecord(id, subsystems[index] as number);
          return leadClient.op(ticket, fieldsOf(ticket));
        });
        const pushed = await push(lead, leadClient.batch(ops));
        if (pushed.results.some((result) => result.status !== 'applied'))
          throw new Error(JSON.stringify(pushed));
      }, 120_000);

      afterAll(async () => {
        await api.dispose();
      });

      it('pages through every change with the cursor, whole records at a time', async () => {
        const { pages, changes } = await pullAll(lead);
        expect(pages.map((page) => page.changes.length)).toEqual([2, 2, 2, 1]);
        expect(pages.map((page) => page.hasMore)).toEqual([true, true, true, false]);
        expect(changes.map((change) => change.recordId)).toEqual(ids);
        const first = changes[0];
        if (first?.kind !== 'record') throw new Error('第一条变更应为记录');
        expect(Object.keys(first.values)).toContain('updatedAt');
        expect(first.hlc).toMatch(/^[0-9a-f]{12}-/);
        expect(unpackStates(first).deleted).toEqual({ value: false, hlc: first.hlc, rank: 0 });
      });

      it('returns only later changes after a cursor, and a record edited again at its new place', async () => {
        const { cursor } = await pullAll(lead, 100);
        const nothing = await pull(lead, { cursor });
        expect(nothing.body).toMatchObject({ changes: [], hasMore: false, reset: false, cursor });
        const ticket = ticketRecord(ids[0] as string, 1);
        await push(
          lead,
          leadClient.batch([leadClient.op(ticket, { title: '再次修改' }, { at: TEST_START + 5000 })]),
        );
        const later = await pull(lead, { cursor });
        expect(later.body.changes.map((change) => change.recordId)).toEqual([ids[0]]);
        const again = await pull(lead, { cursor: later.body.cursor });
        expect(again.body.changes).toEqual([]);
      });

      it('shows an engineer only their subsystems and a service manager only the document system', async () => {
        const engineer = await api.tokenFor('zhangsan');
        const theirs = await pullAll(engineer, 100);
        expect(theirs.changes.map((change) => change.kind === 'record' && change.subsystemId)).toEqual([
          1, 1, 1,
        ]);
        const manager = await api.tokenFor('lisi');
        const documentSystem = await pullAll(manager, 100);
        expect(
          documentSystem.changes.map((change) => change.kind === 'record' && change.subsystemId),
        ).toEqual([3, 3]);
      });

      it('refuses with 403 and the reason a pull of a subsystem outside the scope', async () => {
        const engineer = await api.tokenFor('zhangsan');
        const refused = await pull(engineer, { subsystemIds: [1, 2] });
        expect(refused.status).toBe(403);
        expect(refused.raw).toEqual({
          error: { code: 'forbidden', message: '您负责运维子项 1，无权查看运维子项 2 的记录' },
        });
        const allowed = await pull(engineer, { subsystemIds: [1] });
        expect(allowed.status).toBe(200);
        const history = await api.request('GET', `/api/v1/sync/history/${ids[2]}`, { token: engineer });
        expect(history.statusCode).toBe(403);
        expect(history.json().error.message).toBe('您负责运维子项 1，无权查看运维子项 2 的记录');
      });

      it('tells an engineer when a record moves out of their subsystems', async () => {
        const engineer = await api.tokenFor('zhangsan');
        const { cursor } = await pullAll(engineer, 100);
        const moved = ticketRecord(ids[4] as string, 1);
        await push(
          lead,
          leadClient.batch([
            leadClient.op({ ...moved, subsystemId: 2 }, { subsystemId: 2 }, { at: TEST_START + 9000 }),
          ]),
        );
        const { body } = await pull(engineer, { cursor });
        expect(body.changes).toEqual([{ kind: 'gone', recordType: 'ticket', recordId: ids[4] }]);
      });

      it('starts over when the cursor was made for another scope', async () => {
        await api.createUser('wangwu', { role: 'engineer', subsystemIds: [2] });
        const before = await pullAll(await api.tokenFor('wangwu'), 100);
        expect(before.changes.every((change) => change.kind === 'record' && change.subsystemId === 2)).toBe(
          true,
        );
        await setUserScope(
          api.db,
          'wangwu',
          { role: 'engineer', subsystemIds: [2, 3] },
          {
            actor: 'cli:test',
            now: api.clock.now,
            knownUnitIds: [],
            argon2: TEST_ARGON2,
          },
        );
        const after = await pull(await api.tokenFor('wangwu'), { cursor: before.cursor, limit: 100 });
        expect(after.body.reset).toBe(true);
        expect(
          after.body.changes.map((change) => change.kind === 'record' && change.subsystemId).sort(),
        ).toEqual([2, 2, 2, 3, 3]);
      });

      it('starts over when the cursor was made by another database, even one replaced under the server', async () => {
        const { cursor, changes } = await pullAll(lead, 100);
        const original = await api.db.query<{ id: string }>('select instance_id as id from server_meta');
        const originalId = original.rows[0]?.id as string;
        try {
          // As if the database had been swapped for another one while the server kept running.
          await api.db.query('update server_meta set instance_id = $1', [
            '0badc0de-0000-4000-8000-000000000000',
          ]);
          const after = await pull(lead, { cursor, limit: 100 });
          expect(after.body.reset).toBe(true);
          expect(after.body.changes.map((change) => change.recordId).sort()).toEqual(
            changes.map((change) => change.recordId).sort(),
          );
          expect(after.body.cursor).toMatch(/^c1\.0badc0de\./);
          const next = await pull(lead, { cursor: after.body.cursor, limit: 100 });
          expect(next.body).toMatchObject({ reset: false, changes: [], hasMore: false });
        } finally {
          await api.db.query('update server_meta set instance_id = $1', [originalId]);
        }
      });

      it('answers 400 for a malformed pull', async () => {
        for (const body of [
          { limit: 0 },
          { limit: 5000 },
          { cursor: 'garbage' },
          { cursor: 5 },
          { subsystemIds: [99] },
        ]) {
          const response = await pull(lead, body);
          expect(response.status, JSON.stringify(body)).toBe(400);
          expect(response.raw.error.code).toBe('invalid_body');
        }
      });
    },
  );
}

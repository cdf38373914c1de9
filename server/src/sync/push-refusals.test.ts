import type { PushResponse } from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlParam } from '../db/database';
import { type TestApi, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { suiteTitle, testBackends } from '../test-support/test-databases';

/** What a hostile or broken client sends: every op is refused with a reason, never a 5xx. */
for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`push refusals on ${suiteTitle(backend)}`, () => {
    let api: TestApi;
    let engineer: string;
    let counter = 0;
    const newId = () => uuid(0xdef, (counter += 1));

    beforeAll(async () => {
      api = await startTestApi(backend);
      await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1, 5] });
      engineer = await api.tokenFor('zhangsan');
    }, 120_000);

    afterAll(async () => {
      await api.dispose();
    });

    const push = async (body: unknown, token = engineer) => {
      const response = await api.request('POST', '/api/v1/sync/push', { token, body });
      return { status: response.statusCode, body: response.json<PushResponse>() };
    };
    const count = async (sql: string, params: SqlParam[] = []) =>
      (await api.db.query<{ n: number }>(sql, params)).rows[0]?.n;
    const stateCount = (recordId: string) =>
      count('select count(*)::int as n from sync_field_state where record_id = $1', [recordId]);

    it('refuses a field named like an inherited object member as unknown_field', async () => {
      const client = new SimClient('pc-proto-0001');
      const ticket = ticketRecord(newId(), 1);
      await push(client.batch([client.op(ticket, fieldsOf(ticket))]));
      const before = await stateCount(ticket.id);
      const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
      const { status, body } = await push(
        client.batch(names.map((name) => client.op(ticket, { [name]: 'x' }))),
      );
      expect(status).toBe(200);
      expect(body.results.map((result) => (result.status === 'rejected' ? result.code : ''))).toEqual(
        names.map(() => 'unknown_field'),
      );
      expect(await stateCount(ticket.id)).toBe(before);
    });
  });
}

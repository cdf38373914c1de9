import type { JsonValue } from '@core/sync/json-value';
import {
  type HistoryResponse,
  type PullResponse,
  type PushResponse,
  SYNC_SCHEMA_VERSION,
} from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, TEST_START, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { suiteTitle, testBackends } from '../test-support/test-databases';

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(
    `POST /api/v1/sync/push on ${suiteTitle(backend)}`,
    () => {
      let api: TestApi;
      let lead: string;
      let engineer: string;
      let counter = 0;
      const newId = () => uuid(0xabc, (counter += 1));

      beforeAll(async () => {
        api = await startTestApi(backend);
        await api.createUser('lead', { role: 'project_lead' });
        await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1, 5] });
        lead = await api.tokenFor('lead');
        engineer = await api.tokenFor('zhangsan');
      }, 120_000);

      afterAll(async () => {
        await api.dispose();
      });

      const push = async (token: string, body: unknown) => {
        const response = await api.request('POST', '/api/v1/sync/push', { token, body });
        return { status: response.statusCode, body: response.json<PushResponse>() };
      };
      const serverRecord = async (token: string, recordId: string) => {
        const response = await api.request('POST', '/api/v1/sync/pull', {
          token,
          body: { schemaVersion: SYNC_SCHEMA_VERSION, cursor: null, limit: 1000 },
        });
        const change = response.json<PullResponse>().changes.find((c) => c.recordId === recordId);
        if (change?.kind !== 'record') return undefined;
        return change.values;
      };
      const changeLogCount = async (recordId: string) =>
        (
          await api.db.query<{ n: number }>(
            'select count(*)::int as n from sync_change_log where record_id = $1',
            [recordId],
          )
        ).rows[0]?.n;

      it('applies a new record and returns one result per op', async () => {
        const client = new SimClient('pc-a-000001');
        const ticket = ticketRecord(newId(), 1);
        const { status, body } = await push(engineer, client.batch([client.op(ticket, fieldsOf(ticket))]));
        expect(status).toBe(200);
        expect(body).toEqual({
          results: [{ seq: 1, opId: expect.any(String), status: 'applied' }],
          lastSeq: 1,
        });
        const stored = await serverRecord(engineer, ticket.id);
        expect(stored).toMatchObject({
          title: '网站首页打不开',
          status: 'new',
          deleted: false,
          subsystemId: 1,
        });
        expect(stored?.updatedAt).toBe(TEST_START);
      });

      it('returns the stored results for a batch sent twice and applies it once', async () => {
        const client = new SimClient('pc-b-000001');
        const ticket = ticketRecord(newId(), 1);
        const batch = client.batch([
          client.op(ticket, fieldsOf(ticket)),
          client.op(ticket, { title: '第二次修改' }, { at: TEST_START + 1000 }),
        ]);
        const first = await push(engineer, batch);
        const logged = await changeLogCount(ticket.id);
        const second = await push(engineer, batch);
        expect(second).toEqual(first);
        expect(await changeLogCount(ticket.id)).toBe(logged);
      });

      it('skips a delayed copy of an older batch that arrives after a newer one', async () => {
        const client = new SimClient('pc-c-000001');
        const ticket = ticketRecord(newId(), 1);
        const older = client.batch([
          client.op(ticket, fieldsOf(ticket)),
          client.op(ticket, { title: '旧标题' }),
        ]);
        const newer = client.batch([client.op(ticket, { title: '新标题' }, { at: TEST_START + 5000 })]);
        await push(engineer, older);
        await push(engineer, newer);
        const late = await push(engineer, older);
        expect(late.body.lastSeq).toBe(3);
        expect(late.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
        expect((await serverRecord(engineer, ticket.id))?.title).toBe('新标题');
      });

      it('records a rejection, advances lastSeq past it and audits it', async () => {
        const client = new SimClient('pc-d-000001');
        const ticket = ticketRecord(newId(), 1);
        const bad = client.op(ticket, { ...fieldsOf(ticket), title: '' });
        const good = client.op(ticketRecord(newId(), 5), fieldsOf(ticketRecord(uuid(0xabc, counter), 5)));
        const { body } = await push(engineer, client.batch([bad, good]));
        expect(body.lastSeq).toBe(2);
        expect(body.results[0]).toEqual({
          seq: 1,
          opId: bad.opId,
          status: 'rejected',
          code: 'invalid',
          reason: '工单数据无效：title: 请填写标题',
        });
        expect(body.results[1]?.status).toBe('applied');
        const again = await push(engineer, client.batch([bad, good]));
        expect(again.body).toEqual(body);
        const audit = await api.db.query<{
          actor: string;
          action: string;
          target: string;
          result: string;
          detail: { code: string };
        }>("select actor, action, target, result, detail from audit_log where action = 'sync_rejected'");
        expect(audit.rows).toContainEqual(
          expect.objectContaining({
            actor: 'zhangsan',
            target: `ticket/${ticket.id}`,
            result: 'rejected',
            detail: expect.objectContaining({ code: 'invalid', seq: 1 }),
          }),
        );
        expect(audit.rows.filter((row) => row.target === `ticket/${ticket.id}`)).toHaveLength(1);
      });

      it('refuses writes to another subsystem per op, saying why', async () => {
        const client = new SimClient('pc-e-000001');
        const foreign = ticketRecord(newId(), 3);
        const { body } = await push(engineer, client.batch([client.op(foreign, fieldsOf(foreign))]));
        expect(body.results[0]).toMatchObject({
          status: 'rejected',
          code: 'forbidden',
          reason: '您负责运维子项 1、5，不能修改运维子项 3 的工单',
        });
        const leadTicket = ticketRecord(newId(), 3);
        const leadClient = new SimClient('pc-lead-0001');
        await push(lead, leadClient.batch([leadClient.op(leadTicket, fieldsOf(leadTicket))]));
        // Moving a foreign record into one's own subsystem is refused just the same.
        const moved = await push(
          engineer,
          client.batch([client.op(leadTicket, { subsystemId: 1 }, { at: TEST_START + 1 })]),
        );
        expect(moved.body.results[0]).toMatchObject({
          code: 'forbidden',
          reason: expect.stringContaining('运维子项 3'),
        });
      });

      it('refuses unknown fields, a wrong id, future clocks and missing blobs, each with its code', async () => {
        const client = new SimClient('pc-f-000001');
        const ticket = ticketRecord(newId(), 1);
        await push(engineer, client.batch([client.op(ticket, fieldsOf(ticket))]));
        const ops = [
          client.op(ticket, { colour: 'red' }),
          client.op(ticket, { id: uuid(1, 1) }),
          client.op(ticket, { subsystemId: 5 }),
          client.op(ticket, {
            attachments: [{ sha256: 'a'.repeat(64), name: '截图.png', mime: 'image/png', size: 10 }],
          }),
          // Last: the client's clock stays in that future for its later ops.
          client.op(ticket, { title: '未来' }, { at: TEST_START + 60 * 60 * 1000 }),
        ];
        const { body } = await push(engineer, client.batch(ops));
        expect(body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
          'unknown_field',
          'invalid',
          'subsystem_mismatch',
          'blob_missing',
          'clock_drift',
        ]);
      });

      it('answers 400 for a malformed batch and writes nothing of it', async () => {
        const client = new SimClient('pc-g-000001');
        const ticket = ticketRecord(newId(), 1);
        const good = client.op(ticket, fieldsOf(ticket));
        const broken = { ...client.op(ticket, { title: 'x' }), seq: 1 };
        const response = await api.request('POST', '/api/v1/sync/push', {
          token: engineer,
          body: client.batch([good, broken]),
        });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toEqual({
          error: { code: 'invalid_body', message: expect.stringContaining('ops.1.seq: seq 应严格递增') },
        });
        expect(await serverRecord(engineer, ticket.id)).toBeUndefined();
        for (const body of [
          'null',
          '[]',
          '{"clientId":"x"}',
          '"text"',
          JSON.stringify({ ...client.batch([good]), extra: 1 }),
        ]) {
          const bad = await api.request('POST', '/api/v1/sync/push', {
            token: engineer,
            body,
            headers: { 'content-type': 'application/json' },
          });
          expect(bad.statusCode, body).toBe(400);
        }
        expect(await serverRecord(engineer, ticket.id)).toBeUndefined();
      });

      it('accepts batches beyond the global body limit up to its own, and refuses larger ones', async () => {
        const client = new SimClient('pc-size-00001');
        const ticket = ticketRecord(newId(), 1);
        const long = '长'.repeat(19_990);
        const ops = [
          client.op(ticket, fieldsOf(ticket)),
          ...Array.from({ length: 40 }, (_, index) =>
            client.op(ticket, { description: `${index}${long}` }, { at: TEST_START + index }),
          ),
        ];
        const big = await push(engineer, client.batch(ops));
        expect(big.status).toBe(200);
        expect(big.body.lastSeq).toBe(41);
        expect(big.body.results.every((result) => result.status === 'applied')).toBe(true);
        const huge = Array.from({ length: 160 }, (_, index) =>
          client.op(ticket, { description: `${index}${long}` }, { at: TEST_START + 100 + index }),
        );
        const refused = await api.request('POST', '/api/v1/sync/push', {
          token: engineer,
          body: client.batch(huge),
        });
        expect(refused.statusCode).toBe(413);
        expect(refused.json().error.message).toMatch(/^一次推送的内容不能超过 8 MB/);
      });

      it('serialises concurrent batches on the same records without losing or deadlocking any', async () => {
        const tickets = [ticketRecord(newId(), 1), ticketRecord(newId(), 1), ticketRecord(newId(), 5)];
        const setup = new SimClient('pc-conc-setup');
        await push(lead, setup.batch(tickets.map((ticket) => setup.op(ticket, fieldsOf(ticket)))));
        const clients = Array.from({ length: 8 }, (_, index) => new SimClient(`pc-conc-${index}-0000`));
        const batches = clients.map((client, index) =>
          client.batch(
            // Each batch touches the records in a different order.
            [...tickets.slice(index % 3), ...tickets.slice(0, index % 3)].map((ticket) =>
              client.op(ticket, { title: `并发 ${index}` }, { at: TEST_START + 1000 + index }),
            ),
          ),
        );
        const responses = await Promise.all(batches.map((batch) => push(lead, batch)));
        expect(responses.map((response) => response.status)).toEqual(batches.map(() => 200));
        for (const ticket of tickets) expect((await serverRecord(lead, ticket.id))?.title).toBe('并发 7');
        const seqs = await api.db.query<{ seq: string }>(
          'select change_seq as seq from sync_records where record_id = any($1::uuid[])',
          [tickets.map((ticket) => ticket.id)],
        );
        expect(new Set(seqs.rows.map((row) => row.seq)).size).toBe(3);
      });

      it('numbers each commit’s records as one block at commit, in commit order, and leaves none unnumbered', async () => {
        const clients = Array.from({ length: 12 }, (_, index) => new SimClient(`pc-block-${index}-000`));
        const batches = clients.map((client) => {
          const tickets = [ticketRecord(newId(), 1), ticketRecord(newId(), 5), ticketRecord(newId(), 1)];
          return {
            tickets,
            body: client.batch(tickets.map((ticket) => client.op(ticket, fieldsOf(ticket)))),
          };
        });
        const responses = await Promise.all(batches.map((batch) => push(lead, batch.body)));
        expect(responses.map((response) => response.status)).toEqual(batches.map(() => 200));
        const blocks = [];
        for (const { tickets } of batches) {
          const { rows } = await api.db.query<{ seq: string | null }>(
            'select change_seq as seq from sync_records where record_id = any($1::uuid[]) order by change_seq',
            [tickets.map((ticket) => ticket.id)],
          );
          const seqs = rows.map((row) => Number(row.seq));
          expect(rows.every((row) => row.seq !== null)).toBe(true);
          // Drawn under one lock held to the end of the commit: no other commit's numbers in between.
          expect(seqs).toEqual([seqs[0], (seqs[0] as number) + 1, (seqs[0] as number) + 2]);
          blocks.push(seqs[0] as number);
        }
        expect(new Set(blocks).size).toBe(batches.length);
        const unnumbered = await api.db.query<{ n: number }>(
          'select count(*)::int as n from sync_records where change_seq is null',
        );
        expect(unnumbered.rows[0]?.n).toBe(0);
      });

      it('binds a client id to the account that first pushed with it', async () => {
        const client = new SimClient('pc-h-000001');
        const ticket = ticketRecord(newId(), 1);
        await push(engineer, client.batch([client.op(ticket, fieldsOf(ticket))]));
        const response = await api.request('POST', '/api/v1/sync/push', {
          token: lead,
          body: client.batch([client.op(ticket, { title: '别人的客户端' })]),
        });
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe('client_id_taken');
      });

      it('keeps both concurrent edits of different fields, and one deterministic winner of the same field', async () => {
        const a = new SimClient('pc-i-aaaaaa', 'aaaaaaaaaa');
        const b = new SimClient('pc-i-bbbbbb', 'bbbbbbbbbb');
        const ticket = ticketRecord(newId(), 1);
        await push(engineer, a.batch([a.op(ticket, fieldsOf(ticket))]));
        const at = TEST_START + 10_000;
        // Same wall time and counter on both PCs: the node id decides, the same way everywhere.
        await push(lead, b.batch([b.op(ticket, { severity: 'major', title: 'B 的标题' }, { at })]));
        await push(engineer, a.batch([a.op(ticket, { description: 'A 的描述', title: 'A 的标题' }, { at })]));
        const stored = await serverRecord(lead, ticket.id);
        expect(stored).toMatchObject({ severity: 'major', description: 'A 的描述', title: 'B 的标题' });

        const history = await api.request('GET', `/api/v1/sync/history/${ticket.id}`, { token: lead });
        const titles = history
          .json<HistoryResponse>()
          .entries.filter((entry) => entry.field === 'title')
          .map((entry) => [entry.value, entry.outcome, entry.user]);
        expect(titles).toEqual([
          ['网站首页打不开', 'applied', 'zhangsan'],
          ['A 的标题', 'superseded', 'zhangsan'],
          ['B 的标题', 'applied', 'lead'],
        ]);
      });

      it('applies the ops of one batch on one record in order, each on what the one before left', async () => {
        const client = new SimClient('pc-m-000001');
        const ticket = ticketRecord(newId(), 1);
        const created = client.op(ticket, fieldsOf(ticket));
        const retitled = client.op(ticket, { title: '第二个标题' }, { at: TEST_START + 2000 });
        // An older clock than the retitle's: it loses to it, and stays in history as superseded.
        const stale = client.op(ticket, { title: '过时的标题' }, { hlc: created.fields[0]?.hlc as string });
        const escalated = client.op(ticket, { severity: 'major' }, { at: TEST_START + 3000 });
        const { body } = await push(engineer, client.batch([created, retitled, stale, escalated]));
        expect(body.results.map((result) => result.status)).toEqual([
          'applied',
          'applied',
          'applied',
          'applied',
        ]);
        expect(await serverRecord(engineer, ticket.id)).toMatchObject({
          title: '第二个标题',
          severity: 'major',
          updatedAt: TEST_START + 3000,
        });
        const history = await api.request('GET', `/api/v1/sync/history/${ticket.id}`, { token: engineer });
        const titles = history
          .json<HistoryResponse>()
          .entries.filter((entry) => entry.field === 'title')
          .map((entry) => [entry.value, entry.outcome]);
        expect(titles).toEqual([
          ['网站首页打不开', 'applied'],
          ['过时的标题', 'superseded'],
          ['第二个标题', 'applied'],
        ]);
      });

      it('leaves no trace of a new record whose every op in the batch was refused', async () => {
        const client = new SimClient('pc-n-000001');
        const refusedOnly = ticketRecord(newId(), 1);
        const refusedThenMade = ticketRecord(newId(), 1);
        const { body } = await push(
          engineer,
          client.batch([
            client.op(refusedOnly, { ...fieldsOf(refusedOnly), title: '' }),
            client.op(refusedThenMade, { ...fieldsOf(refusedThenMade), colour: 'red' }),
            client.op(refusedThenMade, fieldsOf(refusedThenMade)),
          ]),
        );
        expect(body.results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'applied']);
        const rows = await api.db.query<{ recordId: string }>(
          'select record_id as "recordId" from sync_records where record_id = any($1::uuid[])',
          [[refusedOnly.id, refusedThenMade.id]],
        );
        expect(rows.rows.map((row) => row.recordId)).toEqual([refusedThenMade.id]);
        expect(await serverRecord(engineer, refusedOnly.id)).toBeUndefined();
        expect((await serverRecord(engineer, refusedThenMade.id))?.title).toBe('网站首页打不开');
      });

      it('keeps a deleted record deleted through concurrent edits until an explicit restore', async () => {
        const a = new SimClient('pc-j-aaaaaa', 'aaaaaaaaaa');
        const b = new SimClient('pc-j-bbbbbb', 'bbbbbbbbbb');
        const ticket = ticketRecord(newId(), 1);
        await push(engineer, a.batch([a.op(ticket, fieldsOf(ticket))]));
        await push(lead, b.batch([b.op(ticket, { deleted: true }, { at: TEST_START + 1000 })]));
        // A later edit from a PC that has not seen the delete, and a stale "not deleted" value.
        await push(
          engineer,
          a.batch([a.op(ticket, { title: '删除后的修改', deleted: false }, { at: TEST_START + 9000 })]),
        );
        expect(await serverRecord(lead, ticket.id)).toMatchObject({ deleted: true, title: '删除后的修改' });
        await push(
          lead,
          b.batch([b.op(ticket, { deleted: false }, { at: TEST_START + 20_000, kind: 'restore' })]),
        );
        expect((await serverRecord(lead, ticket.id))?.deleted).toBe(false);
      });

      it('merges two PCs’ timeline events as a union and recomputes the status', async () => {
        const a = new SimClient('pc-k-aaaaaa', 'aaaaaaaaaa');
        const b = new SimClient('pc-k-bbbbbb', 'bbbbbbbbbb');
        const ticket = ticketRecord(newId(), 1);
        await push(engineer, a.batch([a.op(ticket, fieldsOf(ticket))]));
        const created = ticket.events[0] as JsonValue;
        const responded = { id: uuid(0xee, 1), kind: 'responded', at: TEST_START + 1000, author: 'zhangsan' };
        const comment = {
          id: uuid(0xee, 2),
          kind: 'comment',
          at: TEST_START + 2000,
          author: 'lead',
          text: '请尽快处理',
        };
        await push(
          engineer,
          a.batch([
            a.op(ticket, { events: [created, responded], status: 'responded' }, { at: TEST_START + 1000 }),
          ]),
        );
        await push(
          lead,
          b.batch([b.op(ticket, { events: [created, comment], status: 'new' }, { at: TEST_START + 2000 })]),
        );
        const stored = await serverRecord(lead, ticket.id);
        expect((stored?.events as { id: string }[]).map((event) => event.id)).toEqual([
          (created as { id: string }).id,
          responded.id,
          comment.id,
        ]);
        expect(stored?.status).toBe('responded');
      });
    },
  );
}

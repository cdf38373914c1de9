import { createHash } from 'node:crypto';
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
    let other: string;
    let lead: string;
    let counter = 0;
    const newId = () => uuid(0xdef, (counter += 1));

    beforeAll(async () => {
      api = await startTestApi(backend);
      await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1, 5] });
      await api.createUser('lisi', { role: 'engineer', subsystemIds: [7] });
      await api.createUser('lead', { role: 'project_lead' });
      engineer = await api.tokenFor('zhangsan');
      other = await api.tokenFor('lisi');
      lead = await api.tokenFor('lead');
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

    it('answers a value nested beyond the limit with 400 invalid_body and writes nothing', async () => {
      const client = new SimClient('pc-deep-00001');
      const ticket = ticketRecord(newId(), 1);
      for (const depth of [100, 10_000]) {
        // As text: building the value and serialising it would overflow this side's stack first.
        const body = JSON.stringify(
          client.batch([client.op(ticket, { ...fieldsOf(ticket), description: 'DEEP' })]),
        ).replace('"DEEP"', `${'['.repeat(depth)}"底"${']'.repeat(depth)}`);
        const response = await api.request('POST', '/api/v1/sync/push', {
          token: engineer,
          body,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.statusCode, String(depth)).toBe(400);
        expect(response.json().error).toEqual({
          code: 'invalid_body',
          message: expect.stringContaining('嵌套超过 64 层'),
        });
      }
      expect(await stateCount(ticket.id)).toBe(0);
      expect(
        await count('select count(*)::int as n from sync_clients where client_id = $1', [client.clientId]),
      ).toBe(0);
    });

    it('refuses text the databases cannot store per op, and goes on with the batch', async () => {
      const client = new SimClient('pc-text-00001');
      const ticket = ticketRecord(newId(), 1);
      const halfEmoji = '😀'.slice(0, 1);
      const ops = [
        client.op(ticket, { ...fieldsOf(ticket), title: `网站首页${halfEmoji}` }),
        client.op(ticket, { ...fieldsOf(ticket), title: 'a\u0000b' }),
        client.op(ticket, { ...fieldsOf(ticket), reporter: { ...ticket.reporter, ['备注\u0000']: 1 } }),
        client.op(ticket, { ...fieldsOf(ticket), [`title${halfEmoji}`]: 'x' }),
        client.op(ticket, { ...fieldsOf(ticket), ['ti\u0000tle']: 'x' }),
        client.op(ticket, fieldsOf(ticket)),
      ];
      const { status, body } = await push(client.batch(ops));
      expect(status).toBe(200);
      expect(body.lastSeq).toBe(6);
      expect(body.results.map((result) => (result.status === 'rejected' ? result.code : 'applied'))).toEqual([
        'invalid',
        'invalid',
        'invalid',
        'unknown_field',
        'unknown_field',
        'applied',
      ]);
      expect(body.results[0]).toMatchObject({
        reason: expect.stringMatching(/^工单数据无效：title: 含有无法保存的字符/),
      });
      expect(body.results[2]).toMatchObject({
        reason: expect.stringContaining('reporter.备注\uFFFD: 含有无法保存的字符'),
      });
      // The same batch again (a retry after a lost reply) gets the same answers.
      expect((await push(client.batch(ops))).body).toEqual(body);
    });

    it('refuses a lone change to a record it never accepted in the user’s words, naming no field or type', async () => {
      const client = new SimClient('pc-lone-00001');
      const ticket = ticketRecord(newId(), 5);
      // The ticket's creation was refused (another subsystem); the engineer then moved it to 5.
      const { status, body } = await push(client.batch([client.op(ticket, { subsystemId: 5 })]));
      expect(status).toBe(200);
      expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
      const reason = body.results[0]?.status === 'rejected' ? body.results[0].reason : '';
      expect(reason).toContain('服务器上还没有这条工单');
      expect(reason).not.toMatch(/[A-Za-z]{2,}|期望|实际接收/);
    });

    it('quotes at most a bounded part of what the client sent in a reason and in the audit log', async () => {
      const client = new SimClient('pc-long-00001');
      const ticket = ticketRecord(newId(), 1);
      const longName = `长${'x'.repeat(1024 * 1024)}`;
      const longKey = `k${'y'.repeat(100_000)}`;
      const { status, body } = await push(
        client.batch([
          client.op(ticket, { ...fieldsOf(ticket), [longName]: 1 }),
          client.op(ticket, { ...fieldsOf(ticket), reporter: { ...ticket.reporter, [longKey]: 1 } }),
        ]),
      );
      expect(status).toBe(200);
      for (const result of body.results) {
        expect(result.status).toBe('rejected');
        expect(result.status === 'rejected' && result.reason.length).toBeLessThanOrEqual(1001);
      }
      expect(body.results[0]).toMatchObject({
        code: 'unknown_field',
        reason: `工单没有字段 长${'x'.repeat(63)}…`,
      });
      const audit = await api.db.query<{ size: number }>(
        `select max(length(detail::text))::int as size from audit_log
         where action = 'sync_rejected' and detail->>'clientId' = $1`,
        [client.clientId],
      );
      expect(audit.rows[0]?.size).toBeLessThan(5000);
    });

    it('applies an op id once: a second op under it, in the batch or later, is refused seq_reused', async () => {
      const client = new SimClient('pc-opid-00001');
      const ticket = ticketRecord(newId(), 1);
      const created = client.op(ticket, fieldsOf(ticket));
      const twin = { ...client.op(ticket, { title: '同一操作编号的第二个操作' }), opId: created.opId };
      const first = await push(client.batch([created, twin]));
      expect(
        first.body.results.map((result) => (result.status === 'rejected' ? result.code : 'applied')),
      ).toEqual(['applied', 'seq_reused']);
      const renumbered = { ...client.op(ticket, { title: '换了序号的旧操作' }), opId: created.opId };
      const later = await push(client.batch([renumbered]));
      expect(later.body.results[0]).toMatchObject({
        status: 'rejected',
        code: 'seq_reused',
        reason: expect.stringContaining(`seq 1`),
      });
      const titles = await api.db.query<{ value: string }>(
        "select value #>> '{}' as value from sync_change_log where record_id = $1 and field = 'title'",
        [ticket.id],
      );
      expect(titles.rows.map((row) => row.value)).toEqual(['网站首页打不开']);
      // A retry of either batch gets the answers it got the first time.
      expect((await push(client.batch([created, twin]))).body.results).toEqual(first.body.results);
      expect((await push(client.batch([renumbered]))).body.results).toEqual(later.body.results);
    });

    it('lets a user refer to a blob only when they uploaded it or may already read it', async () => {
      const photo = Buffer.from('现场照片的字节');
      const sha256 = createHash('sha256').update(photo).digest('hex');
      const upload = (token: string) =>
        api.request('PUT', `/api/v1/blobs/${sha256}`, {
          token,
          body: photo,
          headers: { 'content-type': 'application/octet-stream' },
        });
      const attachment = { sha256, name: '现场.jpg', mime: 'image/jpeg', size: photo.byteLength };
      expect((await upload(engineer)).statusCode).toBe(201);
      const owner = new SimClient('pc-blob-owner1');
      const own = ticketRecord(newId(), 1);
      const mine = await push(owner.batch([owner.op(own, { ...fieldsOf(own), attachments: [attachment] })]));
      expect(mine.body.results[0]?.status).toBe('applied');

      // Knowing the hash is not enough: the reference is refused and the blob stays unreadable.
      const stranger = new SimClient('pc-blob-strgr1');
      const theirs = ticketRecord(newId(), 7, 'lisi');
      const refused = await push(
        stranger.batch([stranger.op(theirs, { ...fieldsOf(theirs), attachments: [attachment] })]),
        other,
      );
      expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: 'blob_missing' });
      expect((await api.request('GET', `/api/v1/blobs/${sha256}`, { token: other })).statusCode).toBe(403);

      // Whoever may read a record that refers to it may refer to it too, without uploading it.
      const leadClient = new SimClient('pc-blob-lead01');
      const leads = ticketRecord(newId(), 7, 'lead');
      const byReader = await push(
        leadClient.batch([leadClient.op(leads, { ...fieldsOf(leads), attachments: [attachment] })]),
        lead,
      );
      expect(byReader.body.results[0]?.status).toBe('applied');

      // Uploading the bytes proves the user has them: then the reference is taken.
      expect((await upload(other)).statusCode).toBe(200);
      const again = await push(
        stranger.batch([stranger.op(theirs, { ...fieldsOf(theirs), attachments: [attachment] })]),
        other,
      );
      expect(again.body.results[0]?.status).toBe('applied');
    });
  });
}

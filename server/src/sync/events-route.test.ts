import type { AddressInfo } from 'node:net';
import { sampleRecord } from '@core/records/testing/sample-records';
import { SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, TEST_START, startTestApi } from '../test-support/api-harness';
import { SimClient, fieldsOf, ticketRecord, uuid } from '../test-support/sim-client';
import { pgliteBackend } from '../test-support/test-databases';

/** Reads server-sent events from a fetch body, one `{event, data}` at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(): Promise<{ event: string; data: string }> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (event !== undefined) return { event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' };
        continue;
      }
      const { value, done } = await reader.read();
      if (done) return { event: 'end', data: '' };
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

// The stream is HTTP plumbing over the same code on both databases: PGlite suffices.
describe('GET /api/v1/sync/events', () => {
  let api: TestApi;
  let url: string;

  beforeAll(async () => {
    api = await startTestApi(pgliteBackend);
    await api.createUser('lead', { role: 'project_lead' });
    await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [1] });
    await api.createUser('wangjl', { role: 'service_manager', unitIds: [2] });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    await api.dispose();
  });

  it('pokes a user after a commit they can see, and only then', async () => {
    const token = await api.tokenFor('zhangsan');
    const response = await fetch(`${url}/api/v1/sync/events`, {
      headers: { authorization: `Bearer ${token}`, 'yunwei-schema-version': String(SYNC_SCHEMA_VERSION) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('yunwei-schema-version')).toBe(String(SYNC_SCHEMA_VERSION));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const next = eventReader(response.body as ReadableStream<Uint8Array>);
    expect(await next()).toEqual({ event: 'ready', data: '{}' });

    const lead = await api.tokenFor('lead');
    const client = new SimClient('pc-events-01');
    const hidden = ticketRecord(uuid(0xe7, 1), 2);
    const visible = ticketRecord(uuid(0xe7, 2), 1);
    for (const ticket of [hidden, visible]) {
      await api.request('POST', '/api/v1/sync/push', {
        token: lead,
        body: client.batch([client.op(ticket, fieldsOf(ticket))]),
      });
    }
    const { rows } = await api.db.query<{ seq: string }>(
      'select change_seq as seq from sync_records where record_id = $1',
      [visible.id],
    );
    expect(await next()).toEqual({ event: 'poke', data: JSON.stringify({ seq: Number(rows[0]?.seq) }) });
  });

  it('pokes a service manager for a visit to their units, not for one to other units', async () => {
    const response = await fetch(`${url}/api/v1/sync/events`, {
      headers: {
        authorization: `Bearer ${await api.tokenFor('wangjl')}`,
        'yunwei-schema-version': String(SYNC_SCHEMA_VERSION),
      },
    });
    const next = eventReader(response.body as ReadableStream<Uint8Array>);
    expect(await next()).toEqual({ event: 'ready', data: '{}' });

    const lead = await api.tokenFor('lead');
    const client = new SimClient('pc-events-02');
    const visits = [5, 2].map((unit) =>
      sampleRecord('visit', { id: uuid(0xe8, unit), actor: 'wangjl', at: TEST_START, unitIds: [unit] }),
    );
    for (const visit of visits) {
      const pushed = await api.request('POST', '/api/v1/sync/push', {
        token: lead,
        body: client.batch([
          client.op({ recordType: 'visit', id: visit.id as string, subsystemId: 0 }, fieldsOf(visit)),
        ]),
      });
      expect(pushed.json().results[0].status).toBe('applied');
    }
    const { rows } = await api.db.query<{ seq: string }>(
      'select change_seq as seq from sync_records where record_id = $1',
      [visits[1]?.id as string],
    );
    expect(await next()).toEqual({ event: 'poke', data: JSON.stringify({ seq: Number(rows[0]?.seq) }) });
  });

  it('refuses a stream without a valid token', async () => {
    const response = await fetch(`${url}/api/v1/sync/events`, {
      headers: { 'yunwei-schema-version': String(SYNC_SCHEMA_VERSION) },
    });
    expect(response.status).toBe(401);
  });

  it('ends open streams when the server closes', async () => {
    const token = await api.tokenFor('lead');
    const response = await fetch(`${url}/api/v1/sync/events`, {
      headers: { authorization: `Bearer ${token}`, 'yunwei-schema-version': String(SYNC_SCHEMA_VERSION) },
    });
    const next = eventReader(response.body as ReadableStream<Uint8Array>);
    expect((await next()).event).toBe('ready');
    await api.app.close();
    expect(await next()).toEqual({ event: 'end', data: '' });
  });
});

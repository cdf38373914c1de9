import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALENDARS_PATH, type CalendarListResponse } from '@core/calendar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { type TestApi, startTestApi } from '../test-support/api-harness';
import { suiteTitle, testBackends } from '../test-support/test-databases';

const notice2027 = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../core/src/calendar/fixtures/notice-2027.json'), 'utf8'),
) as { holidays: { adjustedWorkdays: string[] }[] };

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`calendar routes on ${suiteTitle(backend)}`, () => {
    let api: TestApi;
    let lead: string;
    let engineer: string;

    beforeEach(async () => {
      api = await startTestApi(backend);
      await api.createUser('lead', { role: 'project_lead' });
      await api.createUser('zhangsan', { role: 'engineer', subsystemIds: [5] });
      lead = await api.tokenFor('lead');
      engineer = await api.tokenFor('zhangsan');
    });
    afterEach(() => api.dispose());

    it('lets the project lead add a year that every user then fetches, with an ETag', async () => {
      const put = await api.request('PUT', `${CALENDARS_PATH}/2027`, { token: lead, body: notice2027 });
      expect(put.statusCode).toBe(201);
      expect(put.json()).toMatchObject({ outcome: 'added', notice: { year: 2027 } });

      const list = await api.request('GET', CALENDARS_PATH, { token: engineer });
      expect(list.statusCode).toBe(200);
      expect(list.json<CalendarListResponse>().notices.map((notice) => notice.year)).toEqual([2027]);
      const etag = list.headers.etag as string;
      const again = await api.request('GET', CALENDARS_PATH, {
        token: engineer,
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);

      const same = await api.request('PUT', `${CALENDARS_PATH}/2027`, { token: lead, body: notice2027 });
      expect(same.json()).toMatchObject({ outcome: 'unchanged' });
      const audit = await listAudit(api.db, { limit: 10 });
      expect(audit.filter((entry) => entry.action === 'calendar_import')).toHaveLength(1);
    });

    it('refuses anyone but the project lead', async () => {
      const put = await api.request('PUT', `${CALENDARS_PATH}/2027`, { token: engineer, body: notice2027 });
      expect(put.statusCode).toBe(403);
      expect((await api.request('GET', CALENDARS_PATH, { token: engineer })).json()).toEqual({ notices: [] });
    });

    it('refuses a bad notice with 400, naming where, and stores nothing', async () => {
      const bad = structuredClone(notice2027);
      bad.holidays[3]?.adjustedWorkdays.splice(0, 1, '2027-04-26');
      const put = await api.request('PUT', `${CALENDARS_PATH}/2027`, { token: lead, body: bad });
      expect(put.statusCode).toBe(400);
      expect(put.json()).toMatchObject({
        error: {
          code: 'invalid_calendar',
          message: expect.stringContaining('holidays[3].adjustedWorkdays[0]'),
        },
      });
      const mismatch = await api.request('PUT', `${CALENDARS_PATH}/2028`, { token: lead, body: notice2027 });
      expect(mismatch.statusCode).toBe(400);
      const malformed = await api.request('PUT', `${CALENDARS_PATH}/next`, { token: lead, body: notice2027 });
      expect(malformed.statusCode).toBe(400);
      expect((await api.request('GET', CALENDARS_PATH, { token: engineer })).json()).toEqual({ notices: [] });
    });
  });
}

import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCalendarNoticeText } from '@core/calendar';
import type { SessionUser } from '@core/sync/protocol';
import { formatInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import type { SyncedRecord } from '../store';
import { at, createdTicket } from '../store/testing/record-fixtures';
import { saveTicket } from '../store/testing/save-ticket';
import { testDatabases } from '../store/testing/test-databases';
import { SyncEngine, type Timers } from './sync-engine';
import { FakeSyncServer } from './testing/fake-sync-server';

const USER: SessionUser = {
  name: 'zhangsan',
  role: 'engineer',
  subsystemIds: [4],
  unitIds: [],
  visibleSubsystemIds: [4],
};
const NO_TIMERS: Timers = { set: () => 0, clear: () => undefined };
const { fresh } = testDatabases('calendar-refresh');

function notice2027() {
  const path = join(import.meta.dirname, '../../../core/src/calendar/fixtures/notice-2027.json');
  const result = importCalendarNoticeText(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.notice;
}

describe('a sync round fetches the calendar notices', () => {
  it('applies a notice the lead added, recomputing the open ticket and announcing it, and only once', async () => {
    const server = new FakeSyncServer();
    const db = await fresh();
    const applied: SyncedRecord[] = [];
    const engine = new SyncEngine({
      db,
      transport: server,
      user: USER,
      onStatus: () => undefined,
      onApplied: (changed) => applied.push(...changed),
      now: () => at('2027-02-18T11:00'),
      timers: NO_TIMERS,
    });
    const ticket = await saveTicket(
      db,
      null,
      createdTicket(
        { subsystemId: 4, category: 'data', severity: 'ordinary', receivedAt: at('2027-02-18T10:00') },
        at('2027-02-18T10:05'),
      ),
      '2027-02-18T10:05',
    );
    expect(await engine.runRound()).toEqual({ ok: true });
    expect(formatInstant((await db.tickets.get(ticket.id))?.deadlineAt ?? 0)).toBe(
      '2027-03-12T00:00:00+08:00',
    );
    applied.length = 0;

    await server.putCalendar(notice2027());
    expect(await engine.runRound()).toEqual({ ok: true });
    expect(applied).toEqual([{ recordType: 'ticket', recordId: ticket.id }]);
    expect(formatInstant((await db.tickets.get(ticket.id))?.deadlineAt ?? 0)).toBe(
      '2027-03-11T00:00:00+08:00',
    );

    expect(await engine.runRound()).toEqual({ ok: true });
    expect(applied).toHaveLength(1);
  });
});

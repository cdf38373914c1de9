import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCalendarNoticeText } from '@core/calendar';
import { transition } from '@core/records';
import { formatInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { at, createdTicket } from '../testing/record-fixtures';
import { saveTicket } from '../testing/save-ticket';
import { YunweiDatabase } from '../database/yunwei-database';
import { testDatabases } from '../testing/test-databases';
import {
  applyCalendarNotices,
  changeReason,
  loadStoredCalendar,
  readStoredCalendar,
} from './calendar-notices';

const { fresh, keep } = testDatabases('calendar');

function notice2027() {
  const text = readFileSync(
    join(import.meta.dirname, '../../../../core/src/calendar/fixtures/notice-2027.json'),
    'utf8',
  );
  const result = importCalendarNoticeText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.notice;
}

/** Subsystem 4's data tickets: 15 working days, whose count crosses the fixture's 调休 Saturday 2027-02-20. */
const dataTicket = { subsystemId: 4, category: 'data' as const, severity: 'ordinary' as const };

describe('a year’s notice arriving', () => {
  it('recomputes an open ticket that was 暂定, with the reason in its history, and stores the notice', async () => {
    const db = await fresh();
    const open = await saveTicket(
      db,
      null,
      createdTicket({ ...dataTicket, receivedAt: at('2027-02-18T10:00') }, at('2027-02-18T10:05')),
      '2027-02-18T10:05',
    );
    const before = await db.tickets.get(open.id);
    expect(formatInstant(before?.deadlineAt ?? 0)).toBe('2027-03-12T00:00:00+08:00');

    const changed = await applyCalendarNotices(db, [notice2027()], '"v1"', at('2027-02-18T11:00'));

    expect(changed).toEqual([open.id]);
    expect(formatInstant((await db.tickets.get(open.id))?.deadlineAt ?? 0)).toBe('2027-03-11T00:00:00+08:00');
    const entry = (
      await db.history.where('[recordId+at]').between([open.id, 0], [open.id, Infinity]).toArray()
    ).find((row) => row.field === 'slaDeadlines');
    expect(entry).toMatchObject({
      actor: '系统',
      oldValue: { resolution: { deadline: at('2027-03-12T00:00'), provisional: true } },
      newValue: {
        resolution: { deadline: at('2027-03-11T00:00'), provisional: false },
        reason: '2027 年节假日安排已发布，时限重新计算',
      },
    });
    expect(db.slaRules.calendar.hasYear(2027)).toBe(true);
    expect(await readStoredCalendar(db)).toEqual({ notices: [notice2027()], etag: '"v1"' });
  });

  it('changes nothing for the same notices again, a closed ticket, or a clock that does not use the calendar', async () => {
    const db = await fresh();
    const received = at('2027-02-18T10:00');
    const closedDraft = createdTicket({ ...dataTicket, receivedAt: received }, at('2027-02-18T10:05'));
    const responded = transition(closedDraft, 'respond', { actor: 'zhangsan', at: at('2027-02-18T10:06') });
    if (!responded.ok) throw new Error(responded.reason);
    const withResolution = { ...responded.ticket, resolution: '已修复' };
    const resolved = transition(withResolution, 'resolve', { actor: 'zhangsan', at: at('2027-02-18T10:07') });
    if (!resolved.ok) throw new Error(resolved.reason);
    await saveTicket(db, null, resolved.ticket, '2027-02-18T10:08');
    // Subsystem 7's clocks run 24×7.
    await saveTicket(
      db,
      null,
      createdTicket({ subsystemId: 7, receivedAt: received }, at('2027-02-18T10:05')),
      '2027-02-18T10:09',
    );

    expect(await applyCalendarNotices(db, [notice2027()], null, at('2027-02-18T11:00'))).toEqual([]);
    expect(await applyCalendarNotices(db, [notice2027()], '"v2"', at('2027-02-18T11:00'))).toEqual([]);
    expect((await readStoredCalendar(db)).etag).toBe('"v2"');
  });

  it('gives a database opened later the stored notices', async () => {
    const db = await fresh();
    await applyCalendarNotices(db, [notice2027()], null, at('2027-02-18T11:00'));
    const later = keep(new YunweiDatabase(db.name));
    await later.open();
    expect(later.slaRules.calendar.hasYear(2027)).toBe(false);
    await loadStoredCalendar(later);
    expect(later.slaRules.calendar.hasYear(2027)).toBe(true);
  });

  it('says which years were published, updated or withdrawn', () => {
    const notice = notice2027();
    expect(changeReason([], [notice])).toBe('2027 年节假日安排已发布，时限重新计算');
    expect(changeReason([notice], [{ ...notice, source: '更正' }])).toBe(
      '2027 年节假日安排已更新，时限重新计算',
    );
    expect(changeReason([notice], [])).toBe('2027 年节假日安排已撤回，时限重新计算');
    expect(changeReason([notice], [notice])).toBeNull();
  });
});

import type { Reminder } from '@core/reminders';
import { type ReminderReceipt, reminderReceiptId } from '@core/records/kinds';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { reminderView, snoozedUntil, whenText } from './reminder-view';

const USER = 'zhang';
const NOW = parseInstant('2026-02-14 08:00');
const check: Reminder = {
  cause: 'inspection:portal-0830:2026-02-14:30',
  kind: 'inspection',
  title: '巡检提醒：门户网站功能测试巡检',
  body: '网站群今天须在 08:30 前完成巡检，尚未完成（还剩 30 分钟）',
  link: '/inspections',
  firesAt: NOW,
};
const clock: Reminder = {
  cause: 'ticket_clock:75:t1:resolution',
  kind: 'ticket_clock',
  title: '工单时限已用 75%：网站首页无法打开',
  body: '网站群工单须在 2026-02-14 11:00 前解决',
  link: '/tickets/t1',
  firesAt: NOW,
};

function receipt(cause: string, patch: Partial<ReminderReceipt> = {}): ReminderReceipt {
  const at = parseInstant('2026-02-14 07:00');
  return {
    id: reminderReceiptId(USER, cause),
    createdBy: USER,
    createdAt: at,
    updatedAt: at,
    deleted: false,
    user: USER,
    cause,
    firedAt: at,
    snoozedUntil: null,
    dismissedAt: null,
    ...patch,
  };
}

function byId(...receipts: ReminderReceipt[]): Map<string, ReminderReceipt> {
  return new Map(receipts.map((one) => [one.id, one]));
}

describe('reminderView: what to list and what to notify', () => {
  it('fires a cause without a receipt, with a new receipt keyed by user and cause', () => {
    const view = reminderView([check], byId(), [], USER, NOW);
    expect(view.items.map((item) => item.reminder.cause)).toEqual([check.cause]);
    expect(view.toFire).toEqual([
      {
        reminder: check,
        before: null,
        after: expect.objectContaining({
          id: reminderReceiptId(USER, check.cause),
          user: USER,
          cause: check.cause,
          firedAt: NOW,
          snoozedUntil: null,
          dismissedAt: null,
        }),
      },
    ]);
  });

  it('lists but does not fire again a cause with a receipt (a reload, another PC once synced)', () => {
    const view = reminderView([check], byId(receipt(check.cause)), [], USER, NOW);
    expect(view.items).toHaveLength(1);
    expect(view.toFire).toEqual([]);
  });

  it('hides a dismissed one and one snoozed beyond now; fires a snoozed one again once its time has come', () => {
    const dismissed = receipt(check.cause, { dismissedAt: NOW - 1 });
    const snoozed = receipt(clock.cause, { snoozedUntil: NOW + 1 });
    expect(reminderView([check, clock], byId(dismissed, snoozed), [], USER, NOW)).toEqual({
      items: [],
      toFire: [],
    });
    const woken = receipt(clock.cause, { snoozedUntil: NOW });
    const view = reminderView([clock], byId(woken), [], USER, NOW);
    expect(view.items).toHaveLength(1);
    expect(view.toFire).toEqual([
      { reminder: clock, before: woken, after: { ...woken, snoozedUntil: null } },
    ]);
  });

  it('neither lists nor fires a kind the user turned off', () => {
    const view = reminderView([check, clock], byId(), ['inspection'], USER, NOW);
    expect(view.items.map((item) => item.reminder.kind)).toEqual(['ticket_clock']);
    expect(view.toFire.map((firing) => firing.reminder.kind)).toEqual(['ticket_clock']);
  });

  it("keys receipts by user: another user's receipt does not silence this user's reminder", () => {
    const theirs = { ...receipt(check.cause), id: reminderReceiptId('wang', check.cause), user: 'wang' };
    expect(reminderView([check], byId(theirs), [], USER, NOW).toFire).toHaveLength(1);
  });
});

describe('snoozes and times', () => {
  it('snoozes for an hour or until 08:00 tomorrow, Beijing time', () => {
    expect(snoozedUntil('hour', parseInstant('2026-02-14 08:20'))).toBe(parseInstant('2026-02-14 09:20'));
    expect(snoozedUntil('tomorrow', parseInstant('2026-02-14 23:30'))).toBe(parseInstant('2026-02-15 08:00'));
    expect(snoozedUntil('tomorrow', parseInstant('2026-02-14 00:10'))).toBe(parseInstant('2026-02-15 08:00'));
  });

  it('says when a reminder came relative to today', () => {
    const now = parseInstant('2026-02-14 09:00');
    expect(whenText(parseInstant('2026-02-14 08:00'), now)).toBe('今天 08:00');
    expect(whenText(parseInstant('2026-02-13 16:00'), now)).toBe('昨天 16:00');
    expect(whenText(parseInstant('2026-02-10 08:00'), now)).toBe('2026-02-10 08:00');
  });
});

import { newTicket, transition, type Ticket } from '@core/records';
import { ticketClock, type TicketClockStatus } from '@core/sla';
import { builtinCalendar } from '@core/calendar';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { describeClock, formatDuration } from './remaining-time';

describe('formatDuration', () => {
  it('shows seconds under an hour, minutes under a day, hours beyond', () => {
    expect(formatDuration(0)).toBe('0 秒');
    expect(formatDuration(59_999)).toBe('59 秒');
    expect(formatDuration(9 * 60_000 + 5_000)).toBe('9 分 05 秒');
    expect(formatDuration(60 * 60_000)).toBe('1 小时');
    expect(formatDuration(65 * 60_000 + 59_000)).toBe('1 小时 05 分');
    expect(formatDuration(24 * 3_600_000)).toBe('1 天');
    expect(formatDuration(51 * 3_600_000 + 30 * 60_000)).toBe('2 天 3 小时');
  });

  it('ignores the sign: callers say 剩余 or 已超时', () => {
    expect(formatDuration(-(12 * 60_000 + 30_000))).toBe('12 分 30 秒');
  });

  it('refuses a value that is not a time span', () => {
    expect(() => formatDuration(Number.NaN)).toThrow('时长无效');
  });
});

const calendar = builtinCalendar();
const RECEIVED = parseInstant('2026-03-10 09:00');
/** A 10-minute round-the-clock response clock, as the website cluster's faults have. */
const SPEC = { minutes: 10, schedule: '24x7' };

function ticket(): Ticket {
  const result = newTicket(
    {
      subsystemId: 5,
      channel: 'phone',
      reporter: { unit: '', person: '', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title: '首页打不开',
      receivedAt: RECEIVED,
    },
    { actor: 'zhangsan', at: RECEIVED },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

function clockAt(subject: Ticket, now: number): TicketClockStatus {
  return ticketClock(subject, 'response', SPEC, { calendar, now });
}

function moved(subject: Ticket, action: 'respond' | 'wait', at: number): Ticket {
  const result = transition(subject, action, { actor: 'zhangsan', at, reason: '等待对方提供截图' });
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

describe('describeClock', () => {
  const now = (time: string) => parseInstant(`2026-03-10 ${time}`);

  it('counts down a running clock with its deadline', () => {
    expect(describeClock(clockAt(ticket(), now('09:02')), now('09:02'), '响应')).toEqual({
      tone: 'running',
      badge: '计时中',
      headline: '剩余 8 分 00 秒',
      detail: '截止 03-10 09:10',
    });
  });

  it('warns in words from 75 % of the budget', () => {
    expect(describeClock(clockAt(ticket(), now('09:07:29')), now('09:07:29'), '响应').tone).toBe('running');
    expect(describeClock(clockAt(ticket(), now('09:07:30')), now('09:07:30'), '响应')).toEqual({
      tone: 'warning',
      badge: '即将超时',
      headline: '剩余 2 分 30 秒',
      detail: '截止 03-10 09:10（已用 75%）',
    });
  });

  it('is on time at the deadline instant and breached after it', () => {
    expect(describeClock(clockAt(ticket(), now('09:10')), now('09:10'), '响应').tone).toBe('warning');
    expect(describeClock(clockAt(ticket(), now('09:22:30')), now('09:22:30'), '响应')).toEqual({
      tone: 'breached',
      badge: '已超时',
      headline: '超出 12 分 30 秒',
      detail: '截止 03-10 09:10',
    });
  });

  it('says a paused clock waits for the requester', () => {
    const waiting = moved(moved(ticket(), 'respond', now('09:01')), 'wait', now('09:03'));
    const resolution = ticketClock(waiting, 'resolution', SPEC, { calendar, now: now('09:05') });
    expect(describeClock(resolution, now('09:05'), '解决')).toEqual({
      tone: 'paused',
      badge: '已暂停',
      headline: '剩余 7 分 00 秒',
      detail: '等待报告人，暂停计时',
    });
  });

  it('tells a stopped clock met from one stopped late', () => {
    const onTime = moved(ticket(), 'respond', now('09:04'));
    expect(describeClock(clockAt(onTime, now('10:00')), now('10:00'), '响应')).toEqual({
      tone: 'met',
      badge: '已达标',
      headline: '用时 4 分 00 秒',
      detail: '03-10 09:04 响应',
    });
    const late = moved(ticket(), 'respond', now('09:15'));
    expect(describeClock(clockAt(late, now('10:00')), now('10:00'), '响应')).toEqual({
      tone: 'late',
      badge: '超时完成',
      headline: '超出 5 分 00 秒',
      detail: '03-10 09:15 响应',
    });
  });
});

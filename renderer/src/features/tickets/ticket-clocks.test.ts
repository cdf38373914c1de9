import { builtinCalendar, WorkingCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import { newTicket, transition, type Ticket, type TicketDraft } from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { computeTicketClocks, mostUrgentClock } from './ticket-clocks';
import { rowAtRisk } from './ticket-risk';

const rules = { profile: loadDefaultProfile(), calendar: builtinCalendar() };
const at = (time: string) => parseInstant(`2026-03-10 ${time}`);

function ticket(draft: Partial<TicketDraft> = {}): Ticket {
  const result = newTicket(
    {
      subsystemId: 5,
      channel: 'phone',
      reporter: { unit: '', person: '', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title: '首页打不开',
      receivedAt: at('09:00'),
      ...draft,
    },
    { actor: 'zhangsan', at: at('09:00') },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

describe('computeTicketClocks', () => {
  it('times both clocks from the contract profile, naming budget and clause', () => {
    const clocks = computeTicketClocks(ticket(), rules, at('09:05'));
    expect(clocks.response).toMatchObject({
      kind: 'timed',
      budget: '10 分钟（7×24 小时）',
      clause: '故障 10 分钟内响应',
    });
    expect(clocks.resolution).toMatchObject({ kind: 'timed', budget: '2 小时（7×24 小时）' });
    if (clocks.response.kind !== 'timed') throw new Error('unreachable');
    expect(clocks.response.status.remainingMs).toBe(5 * 60_000);
  });

  it('says when the contract sets no clock', () => {
    const clocks = computeTicketClocks(ticket({ subsystemId: 2 }), rules, at('09:05'));
    expect(clocks.resolution).toEqual({
      kind: 'untimed',
      reason: '合同未规定子项 2（短信服务）一般故障工单的解决时限，子项与合同层面均未设定',
    });
  });

  it('times a clock on the provisional calendar when the year’s holiday notice is missing, saying so', () => {
    const noCalendar = { ...rules, calendar: new WorkingCalendar([]) };
    const clocks = computeTicketClocks(ticket({ subsystemId: 1 }), noCalendar, at('09:05'));
    expect(clocks.resolution).toMatchObject({ kind: 'timed', provisional: { years: [2026] } });
  });
});

describe('mostUrgentClock and rowAtRisk', () => {
  it('picks the breached clock first, and a stopped clock only when nothing runs', () => {
    const late = computeTicketClocks(ticket(), rules, at('09:20'));
    expect(mostUrgentClock(late)).toBe(late.response);
    const responded = transition(ticket(), 'respond', { actor: 'zhangsan', at: at('09:05') });
    if (!responded.ok) throw new Error(responded.reason);
    const running = computeTicketClocks(responded.ticket, rules, at('09:20'));
    expect(mostUrgentClock(running)).toBe(running.resolution);
  });

  it('flags 即将超时 from 75 % of a running clock, and 已超时 once a deadline passed', () => {
    const responded = transition(ticket(), 'respond', { actor: 'zhangsan', at: at('09:05') });
    if (!responded.ok) throw new Error(responded.reason);
    const row = {
      record: responded.ticket,
      status: responded.ticket.status,
      deadlineAt: at('11:00'),
      breached: 0 as const,
    };
    expect(rowAtRisk(row, 'at_risk', at('10:29'), rules)).toBe(false);
    expect(rowAtRisk(row, 'at_risk', at('10:30'), rules)).toBe(true);
    expect(rowAtRisk(row, 'breached', at('11:00'), rules)).toBe(false);
    expect(rowAtRisk(row, 'breached', at('11:00') + 1, rules)).toBe(true);
    expect(rowAtRisk({ ...row, status: 'resolved' }, 'at_risk', at('10:30'), rules)).toBe(false);
    expect(rowAtRisk({ ...row, breached: 1 }, 'breached', at('09:30'), rules)).toBe(true);
  });
});

describe('a clock that runs into a year without a holiday notice', () => {
  const received = parseInstant('2026-12-31T17:20');
  const opened = newTicket(
    {
      subsystemId: 1,
      channel: 'phone',
      reporter: { unit: '', person: '', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title: '无法登录',
      receivedAt: received,
    },
    { actor: 'zhangsan', at: received },
  );
  if (!opened.ok) throw new Error(opened.reason);
  const crossing = opened.ticket;

  it('is marked 暂定 with the reason when it counts by working hours', () => {
    const clocks = computeTicketClocks(crossing, rules, received + 60_000);
    expect(clocks.resolution).toMatchObject({
      kind: 'timed',
      provisional: { years: [2027], text: expect.stringMatching(/^暂定：2027 年/) },
    });
  });

  it('is not marked when it runs 24×7, which never reads the calendar', () => {
    const clocks = computeTicketClocks(crossing, rules, received + 60_000);
    expect(clocks.response).toMatchObject({ kind: 'timed', provisional: null });
  });
});

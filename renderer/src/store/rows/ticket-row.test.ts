import { transition, type Ticket } from '@core/records';
import { describe, expect, it } from 'vitest';
import { at, createdTicket, respondedTicket } from '../testing/record-fixtures';
import { NO_RUNNING_DEADLINE } from './row-types';
import { defaultSlaRules } from './sla-rules';
import { ticketRow } from './ticket-row';

function act(
  ticket: Ticket,
  action: Parameters<typeof transition>[1],
  when: number,
  extra: { reason?: string } = {},
): Ticket {
  const result = transition(ticket, action, { actor: 'zhangsan', at: when, ...extra });
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

describe('ticketRow', () => {
  const rules = defaultSlaRules();
  const ticket = createdTicket();

  it('indexes the record’s fields, its search tokens and the earliest running deadline', () => {
    const row = ticketRow(ticket, rules, at('2026-03-10T09:05'));
    expect(row).toMatchObject({
      id: ticket.id,
      subsystemId: 5,
      status: 'new',
      severity: 'major',
      assignee: '',
      receivedAt: ticket.receivedAt,
      breached: 0,
    });
    expect(row.tokens).toEqual(expect.arrayContaining(['门户', '首页', '王老', '0851']));
    expect(row.deadlineAt).toBeGreaterThan(ticket.receivedAt);
    const responded = ticketRow(
      respondedTicket(ticket, at('2026-03-10T09:06')),
      rules,
      at('2026-03-10T09:06'),
    );
    // Once the response clock stops, the resolution deadline (later) is the one that runs.
    expect(responded.deadlineAt).toBeGreaterThan(row.deadlineAt);
  });

  it('sorts a paused or finished ticket last and keeps the breach of a late response', () => {
    const late = respondedTicket(ticket, at('2026-03-20T09:00'));
    const waiting = act(late, 'wait', at('2026-03-20T09:10'), { reason: '等待报告人提供截图' });
    const waitingRow = ticketRow(waiting, rules, at('2026-03-20T09:10'));
    expect(waitingRow.deadlineAt).toBe(NO_RUNNING_DEADLINE);
    expect(waitingRow.breached).toBe(1);
    expect(ticketRow({ ...ticket, deleted: true }, rules, at('2026-03-10T09:05')).deadlineAt).toBe(
      NO_RUNNING_DEADLINE,
    );
  });

  it('times a ticket in a year without a notice on the provisional calendar', () => {
    // Subsystem 1: response within 30 minutes around the clock, resolution (30 min) in office hours,
    // which 2031's notice would decide; until it is added the statutory holidays are the only ones.
    const future = createdTicket(
      { subsystemId: 1, receivedAt: at('2031-05-06T10:00') },
      at('2031-05-06T10:01'),
    );
    expect(ticketRow(future, rules, at('2031-05-06T10:01'))).toMatchObject({
      deadlineAt: at('2031-05-06T10:30'),
      breached: 0,
    });
  });

  it('still derives a row when the calendar cannot time a clock, from the clocks it can time', () => {
    // 2101 is past what the law lets the provisional calendar answer for.
    const future = createdTicket(
      { subsystemId: 1, receivedAt: at('2101-05-06T10:00') },
      at('2101-05-06T10:01'),
    );
    expect(ticketRow(future, rules, at('2101-05-06T10:01'))).toMatchObject({
      deadlineAt: at('2101-05-06T10:30'),
      breached: 0,
    });
    const responded = respondedTicket(future, at('2101-05-06T10:05'));
    expect(ticketRow(responded, rules, at('2101-05-06T10:05'))).toMatchObject({
      deadlineAt: NO_RUNNING_DEADLINE,
      breached: 0,
    });
  });
});

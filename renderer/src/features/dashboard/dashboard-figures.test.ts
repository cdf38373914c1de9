import { builtinCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import { newTicket, type Ticket, transition } from '@core/records';
import { slaCompliance, ticketDigests } from '@core/reports';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OBLIGATION_STATES, type Obligation } from '@core/obligations';
import { PRESSING_LISTED, dashboardFigures, dashboardYear, mostPressing } from './dashboard-figures';

const rules = { profile: loadDefaultProfile(), calendar: builtinCalendar() };
const now = parseInstant('2026-03-04 12:00');
let serial = 0;

function ticket(subsystemId: number, receivedAt: string, respondedAt?: string): Ticket {
  serial += 1;
  const id = `00000000-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
  const made = newTicket(
    {
      subsystemId,
      channel: 'phone',
      title: `工单 ${serial}`,
      reporter: { unit: '省人社厅', person: '王老师', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      receivedAt: parseInstant(receivedAt),
    },
    { actor: 'zhangsan', at: parseInstant(receivedAt), id },
  );
  if (!made.ok) throw new Error(made.reason);
  if (respondedAt === undefined) return made.ticket;
  const responded = transition(made.ticket, 'respond', { actor: 'zhangsan', at: parseInstant(respondedAt) });
  if (!responded.ok) throw new Error(responded.reason);
  return responded.ticket;
}

// Subsystem 5 answers within 10 minutes: one in 5 (met), one in 25 (breached). Subsystem 1's in 5.
const metOn5 = ticket(5, '2026-03-02 10:00', '2026-03-02 10:05');
const lateOn5 = ticket(5, '2026-03-03 10:00', '2026-03-03 10:25');
const metOn1 = ticket(1, '2026-03-02 11:00', '2026-03-02 11:05');
const tickets = [metOn5, lateOn5, metOn1];
const records = {
  tickets: ticketDigests(tickets, { ...rules, asOf: now }),
  templates: [],
  runs: [],
  trainings: [],
  visits: [],
  onSiteDays: [],
  dutyAssignments: [],
  dutySwaps: [],
  dutyLogs: [],
  sensitivePeriods: [],
};

describe('dashboardFigures', () => {
  it('takes the contract year the other pages count by', () => {
    expect(dashboardYear(now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('draws the month’s SLA compliance as slaCompliance computes it, and links the breach', () => {
    const figures = dashboardFigures(records, rules, { subsystemIds: null, unitIds: null }, now);
    const series = figures.slaMonth.option.series as { data: { value: number | null }[] }[];
    const expected = slaCompliance(tickets, { ...rules, asOf: now })
      .filter((row) => row.kind === 'response')
      .map((row) => (row.rate === null ? null : row.rate * 100));
    expect(series[0]?.data.map((point) => point.value)).toEqual(expected);
    expect(figures.slaMonth.links[0]?.[1]).toEqual([lateOn5.id]);
    expect(figures.links.get(lateOn5.id)).toEqual({
      path: `/tickets/${lateOn5.id}`,
      label: `工单：${lateOn5.title}`,
    });
    expect(figures.counts.broken).toBeGreaterThan(0);
    // The latest breach first: lateOn5, still open, was to be resolved by 03-03 12:00.
    expect(figures.pressing[0]?.id).toBe(`ticket_clock:${lateOn5.id}:resolution`);
  });

  it('draws the other kinds for the lead: trainings owed, units × months, on-site days', () => {
    const figures = dashboardFigures(records, rules, { subsystemIds: null, unitIds: null }, now);
    expect(figures.trainings).not.toBeNull();
    expect((figures.visits?.option.yAxis as { data: string[] }).data).toHaveLength(10);
    expect((figures.onSite?.option.yAxis as { data: string[] }).data).toEqual(['基金监管']);
  });

  it('shows a service manager their units only', () => {
    const figures = dashboardFigures(records, rules, { subsystemIds: [3], unitIds: [2] }, now);
    expect((figures.visits?.option.yAxis as { data: string[] }).data).toEqual(['就业局']);
  });

  it('shows an engineer only their subsystems', () => {
    const figures = dashboardFigures(records, rules, { subsystemIds: [1], unitIds: null }, now);
    expect((figures.slaYear.option.xAxis as { data: string[] }).data).toEqual(['互联网+人社']);
    expect(figures.links.has(lateOn5.id)).toBe(false);
    expect(
      figures.pressing.every((obligation) => obligation.subsystemId === 1 || obligation.subsystemId === null),
    ).toBe(true);
  });
});

describe('mostPressing', () => {
  it('keeps the first of the broken, overdue and at-risk obligations as a full sort would (property)', () => {
    const obligation = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      state: fc.constantFrom(...OBLIGATION_STATES),
      dueAt: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(obligation, { maxLength: 60 }), (drawn) => {
        const obligations: Obligation[] = drawn.map((entry) => ({
          ...entry,
          kind: 'ticket_clock',
          subsystemId: 5,
          unitId: null,
          title: entry.id,
          detail: '',
          recordIds: [],
          clause: null,
        }));
        const pressing = obligations.filter((entry) => entry.state !== 'met' && entry.state !== 'due');
        const sorted = [...pressing].sort((a, b) => {
          const rank = OBLIGATION_STATES.indexOf(a.state) - OBLIGATION_STATES.indexOf(b.state);
          if (rank !== 0) return rank;
          return (b.dueAt ?? 0) - (a.dueAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        });
        const kept = mostPressing(obligations);
        expect(kept.pressingTotal).toBe(pressing.length);
        expect(kept.pressing.map((entry) => [entry.state, entry.dueAt, entry.id])).toEqual(
          sorted.slice(0, PRESSING_LISTED).map((entry) => [entry.state, entry.dueAt, entry.id]),
        );
      }),
    );
  });
});

import { TICKET_STATUSES } from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from './ticket-filters';
import {
  MAX_INDEX_RANGES,
  planTicketQuery,
  rowMatches,
  termsBySelectivity,
  type FilterableRow,
} from './ticket-query-plan';

const ROW: FilterableRow = {
  subsystemId: 5,
  status: 'new',
  severity: 'major',
  assignee: 'zhangsan',
  receivedAt: parseInstant('2026-03-10 09:02'),
  tokens: ['首页', '页打', '打不', '不开', '开', '王老', '老师', '师'],
};

describe('planTicketQuery', () => {
  it('reads one compound range per subsystem and status: the list’s main query', () => {
    const plan = planTicketQuery({ ...EMPTY_FILTERS, subsystemIds: [5], statuses: ['new', 'responded'] });
    expect(plan.source).toEqual({
      kind: 'subsystem-status',
      pairs: [
        [5, 'new'],
        [5, 'responded'],
      ],
    });
    // The ranges already guarantee subsystem and status.
    expect(plan.conditions.subsystemIds).toBeNull();
    expect(plan.conditions.statuses).toBeNull();
  });

  it('covers every status of the chosen subsystems when no status is chosen', () => {
    const plan = planTicketQuery({ ...EMPTY_FILTERS, subsystemIds: [5, 8] });
    expect(plan.source).toEqual({
      kind: 'subsystem-status',
      pairs: [5, 8].flatMap((id) => TICKET_STATUSES.map((status) => [id, status])),
    });
  });

  it('falls back to the status index, then the deadline index, when there would be too many ranges', () => {
    const many = [1, 2, 3, 4, 5, 6, 7];
    expect(many.length * 2).toBeGreaterThan(MAX_INDEX_RANGES);
    const byStatus = planTicketQuery({ ...EMPTY_FILTERS, subsystemIds: many, statuses: ['new', 'waiting'] });
    expect(byStatus.source).toEqual({ kind: 'status', statuses: ['new', 'waiting'] });
    expect(byStatus.conditions.subsystemIds).toEqual(new Set(many));
    expect(byStatus.conditions.statuses).toBeNull();
    const all = planTicketQuery(EMPTY_FILTERS);
    expect(all.source).toEqual({ kind: 'deadline' });
  });

  it('searches through the token index and keeps every other filter as a row condition', () => {
    const plan = planTicketQuery({ ...EMPTY_FILTERS, text: '打不开', subsystemIds: [5], statuses: ['new'] });
    expect(plan.source).toEqual({
      kind: 'tokens',
      terms: [
        { token: '打不', prefix: false },
        { token: '不开', prefix: false },
      ],
    });
    expect(plan.conditions.subsystemIds).toEqual(new Set([5]));
    expect(plan.conditions.statuses).toEqual(new Set(['new']));
  });

  it('turns the Beijing date range into instants: from 00:00 of the first day to 00:00 after the last', () => {
    const plan = planTicketQuery({ ...EMPTY_FILTERS, receivedFrom: '2026-03-10', receivedTo: '2026-03-10' });
    expect(plan.conditions.receivedFrom).toBe(parseInstant('2026-03-10 00:00'));
    expect(plan.conditions.receivedBefore).toBe(parseInstant('2026-03-11 00:00'));
  });
});

describe('rowMatches', () => {
  const conditionsOf = (filters: Partial<typeof EMPTY_FILTERS>) =>
    planTicketQuery({ ...EMPTY_FILTERS, ...filters }).conditions;

  it('checks each condition', () => {
    expect(rowMatches(ROW, conditionsOf({}))).toBe(true);
    expect(rowMatches(ROW, conditionsOf({ severities: ['major'] }))).toBe(true);
    expect(rowMatches(ROW, conditionsOf({ severities: ['ordinary'] }))).toBe(false);
    expect(rowMatches(ROW, conditionsOf({ assignee: 'zhangsan' }))).toBe(true);
    expect(rowMatches(ROW, conditionsOf({ assignee: '' }))).toBe(false);
    expect(rowMatches({ ...ROW, assignee: '' }, conditionsOf({ assignee: '' }))).toBe(true);
    // A search leaves subsystem and status to the row check.
    expect(rowMatches(ROW, conditionsOf({ text: '首页', statuses: ['closed'] }))).toBe(false);
    expect(rowMatches(ROW, conditionsOf({ text: '首页', subsystemIds: [8] }))).toBe(false);
    expect(rowMatches(ROW, conditionsOf({ text: '首页', subsystemIds: [5], statuses: ['new'] }))).toBe(true);
  });

  it('keeps the date range’s edges: 00:00 of the first day in, 00:00 after the last day out', () => {
    const day = { receivedFrom: '2026-03-10', receivedTo: '2026-03-10' };
    expect(rowMatches(ROW, conditionsOf(day))).toBe(true);
    expect(rowMatches({ ...ROW, receivedAt: parseInstant('2026-03-10 00:00') }, conditionsOf(day))).toBe(
      true,
    );
    expect(rowMatches({ ...ROW, receivedAt: parseInstant('2026-03-11 00:00') }, conditionsOf(day))).toBe(
      false,
    );
    expect(rowMatches({ ...ROW, receivedAt: parseInstant('2026-03-09 23:59') }, conditionsOf(day))).toBe(
      false,
    );
  });

  it('finds a two-character Chinese query and a one-character prefix, and not what is absent', () => {
    expect(rowMatches(ROW, conditionsOf({ text: '首页' }))).toBe(true);
    expect(rowMatches(ROW, conditionsOf({ text: '王' }))).toBe(true);
    expect(rowMatches(ROW, conditionsOf({ text: '首页 王老师' }))).toBe(true);
    expect(rowMatches(ROW, conditionsOf({ text: '登录' }))).toBe(false);
  });
});

describe('termsBySelectivity', () => {
  it('puts exact bigrams before prefixes, longer prefixes before shorter', () => {
    expect(
      termsBySelectivity([
        { token: '王', prefix: true },
        { token: '0851', prefix: true },
        { token: '首页', prefix: false },
      ]).map((term) => term.token),
    ).toEqual(['首页', '0851', '王']);
  });
});

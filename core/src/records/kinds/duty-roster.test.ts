import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../calendar/builtin-calendars';
import { parseInstant } from '../../time/shanghai-time';
import { type DutyAssignment, type DutyLog, dutyAssignmentSchema, dutyLogSchema } from './duty';
import { dutyDays } from './duty-days';
import {
  currentRoster,
  dutiesOf,
  dutyDayStatuses,
  handOverDuty,
  signOffHandOver,
  swapDuty,
} from './duty-roster';

const at = parseInstant('2026-02-01 10:00');
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

function assignment(
  n: number,
  date: string,
  person: string,
  subsystemId: number | null = null,
): DutyAssignment {
  return dutyAssignmentSchema.parse({
    id: uuid(n),
    createdBy: 'lead',
    createdAt: at,
    updatedAt: at,
    deleted: false,
    subsystemId,
    date,
    person,
  });
}

function log(n: number, date: string, onDuty: string, overrides: Partial<DutyLog> = {}): DutyLog {
  return dutyLogSchema.parse({
    id: uuid(100 + n),
    createdBy: onDuty,
    createdAt: at,
    updatedAt: at,
    deleted: false,
    subsystemId: null,
    date,
    onDuty,
    callsReceived: 2,
    events: [{ summary: '处理社保查询无法登录', ticketIds: [uuid(900)] }],
    notes: '',
    handOverTo: null,
    handOverNote: '',
    handedOverAt: null,
    signedOffAt: null,
    ...overrides,
  });
}

const saturday = assignment(1, '2026-02-07', 'zhang');
const sunday = assignment(2, '2026-02-08', 'li');

describe('swapDuty: a swap is one recorded action', () => {
  it('exchanges two people’s days in one record', () => {
    const roster = currentRoster([saturday, sunday], []);
    const result = swapDuty(roster, {
      assignmentA: saturday.id,
      assignmentB: sunday.id,
      personB: 'li',
      reason: '家中有事',
      actor: 'zhang',
      at: parseInstant('2026-02-03 09:00'),
      id: uuid(50),
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.swap).toMatchObject({ personA: 'zhang', personB: 'li', assignmentB: sunday.id });
    const after = currentRoster([saturday, sunday], [result.swap]);
    expect(after.entries.map((entry) => [entry.date, entry.person, entry.assigned])).toEqual([
      ['2026-02-07', 'li', 'zhang'],
      ['2026-02-08', 'zhang', 'li'],
    ]);
    expect(dutiesOf(after, 'zhang').map((entry) => entry.date)).toEqual(['2026-02-08']);
  });

  it('records a cover (替班) of one day and refuses a swap that names the wrong holder', () => {
    const roster = currentRoster([saturday, sunday], []);
    const cover = swapDuty(roster, {
      assignmentA: saturday.id,
      assignmentB: null,
      personB: 'wang',
      reason: '',
      actor: 'zhang',
      at,
    });
    expect(cover.ok).toBe(true);
    expect(
      swapDuty(roster, {
        assignmentA: saturday.id,
        assignmentB: sunday.id,
        personB: 'wang',
        reason: '',
        actor: 'zhang',
        at,
      }),
    ).toEqual({ ok: false, reason: '2026-02-08 的班次现由 li 值班，不是 wang' });
    expect(
      swapDuty(roster, {
        assignmentA: saturday.id,
        assignmentB: null,
        personB: 'zhang',
        reason: '',
        actor: 'zhang',
        at,
      }),
    ).toEqual({ ok: false, reason: '2026-02-07 已由 zhang 值班，无需调班' });
  });

  it('refuses to exchange a contract-wide day with a subsystem’s', () => {
    const s5 = assignment(3, '2026-02-08', 'li', 5);
    const roster = currentRoster([saturday, s5], []);
    expect(
      swapDuty(roster, {
        assignmentA: saturday.id,
        assignmentB: s5.id,
        personB: 'li',
        reason: '',
        actor: 'zhang',
        at,
      }),
    ).toEqual({ ok: false, reason: '只能与同一运维子项（或同为全合同）的班次互换' });
  });

  it('keeps the lead’s later reassignment over an earlier swap, which becomes stale', () => {
    const roster = currentRoster([saturday], []);
    const cover = swapDuty(roster, {
      assignmentA: saturday.id,
      assignmentB: null,
      personB: 'wang',
      reason: '',
      actor: 'zhang',
      at,
    });
    if (!cover.ok) throw new Error(cover.reason);
    const reassigned = { ...saturday, person: 'zhao' };
    const after = currentRoster([reassigned], [cover.swap]);
    expect(after.entries.map((entry) => entry.person)).toEqual(['zhao']);
    expect(after.staleSwaps).toEqual([cover.swap]);
  });
});

describe('hand-over and sign-off', () => {
  const handedAt = parseInstant('2026-02-07 18:00');

  it('lets only the person on duty hand over and only the receiver sign it off', () => {
    const written = log(1, '2026-02-07', 'zhang');
    expect(handOverDuty(written, 'li', '', 'li', handedAt)).toEqual({
      ok: false,
      reason: '只有当班人员才能交接',
    });
    const handed = handOverDuty(written, 'li', '工单 3 件待跟进', 'zhang', handedAt);
    if (!handed.ok) throw new Error(handed.reason);
    expect(signOffHandOver(handed.log, 'wang', handedAt)).toEqual({
      ok: false,
      reason: '交接对象是 li，只能由本人签收',
    });
    const signed = signOffHandOver(handed.log, 'li', parseInstant('2026-02-08 08:30'));
    if (!signed.ok) throw new Error(signed.reason);
    expect(signed.log.signedOffAt).toBe(parseInstant('2026-02-08 08:30'));
    expect(handOverDuty(signed.log, 'wang', '', 'zhang', handedAt)).toEqual({
      ok: false,
      reason: 'li 已签收交接，不能再修改交接',
    });
  });

  it('refuses a sign-off dated before the hand-over', () => {
    const handed = log(1, '2026-02-07', 'zhang', { handOverTo: 'li', handedOverAt: handedAt });
    expect(signOffHandOver(handed, 'li', parseInstant('2026-02-07 17:00'))).toEqual({
      ok: false,
      reason: '值班记录数据无效：signedOffAt: 签收时间不能早于交接时间',
    });
  });
});

describe('dutyDayStatuses: a duty day with no log or an unsigned hand-over shows as missing', () => {
  const days = dutyDays(builtinCalendar(), { from: '2026-02-07', to: '2026-02-15' }, []);
  const roster = currentRoster(
    [saturday, sunday, assignment(3, '2026-02-14', 'zhang'), assignment(4, '2026-02-15', 'li')],
    [],
  );

  it('names each gap, and does not call today’s open log a gap', () => {
    const logs = [
      log(1, '2026-02-07', 'zhang', { handOverTo: 'li', handedOverAt: at, signedOffAt: at }),
      log(2, '2026-02-08', 'li', { handOverTo: 'zhang', handedOverAt: at }),
    ];
    const statuses = dutyDayStatuses(days, roster, logs, null, '2026-02-15');
    expect(statuses.map((status) => [status.date, status.state, status.reason])).toEqual([
      ['2026-02-07', 'complete', ''],
      ['2026-02-08', 'unsigned', '2026-02-08 的交接尚未由 zhang 签收'],
      ['2026-02-15', 'today', ''],
    ]);
  });

  it('reports a past duty day without its log, one without a hand-over, and one nobody is rostered for', () => {
    const later = dutyDays(builtinCalendar(), { from: '2026-02-07', to: '2026-02-22' }, []);
    const statuses = dutyDayStatuses(later, roster, [log(2, '2026-02-08', 'li')], null, '2026-02-20');
    expect(statuses.slice(0, 4).map((status) => [status.date, status.state, status.reason])).toEqual([
      ['2026-02-07', 'missing_log', '2026-02-07 zhang 没有填写值班记录'],
      ['2026-02-08', 'no_hand_over', '2026-02-08 li 的值班记录没有交接'],
      ['2026-02-15', 'missing_log', '2026-02-15 li 没有填写值班记录'],
      ['2026-02-16', 'unassigned', '2026-02-16 没有安排值班人员'],
    ]);
    expect(statuses.find((status) => status.date === '2026-02-21')?.state).toBe('unassigned');
  });
});

import { builtinCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import {
  currentRoster,
  dutyAssignmentSchema,
  dutyDays,
  dutyLogSchema,
  sensitivePeriodSchema,
  type DutyAssignment,
  type DutyLog,
  type SensitivePeriod,
} from '@core/records/kinds';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import {
  assignedPeople,
  assignmentEdits,
  awaitingSignOff,
  defaultDutyRange,
  dutyRangeFromParams,
  dutyScopes,
  exchangeCandidates,
  missingDutyDays,
  nextOnDuty,
  peopleChoices,
  personNameProblem,
  provisionalRosterNote,
  rosterRows,
  scopeFromKey,
  scopeKey,
} from './duty-view';

const profile = loadDefaultProfile();
const calendar = builtinCalendar();
const at = parseInstant('2026-09-20 10:00');
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

function period(name: string, from: string, to: string, subsystemIds: number[] | null): SensitivePeriod {
  return sensitivePeriodSchema.parse({
    id: uuid(500),
    createdBy: 'lead',
    createdAt: at,
    updatedAt: at,
    deleted: false,
    name,
    from,
    to,
    subsystemIds,
    note: '',
  });
}

function assignment(n: number, date: string, person: string, subsystemId: number | null): DutyAssignment {
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
    subsystemId: 5,
    date,
    onDuty,
    callsReceived: 0,
    events: [],
    notes: '',
    handOverTo: null,
    handOverNote: '',
    handedOverAt: null,
    signedOffAt: null,
    ...overrides,
  });
}

describe('dutyScopes: the rosters the contract asks for', () => {
  it('offers the whole contract and the subsystems whose obligations ask for duty, with the tender’s words', () => {
    const scopes = dutyScopes(profile, [], [], 'all');
    expect(scopes[0]).toMatchObject({ subsystemId: null, label: '全合同' });
    expect(scopes[0]?.clause).toContain('值班');
    const five = scopes.find((scope) => scope.subsystemId === 5);
    expect(five?.label).toBe('5 网站群');
    expect(five?.clause).toBe('负责周末、节假日及重要特殊时期的值班工作。');
  });

  it('adds a subsystem a sensitive period names, and shows an engineer only their own subsystems', () => {
    const periods = [period('两会', '2026-03-04', '2026-03-11', [7])];
    expect(dutyScopes(profile, periods, [], 'all').map((scope) => scope.subsystemId)).toContain(7);
    expect(dutyScopes(profile, periods, [], [5, 8]).map((scope) => scope.subsystemId)).toEqual([null, 5]);
  });

  it('reads scope keys back, refusing keys that name no scope', () => {
    expect(scopeFromKey(scopeKey(null))).toBeNull();
    expect(scopeFromKey(scopeKey(5))).toBe(5);
    expect(scopeFromKey(null)).toBeNull();
    expect(scopeFromKey('五')).toBeUndefined();
  });
});

describe('rosterRows: the duty days of one scope with who is on duty and what is missing', () => {
  const guard = period('国庆安保', '2026-09-28', '2026-09-30', [5]);
  const range = { from: '2026-09-26', to: '2026-10-03' };
  const days = dutyDays(calendar, range, [guard]);
  const assignments = [
    assignment(1, '2026-09-28', 'zhangsan', 5),
    assignment(2, '2026-09-29', 'lisi', 5),
    assignment(3, '2026-10-01', 'lisi', null),
  ];
  const roster = currentRoster(assignments, []);

  it('lists the Mid-Autumn and National Day holidays and the sensitive days for subsystem 5, each with its name', () => {
    const rows = rosterRows(calendar, days, roster, [], 5, '2026-09-30');
    expect(rows.map((row) => row.day.date)).toEqual([
      '2026-09-26',
      '2026-09-27',
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
    ]);
    expect(rows.find((row) => row.day.date === '2026-09-28')?.reasonText).toBe('重要时期（国庆安保）');
    expect(rows.find((row) => row.day.date === '2026-10-01')?.reasonText).toBe('法定节假日（国庆节）');
    expect(rows.find((row) => row.day.date === '2026-09-26')).toMatchObject({
      weekday: '周六',
      reasonText: '法定节假日（中秋节）',
    });
  });

  it('leaves the 调休 Saturday 2026-10-10 out as a working day, and calls the Sunday after it 周末', () => {
    const after = dutyDays(calendar, { from: '2026-10-08', to: '2026-10-11' }, []);
    const rows = rosterRows(calendar, after, roster, [], null, '2026-09-30');
    expect(rows.map((row) => [row.day.date, row.reasonText])).toEqual([['2026-10-11', '周末']]);
  });

  it('keeps the sensitive days out of a scope the period does not name', () => {
    const contract = rosterRows(calendar, days, roster, [], null, '2026-09-30');
    expect(contract.map((row) => row.day.date)).not.toContain('2026-09-28');
    expect(
      contract.find((row) => row.day.date === '2026-10-01')?.entries.map((entry) => entry.person),
    ).toEqual(['lisi']);
  });

  it('shows a past day without a log, a log not handed over and an unsigned hand-over as missing, with their sentences', () => {
    const logs = [
      log(2, '2026-09-29', 'lisi', {
        handOverTo: 'zhangsan',
        handedOverAt: parseInstant('2026-09-29 20:00'),
      }),
    ];
    const rows = rosterRows(calendar, days, roster, logs, 5, '2026-09-30');
    const gaps = missingDutyDays(rows).map((row) => [row.day.date, row.status.state, row.status.reason]);
    expect(gaps).toEqual([
      ['2026-09-26', 'unassigned', '2026-09-26 没有安排值班人员'],
      ['2026-09-27', 'unassigned', '2026-09-27 没有安排值班人员'],
      ['2026-09-28', 'missing_log', '2026-09-28 zhangsan 没有填写值班记录'],
      ['2026-09-29', 'unsigned', '2026-09-29 的交接尚未由 zhangsan 签收'],
      ['2026-09-30', 'unassigned', '2026-09-30 没有安排值班人员'],
      ['2026-10-01', 'unassigned', '2026-10-01 还没有安排值班人员'],
      ['2026-10-02', 'unassigned', '2026-10-02 还没有安排值班人员'],
      ['2026-10-03', 'unassigned', '2026-10-03 还没有安排值班人员'],
    ]);
  });
});

describe('provisionalRosterNote', () => {
  it('says a roster in a year without a holiday notice is provisional, and nothing otherwise', () => {
    expect(
      provisionalRosterNote(dutyDays(calendar, { from: '2026-10-01', to: '2026-10-07' }, [])),
    ).toBeNull();
    const later = dutyDays(calendar, { from: '2031-01-01', to: '2031-01-31' }, []);
    expect(provisionalRosterNote(later)).toContain('暂定：2031 年的节假日安排（国务院通知）尚未发布');
  });
});

describe('assignmentEdits: the lead edits who is assigned a day', () => {
  const assignments = [assignment(1, '2026-10-01', 'zhangsan', 5), assignment(2, '2026-10-01', 'lisi', null)];

  it('adds the new names and deletes the dropped ones, within the day and scope only', () => {
    const edits = assignmentEdits(assignments, '2026-10-01', 5, ['wangwu', ' wangwu ', '']);
    expect(edits.add).toEqual(['wangwu']);
    expect(edits.remove.map((removed) => removed.person)).toEqual(['zhangsan']);
    expect(assignedPeople(assignments, '2026-10-01', null)).toEqual(['lisi']);
  });

  it('keeps an assignment whose person is still wanted, so its swaps keep applying', () => {
    const edits = assignmentEdits(assignments, '2026-10-01', 5, ['zhangsan', 'zhaoliu']);
    expect(edits).toEqual({ add: ['zhaoliu'], remove: [] });
  });

  it('names a login name that cannot be a person, in words', () => {
    expect(personNameProblem('zhangsan')).toBeNull();
    expect(personNameProblem('x'.repeat(65))).toContain('不能超过 64 个字符');
  });
});

describe('people, hand-overs and swaps', () => {
  const assignments = [
    assignment(1, '2026-10-01', 'zhangsan', 5),
    assignment(2, '2026-10-02', 'zhangsan', 5),
    assignment(3, '2026-10-03', 'lisi', 5),
    assignment(4, '2026-10-04', 'wangwu', null),
  ];
  const roster = currentRoster(assignments, []);

  it('offers this PC’s accounts and everyone the records name, once each', () => {
    const logs = [log(1, '2026-10-01', 'zhangsan', { handOverTo: 'zhaoliu', handedOverAt: at })];
    expect(peopleChoices(['lead', 'zhangsan'], assignments, logs)).toEqual([
      'lead',
      'lisi',
      'wangwu',
      'zhangsan',
      'zhaoliu',
    ]);
  });

  it('suggests handing over to the next other person on duty in the same scope', () => {
    expect(nextOnDuty(roster, 5, '2026-10-01', 'zhangsan')).toBe('lisi');
    expect(nextOnDuty(roster, 5, '2026-10-03', 'lisi')).toBeNull();
  });

  it('offers for an exchange only other people’s shifts of the same scope', () => {
    const shift = roster.entries.find((entry) => entry.assignmentId === uuid(1));
    if (shift === undefined) throw new Error('no shift');
    expect(exchangeCandidates(roster, shift).map((entry) => entry.person)).toEqual(['lisi']);
  });

  it('lists the hand-overs waiting for my sign-off, oldest first', () => {
    const handed = { handOverTo: 'lisi', handedOverAt: at };
    const logs = [
      log(3, '2026-10-02', 'zhangsan', handed),
      log(2, '2026-10-01', 'zhangsan', handed),
      log(4, '2026-09-30', 'zhangsan', { ...handed, signedOffAt: at }),
      log(5, '2026-09-29', 'zhangsan', { handOverTo: 'wangwu', handedOverAt: at }),
    ];
    expect(awaitingSignOff(logs, 'lisi').map((entry) => entry.date)).toEqual(['2026-10-01', '2026-10-02']);
  });
});

describe('the roster period', () => {
  it('defaults to this month and the next, across a year end', () => {
    expect(defaultDutyRange('2026-12-07')).toEqual({ from: '2026-12-01', to: '2027-01-31' });
    expect(defaultDutyRange('2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
  });

  it('takes a link’s period only when it is real and not too long', () => {
    const read = (query: string) => dutyRangeFromParams(new URLSearchParams(query), '2026-12-07');
    expect(read('from=2026-09-26&to=2026-10-11')).toEqual({ from: '2026-09-26', to: '2026-10-11' });
    expect(read('from=2026-02-30&to=2026-03-10')).toEqual(defaultDutyRange('2026-12-07'));
    expect(read('from=2026-10-11&to=2026-09-26')).toEqual(defaultDutyRange('2026-12-07'));
    expect(read('from=2020-01-01&to=2026-01-01')).toEqual(defaultDutyRange('2026-12-07'));
  });
});

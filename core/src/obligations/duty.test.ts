import { describe, expect, it } from 'vitest';
import { sensitivePeriodSchema } from '../records/kinds/duty';
import { parseInstant } from '../time/shanghai-time';
import { type DutyRecords, dutyObligations } from './duty';
import { contextAt, nextId, testAssignment, testDutyLog } from './test-records';

/*
 * 2026-02-13 is a Friday and 02-14 a 调休 Saturday: both working days, so no duty. 02-15 and 02-16 are
 * days of the Spring Festival holiday: duty for the whole contract.
 */
const holiday = { from: '2026-02-13', to: '2026-02-16' };
const handedOver = {
  handOverTo: 'li',
  handedOverAt: parseInstant('2026-02-15 20:00'),
  signedOffAt: parseInstant('2026-02-15 20:30'),
};
const none: DutyRecords = { assignments: [], swaps: [], logs: [], sensitivePeriods: [] };

function states(records: DutyRecords, now: string): [string, string][] {
  return dutyObligations(records, contextAt(now, { contractYear: holiday })).map((obligation) => [
    obligation.id,
    obligation.state,
  ]);
}

describe('dutyObligations: duty on every rest day', () => {
  it('owes duty on the holiday and not on the 调休 Saturday', () => {
    expect(states(none, '2026-02-13 10:00')).toEqual([
      ['duty:contract:2026-02-15', 'at_risk'], // no one rostered yet
      ['duty:contract:2026-02-16', 'at_risk'],
    ]);
  });

  it.each([
    ['a rostered day ahead', '2026-02-13 10:00', 'due', true, false, false],
    ['the day itself, log not yet written', '2026-02-15 10:00', 'due', true, false, false],
    ['a signed-off hand-over', '2026-02-16 10:00', 'met', true, true, true],
    ['a past day without a log', '2026-02-16 10:00', 'overdue', true, false, false],
    ['a past day not handed over', '2026-02-16 10:00', 'overdue', true, true, false],
    ['a past day no one kept', '2026-02-16 10:00', 'broken', false, false, false],
  ] as const)('02-15 with %s, at %s, is %s', (_what, now, state, rostered, logged, signed) => {
    const assignments = rostered ? [testAssignment('2026-02-15', 'zhang')] : [];
    const logs = logged ? [testDutyLog('2026-02-15', 'zhang', signed ? handedOver : {})] : [];
    const [first] = dutyObligations(
      { ...none, assignments, logs },
      contextAt(now, { contractYear: holiday }),
    );
    expect(first?.id).toBe('duty:contract:2026-02-15');
    expect(first?.state).toBe(state);
  });

  it('proves a day with its assignment and log', () => {
    const assignment = testAssignment('2026-02-15', 'zhang');
    const log = testDutyLog('2026-02-15', 'zhang', handedOver);
    const [first] = dutyObligations(
      { ...none, assignments: [assignment], logs: [log] },
      contextAt('2026-02-16 10:00', { contractYear: holiday }),
    );
    expect(first?.recordIds).toEqual([assignment.id, log.id]);
    expect(first?.title).toBe('2026-02-15（法定节假日、春节）值班');
  });

  it('adds a sensitive period’s working days for the subsystems it names, within scope', () => {
    const period = sensitivePeriodSchema.parse({
      id: nextId(),
      createdBy: 'lead',
      createdAt: parseInstant('2026-01-01 08:00'),
      updatedAt: parseInstant('2026-01-01 08:00'),
      deleted: false,
      name: '网站保障期',
      from: '2026-02-13',
      to: '2026-02-13',
      subsystemIds: [5],
      note: '',
    });
    const records = { ...none, sensitivePeriods: [period] };
    expect(states(records, '2026-02-12 10:00')).toContainEqual(['duty:5:2026-02-13', 'at_risk']);
    const engineerOfOne = contextAt('2026-02-12 10:00', {
      contractYear: holiday,
      scope: { subsystemIds: [1], unitIds: null },
    });
    expect(dutyObligations(records, engineerOfOne).map((obligation) => obligation.id)).toEqual([
      'duty:contract:2026-02-15',
      'duty:contract:2026-02-16',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { findSubsystem } from '../profile/find-sla-clock';
import { dayNumberToIsoDate, isoDateToDayNumber } from '../time/shanghai-time';
import { onSiteWorkdayObligations, stationedObligations } from './onsite';
import { contextAt, testCalendar, testOnSiteDay, testProfile } from './test-records';

/*
 * Subsystem 8 promises ≥ 60 working days on site a year. 2026 has 248 working days; 121 of them fall
 * on or before 07-01, and 22 after 12-01. So on 07-01 the pace asks for ⌊60 × 121 / 248⌋ = 29 days,
 * and on 12-01 for ⌊60 × 226 / 248⌋ = 54, with 22 days left to make up any shortfall.
 */
const s8 = findSubsystem(testProfile, 8);

function workdaysFrom(first: string, count: number): string[] {
  const dates: string[] = [];
  for (let day = isoDateToDayNumber(first); dates.length < count; day += 1) {
    if (testCalendar.isWorkday(day)) dates.push(dayNumberToIsoDate(day));
  }
  return dates;
}

function onSite(count: number, now: string) {
  const days = workdaysFrom('2026-01-04', count).map((date) => testOnSiteDay(date, 'zhang'));
  const [found] = onSiteWorkdayObligations([s8], days, contextAt(now));
  if (found === undefined) throw new Error('subsystem 8 has an on-site target');
  return found;
}

describe('onSiteWorkdayObligations: subsystem 8’s 60 working days on site', () => {
  it.each([
    [0, '2026-01-05 10:00', 'due'], // two working days in: the pace asks for ⌊0.48⌋ = 0
    [29, '2026-07-01 10:00', 'due'], // on pace
    [28, '2026-07-01 10:00', 'at_risk'], // one behind the pace of 29
    [40, '2026-12-01 10:00', 'at_risk'], // 20 short, 22 days left: still possible
    [0, '2026-12-01 10:00', 'broken'], // 60 short with 22 days left
    [60, '2026-12-01 10:00', 'met'],
  ] as const)('%i days on site at %s is %s', (count, now, state) => {
    expect(onSite(count, now).state).toBe(state);
  });

  it('says how far behind the pace it is, and proves the count with the days', () => {
    const behind = onSite(28, '2026-07-01 10:00');
    expect(behind.detail).toBe(
      '现场服务已有 28 个工作日，合同要求不少于 60 个，还差 32 个；按进度此时应有 29 个',
    );
    expect(behind.recordIds).toHaveLength(28);
  });

  it('is only for subsystems with the target', () => {
    expect(
      onSiteWorkdayObligations([findSubsystem(testProfile, 1)], [], contextAt('2026-07-01 10:00')),
    ).toEqual([]);
  });
});

describe('stationedObligations: the stationed headcount on every past working day', () => {
  // Subsystem 8 stations 2 engineers; Monday 03-02 … Wednesday 03-04 are past on Thursday 03-05.
  const week = { from: '2026-03-02', to: '2026-03-06' };
  const both = ['2026-03-02', '2026-03-03', '2026-03-04'].flatMap((date) => [
    testOnSiteDay(date, 'zhang'),
    testOnSiteDay(date, 'li'),
  ]);

  it('is met with two engineers each day', () => {
    const [found] = stationedObligations([s8], both, contextAt('2026-03-05 10:00', { contractYear: week }));
    expect(found?.state).toBe('met');
  });

  it('is broken by one day with one engineer, naming it', () => {
    const oneShort = both.filter((day) => !(day.date === '2026-03-04' && day.engineer === 'li'));
    const [found] = stationedObligations(
      [s8],
      oneShort,
      contextAt('2026-03-05 10:00', { contractYear: week }),
    );
    expect(found?.state).toBe('broken');
    expect(found?.detail).toBe('1 个工作日驻场人数不足：2026-03-04 驻场 1 人，合同要求 2 人');
  });

  it('sets nothing for a subsystem without stationed engineers', () => {
    expect(stationedObligations([findSubsystem(testProfile, 3)], [], contextAt('2026-03-05 10:00'))).toEqual(
      [],
    );
  });
});

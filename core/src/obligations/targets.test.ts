import { describe, expect, it } from 'vitest';
import { findSubsystem } from '../profile/find-sla-clock';
import { parseInstant } from '../time/shanghai-time';
import { compareTarget, targetObligations, untrackedTargets } from './targets';
import { contextAt, digestsAt, testProfile, testTicket } from './test-records';

/*
 * Subsystem 5 promises a fault resolution rate ≥ 99 % and a mean time to repair < 60 minutes; the
 * contract as a whole a resolution rate of 100 %.
 */
const s5 = findSubsystem(testProfile, 5);
const quick = testTicket({ receivedAt: parseInstant('2026-03-02 10:00') }, [
  ['respond', '2026-03-02 10:05'],
  ['resolve', '2026-03-02 10:30'],
]);
const open = testTicket({ receivedAt: parseInstant('2026-03-03 10:00') }, [['respond', '2026-03-03 10:05']]);
const consultation = testTicket({ category: 'consultation', receivedAt: parseInstant('2026-03-03 11:00') });

function byId(now: string, tickets = [quick, open, consultation]) {
  return new Map(
    targetObligations(digestsAt(tickets, contextAt(now)), [s5], contextAt(now)).map((obligation) => [
      obligation.id,
      obligation,
    ]),
  );
}

describe('targetObligations: fault-ticket targets over the contract year', () => {
  it('puts a resolution rate below its target at risk while the year runs, naming the open fault', () => {
    const rate = byId('2026-03-04 10:00').get('target:5:resolution-rate-percent');
    expect(rate?.state).toBe('at_risk');
    expect(rate?.detail).toBe('受理故障 2 个，已解决 1 个，解决率 50.0%');
    expect(rate?.recordIds).toEqual([open.id]);
    expect(rate?.title).toBe('网站群：故障解决率 ≥ 99%');
  });

  it('breaks it once the year is over', () => {
    expect(byId('2027-01-01 00:00').get('target:5:resolution-rate-percent')?.state).toBe('broken');
  });

  it('meets it when every fault is resolved, and when there is none yet', () => {
    expect(byId('2026-03-04 10:00', [quick]).get('target:5:resolution-rate-percent')?.state).toBe('met');
    const none = byId('2026-03-04 10:00', []).get('target:contract:resolution-rate-percent');
    expect(none?.state).toBe('met');
    expect(none?.detail).toBe('本合同年度尚无故障工单');
  });

  it('measures the mean time to repair in natural time: 30 minutes is under 60', () => {
    const mttr = byId('2026-03-04 10:00').get('target:5:mean-time-to-repair-minutes');
    expect(mttr?.state).toBe('met');
    expect(mttr?.detail).toBe('已解决故障 1 个，平均修复时间 30 分钟');
    const slow = testTicket({ receivedAt: parseInstant('2026-03-05 10:00') }, [
      ['respond', '2026-03-05 10:05'],
      ['resolve', '2026-03-05 12:00'],
    ]);
    // (30 + 120) / 2 = 75 minutes.
    const late = byId('2026-03-06 10:00', [quick, slow]).get('target:5:mean-time-to-repair-minutes');
    expect(late?.state).toBe('at_risk');
    expect(late?.recordIds).toEqual([slow.id]);
  });
});

describe('compareTarget', () => {
  it.each([
    [99, 'at-least', 99, true],
    [(99 / 100) * 100, 'at-least', 99, true],
    [98.9, 'at-least', 99, false],
    [1, 'more-than', 1, false],
    [59.9, 'less-than', 60, true],
    [60, 'less-than', 60, false],
    [60, 'at-most', 60, true],
  ] as const)('%d %s %d is %s', (value, comparison, target, kept) => {
    expect(compareTarget(value, comparison, target)).toBe(kept);
  });
});

describe('untrackedTargets', () => {
  it('lists the availability targets with why they are not measured', () => {
    const s7 = findSubsystem(testProfile, 7);
    expect(untrackedTargets(s7, s7.targets).map((entry) => entry.text)).toEqual([
      '系统年可用率 ≥ 99.95 %',
      '年无故障运行时间 ≥ 8756 小时',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseInstant } from '../time/shanghai-time';
import { contextAt, testProfile, testVisit } from './test-records';
import { visitObligations } from './visits';

const { documentSystem } = testProfile;
if (documentSystem === undefined) throw new Error('the shipped profile has a document system');
const allUnits = documentSystem.units.map((unit) => unit.id);
const visits = [
  testVisit('2026-01-12', allUnits),
  testVisit(
    '2026-02-10',
    allUnits.filter((id) => id !== 2),
  ),
  testVisit('2026-03-03', [1]),
];

function unit2(now: string): [string, string][] {
  const context = contextAt(now, { scope: { subsystemIds: [3], unitIds: [2] } });
  return visitObligations(documentSystem as NonNullable<typeof documentSystem>, visits, context).map(
    (obligation) => [obligation.id, obligation.state],
  );
}

describe('visitObligations: each unit each month up to this one', () => {
  it('is met in January, broken in February (never visited), due in March', () => {
    expect(unit2('2026-03-10 10:00')).toEqual([
      ['visit:2:2026-01', 'met'],
      ['visit:2:2026-02', 'broken'],
      ['visit:2:2026-03', 'due'],
    ]);
  });

  it('is at risk in the last 5 days of the month', () => {
    expect(unit2('2026-03-27 10:00')[2]).toEqual(['visit:2:2026-03', 'at_risk']); // 4 days 14 hours
    expect(unit2('2026-03-26 00:00')[2]).toEqual(['visit:2:2026-03', 'due']); // 6 days
  });

  it('covers every unit for the lead, and proves a month with its visits', () => {
    const all = visitObligations(documentSystem, visits, contextAt('2026-03-10 10:00'));
    expect(all).toHaveLength(30);
    const march1 = all.find((obligation) => obligation.id === 'visit:1:2026-03');
    expect(march1?.state).toBe('met');
    expect(march1?.recordIds).toEqual([visits[2]?.id]);
    expect(march1?.dueAt).toBe(parseInstant('2026-04-01 00:00'));
    expect(march1?.title).toBe('贵州省人力资源和社会保障厅 2026年3月现场回访');
  });
});

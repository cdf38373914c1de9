import { describe, expect, it } from 'vitest';
import { loadDefaultProfile } from '../../profile/default-profile';
import { parseInstant } from '../../time/shanghai-time';
import { parseRecord } from '../validation';
import { checkVisitUnits, type Visit, visitSchema } from './visit';
import { visitCoverage } from './visit-coverage';

const profileDocumentSystem = loadDefaultProfile().documentSystem;
if (profileDocumentSystem === undefined) throw new Error('the shipped profile has a document system');
const documentSystem = profileDocumentSystem;
const at = parseInstant('2026-01-05 10:00');
let serial = 0;

function visit(date: string, unitIds: number[], overrides: Partial<Visit> = {}): Visit {
  serial += 1;
  return visitSchema.parse({
    id: `00000000-0000-4000-8000-${serial.toString().padStart(12, '0')}`,
    createdBy: 'manager',
    createdAt: at,
    updatedAt: at,
    deleted: false,
    date,
    visitor: 'manager',
    unitIds,
    peopleMet: [{ name: '刘主任', unitId: unitIds[0], title: '办公室主任' }],
    ticketIds: [],
    suggestions: '',
    satisfaction: unitIds.map((unitId) => ({ unitId, level: 'satisfied', comment: '' })),
    photos: [],
    ...overrides,
  });
}

const allUnits = documentSystem.units.map((unit) => unit.id);
const quarter = { from: '2026-01-01', to: '2026-03-31' };

describe('visitCoverage: the 10 units of the document system over a quarter', () => {
  const visits = [
    visit('2026-01-12', allUnits.slice(0, 5)),
    visit('2026-01-20', allUnits.slice(5)),
    visit(
      '2026-02-10',
      allUnits.filter((id) => id !== 2),
    ),
    visit('2026-03-03', [1, 3]),
    visit('2026-03-04', [2], { deleted: true }),
    visit('2025-12-30', [2]),
  ];
  const coverage = visitCoverage(documentSystem, visits, quarter, '2026-03-10');

  it('has one row per unit and one column per month', () => {
    expect(coverage.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(coverage.rows).toHaveLength(10);
  });

  it('shows visited, missed and not yet visited this month', () => {
    const states = (unitId: number) =>
      coverage.rows.find((row) => row.unitId === unitId)?.cells.map((cell) => cell.state);
    expect(states(1)).toEqual(['visited', 'visited', 'visited']);
    expect(states(2)).toEqual(['visited', 'missed', 'due']);
    expect(states(10)).toEqual(['visited', 'visited', 'due']);
    const counts = coverage.rows.map((row) => row.cells.filter((cell) => cell.state === 'visited').length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(10 + 9 + 2);
  });

  it('lists the missed unit-months in words', () => {
    expect(coverage.gaps).toEqual(['贵州省就业局 2026年2月未回访']);
  });

  it('shows later months as upcoming and turns an unvisited month to missed once it is over', () => {
    const january = visits.filter((candidate) => candidate.date <= '2026-01-31');
    const early = visitCoverage(documentSystem, january, quarter, '2026-01-31');
    expect(
      early.rows.every((row) => row.cells.map((cell) => cell.state).join() === 'visited,upcoming,upcoming'),
    ).toBe(true);
    const after = visitCoverage(documentSystem, visits, quarter, '2026-04-01');
    expect(after.rows[1]?.cells.map((cell) => cell.state)).toEqual(['visited', 'missed', 'missed']);
    expect(after.gaps).toHaveLength(1 + 8);
  });
});

describe('visitSchema and checkVisitUnits', () => {
  it('refuses satisfaction for a unit not visited', () => {
    const base = visit('2026-01-12', [1]);
    const result = parseRecord(
      visitSchema,
      { ...base, satisfaction: [{ unitId: 2, level: 'satisfied', comment: '' }] },
      '回访记录',
    );
    expect(result).toEqual({
      ok: false,
      reason: '回访记录数据无效：satisfaction.0.unitId: 只能评价本次走访的单位',
    });
  });

  it('refuses a satisfaction level outside 满意 / 基本满意 / 不满意', () => {
    const base = visit('2026-01-12', [1]);
    const result = parseRecord(
      visitSchema,
      { ...base, satisfaction: [{ unitId: 1, level: 'ok', comment: '' }] },
      '回访记录',
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain('满意度应为满意、基本满意或不满意');
  });

  it('refuses a unit the document system does not serve', () => {
    expect(checkVisitUnits(visit('2026-01-12', [1, 11]), documentSystem)).toEqual({
      ok: false,
      reason: '有 1 个走访单位不在合同的公文系统单位名单中',
    });
    expect(checkVisitUnits(visit('2026-01-12', [1, 10]), documentSystem)).toEqual({ ok: true });
  });
});

import { loadDefaultProfile } from '@core/profile';
import { visitCoverage, visitSchema } from '@core/records/kinds';
import { describe, expect, it } from 'vitest';
import { coverageCounts, documentSystemOfUnits, visitListItems } from './visit-list';

const documentSystem = loadDefaultProfile().documentSystem;
if (documentSystem === undefined) throw new Error('the shipped profile has a document system');
const system = documentSystem;

function visit(serial: number, date: string, unitIds: number[]) {
  return visitSchema.parse({
    id: `00000000-0000-4000-8000-00000000000${serial}`,
    createdBy: 'qianqi',
    createdAt: serial,
    updatedAt: serial,
    deleted: false,
    date,
    visitor: 'qianqi',
    unitIds,
    peopleMet: [{ name: '刘主任', unitId: unitIds[0], title: '办公室主任' }],
    ticketIds: [],
    suggestions: '',
    satisfaction: [{ unitId: unitIds[0], level: 'basically_satisfied', comment: '' }],
    photos: [],
  });
}

describe('the coverage view of a service manager', () => {
  it('has rows for their units only, so another unit’s unseen visits are not shown as missed', () => {
    const visits = [visit(1, '2026-11-03', [1, 2])];
    const coverage = visitCoverage(
      documentSystemOfUnits(system, [1, 2]),
      visits,
      { from: '2026-11-01', to: '2026-12-31' },
      '2026-12-07',
    );
    expect(coverage.rows.map((row) => row.unitName)).toEqual(['贵州省人力资源和社会保障厅', '贵州省就业局']);
    expect(coverageCounts(coverage)).toEqual({ visited: 2, due: 2, missed: 0, upcoming: 0 });
    expect(coverage.gaps).toEqual([]);
  });
});

describe('visitListItems', () => {
  it('lists visits newest first in words', () => {
    const items = visitListItems([visit(1, '2026-11-03', [1, 2]), visit(2, '2026-12-01', [2])], system);
    expect(items.map((item) => item.date)).toEqual(['2026-12-01', '2026-11-03']);
    expect(items[1]).toMatchObject({
      units: '贵州省人力资源和社会保障厅、贵州省就业局',
      people: '刘主任（办公室主任）',
      satisfaction: '贵州省人力资源和社会保障厅：基本满意',
    });
  });
});

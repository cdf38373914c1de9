import type { DocumentSystem } from '@core/profile';
import {
  COVERAGE_STATE_LABELS,
  type CoverageState,
  type Visit,
  type VisitCoverage,
  VISIT_SATISFACTION_LABELS,
} from '@core/records/kinds';

/**
 * The document system with only the units the user reads, for the coverage view: a unit whose visits
 * the user does not receive would otherwise show as missed.
 */
export function documentSystemOfUnits(
  documentSystem: DocumentSystem,
  unitIds: readonly number[],
): DocumentSystem {
  return { ...documentSystem, units: documentSystem.units.filter((unit) => unitIds.includes(unit.id)) };
}

/** How many unit-months are in each state, for the legend: 已回访 12 · 本月待回访 3 … */
export function coverageCounts(coverage: VisitCoverage): Readonly<Record<CoverageState, number>> {
  const counts: Record<CoverageState, number> = { visited: 0, due: 0, missed: 0, upcoming: 0 };
  for (const row of coverage.rows) for (const cell of row.cells) counts[cell.state] += 1;
  return counts;
}

/** What a cell says when read aloud and hovered: 贵州省就业局 2026年2月：已回访（1 次）. */
export function cellTitle(unitName: string, monthText: string, state: CoverageState, visits: number): string {
  return `${unitName} ${monthText}：${COVERAGE_STATE_LABELS[state]}${visits > 0 ? `（${visits} 次）` : ''}`;
}

export interface VisitListItem {
  readonly id: string;
  readonly date: string;
  readonly units: string;
  readonly people: string;
  readonly satisfaction: string;
  readonly visitor: string;
  readonly photos: number;
}

/** Visits newest first, in words, for the list and the drill-down of a coverage cell. */
export function visitListItems(
  visits: readonly Visit[],
  documentSystem: DocumentSystem | undefined,
): VisitListItem[] {
  const unitName = (id: number) => documentSystem?.units.find((unit) => unit.id === id)?.name ?? `单位 ${id}`;
  return [...visits]
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt - a.updatedAt)
    .map((visit) => ({
      id: visit.id,
      date: visit.date,
      units: visit.unitIds.map(unitName).join('、'),
      people: visit.peopleMet
        .map((person) => (person.title === '' ? person.name : `${person.name}（${person.title}）`))
        .join('、'),
      satisfaction: visit.satisfaction
        .map((entry) => `${unitName(entry.unitId)}：${VISIT_SATISFACTION_LABELS[entry.level]}`)
        .join('；'),
      visitor: visit.visitor,
      photos: visit.photos.length,
    }));
}

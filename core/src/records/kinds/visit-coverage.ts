import type { DocumentSystem } from '../../profile/contract-profile';
import { type DateRange, inRange, monthLabel, monthsOfRange } from './common';
import type { Visit } from './visit';

export type CoverageState = 'visited' | 'due' | 'missed' | 'upcoming';

export const COVERAGE_STATE_LABELS: Readonly<Record<CoverageState, string>> = {
  visited: '已回访',
  due: '本月待回访',
  missed: '未回访',
  upcoming: '未到',
};

export interface CoverageCell {
  readonly month: string;
  readonly state: CoverageState;
  readonly visits: number;
  readonly visitIds: readonly string[];
}

export interface CoverageRow {
  readonly unitId: number;
  readonly unitName: string;
  readonly cells: readonly CoverageCell[];
}

export interface VisitCoverage {
  readonly months: readonly string[];
  readonly rows: readonly CoverageRow[];
  /** The missed unit-months as sentences, e.g. 贵州省就业局 2026年2月未回访. */
  readonly gaps: readonly string[];
}

/**
 * Units × months of a range (the contract year, a quarter): a unit-month with the visits the profile
 * asks for (`visitsPerUnitPerMonth`, 1 if unset) is visited; this month short of them is due; a past
 * month short of them is missed; a later month is upcoming. Only undeleted visits within the range count.
 */
export function visitCoverage(
  documentSystem: DocumentSystem,
  visits: readonly Visit[],
  range: DateRange,
  today: string,
): VisitCoverage {
  const months = monthsOfRange(range);
  const required = documentSystem.visitsPerUnitPerMonth ?? 1;
  const thisMonth = today.slice(0, 7);
  const counted = visits.filter((visit) => !visit.deleted && inRange(visit.date, range));
  const gaps: string[] = [];
  const rows = documentSystem.units.map((unit) => ({
    unitId: unit.id,
    unitName: unit.name,
    cells: months.map((month) => {
      const ids = counted
        .filter((visit) => visit.date.startsWith(month) && visit.unitIds.includes(unit.id))
        .map((visit) => visit.id);
      const state: CoverageState =
        ids.length >= required
          ? 'visited'
          : month > thisMonth
            ? 'upcoming'
            : month === thisMonth
              ? 'due'
              : 'missed';
      if (state === 'missed') gaps.push(`${unit.name} ${monthLabel(month)}未回访`);
      return { month, state, visits: ids.length, visitIds: ids };
    }),
  }));
  return { months, rows, gaps };
}

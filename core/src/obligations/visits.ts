import type { DocumentSystem } from '../profile/contract-profile';
import { monthLabel } from '../records/kinds/common';
import type { Visit } from '../records/kinds/visit';
import { visitCoverage } from '../records/kinds/visit-coverage';
import { dateOf, daysUntil, endOfDate, lastDayOfMonth } from './dates';
import { type Obligation, type ObligationContext, type ObligationState, unitInScope } from './obligation';

/** A unit not yet visited with this many days of the month left (or fewer) is at risk. */
export const VISIT_AT_RISK_DAYS = 5;

/**
 * Each unit of the document system and each month of the contract year up to this one, by
 * `visitCoverage`: visited → met; a past month without the visits → broken; this month → due by its
 * last day, at risk in its last 5 days.
 */
export function visitObligations(
  documentSystem: DocumentSystem,
  visits: readonly Visit[],
  context: ObligationContext,
): Obligation[] {
  const coverage = visitCoverage(documentSystem, visits, context.contractYear, dateOf(context.now));
  return coverage.rows
    .filter((row) => unitInScope(context.scope, row.unitId))
    .flatMap((row) =>
      row.cells.flatMap((cell): Obligation[] => {
        if (cell.state === 'upcoming') return [];
        const dueAt = endOfDate(lastDayOfMonth(cell.month));
        let state: ObligationState;
        let detail: string;
        switch (cell.state) {
          case 'visited':
            state = 'met';
            detail = `${monthLabel(cell.month)}已回访 ${cell.visits} 次`;
            break;
          case 'missed':
            state = 'broken';
            detail = `${monthLabel(cell.month)}未回访`;
            break;
          case 'due':
            state = daysUntil(context.now, dueAt) <= VISIT_AT_RISK_DAYS ? 'at_risk' : 'due';
            detail = `本月尚未回访，须在 ${lastDayOfMonth(cell.month)} 前回访`;
            break;
        }
        return [
          {
            id: `visit:${row.unitId}:${cell.month}`,
            kind: 'visit',
            subsystemId: documentSystem.subsystemId,
            unitId: row.unitId,
            title: `${row.unitName} ${monthLabel(cell.month)}现场回访`,
            state,
            dueAt,
            detail,
            recordIds: cell.visitIds,
            clause: documentSystem.visitsClause ?? null,
          },
        ];
      }),
    );
}

import type { Visibility } from '@core/auth';
import { CONTRACT_WIDE } from '@core/records';

/** SQL expressions of a placement: a subsystem (int) and units (int[]), e.g. `r.subsystem_id`, `r.unit_ids`. */
export interface PlacementSql {
  readonly subsystemId: string;
  readonly unitIds: string;
}

/** The query parameters (`$n`) that carry a visibility, as `visibilityParams` gives their values. */
export interface VisibilitySql {
  readonly all: string;
  readonly subsystemIds: string;
  readonly unitIds: string;
}

/**
 * canSee (core auth/scope.ts) in SQL, so every query that decides what a user reads (pull, blob
 * access, history) applies the one rule: everything for `all`; a unit-scoped record when its units
 * overlap the user's; any other record when it is contract-wide or in one of the user's subsystems.
 */
export function canSeeSql(placement: PlacementSql, visibility: VisibilitySql): string {
  const { subsystemId, unitIds } = placement;
  // "No units" is `= '{}'`, not `cardinality(...) = 0`: the planner estimates a comparison with the
  // column's statistics (nearly every record has none), but guesses a function's result as rare, and
  // then sorted the whole table for a pull page instead of reading it in change order (100,000
  // records: 60 ms instead of 15 ms).
  return `(${visibility.all}
    or (${unitIds} <> '{}' and ${unitIds} && ${visibility.unitIds}::int[])
    or (${unitIds} = '{}'
        and (${subsystemId} = ${CONTRACT_WIDE} or ${subsystemId} = any(${visibility.subsystemIds}::int[]))))`;
}

/** The values of the parameters `canSeeSql` reads, in the order all, subsystems, units. */
export function visibilityParams(visibility: Visibility): [boolean, number[], number[]] {
  if (visibility.all) return [true, [], []];
  return [false, [...visibility.subsystemIds], [...visibility.unitIds]];
}

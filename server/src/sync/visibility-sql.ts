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
  return `(${visibility.all}
    or (cardinality(${unitIds}) > 0 and ${unitIds} && ${visibility.unitIds}::int[])
    or (cardinality(${unitIds}) = 0
        and (${subsystemId} = ${CONTRACT_WIDE} or ${subsystemId} = any(${visibility.subsystemIds}::int[]))))`;
}

/** The values of the parameters `canSeeSql` reads, in the order all, subsystems, units. */
export function visibilityParams(visibility: Visibility): [boolean, number[], number[]] {
  if (visibility.all) return [true, [], []];
  return [false, [...visibility.subsystemIds], [...visibility.unitIds]];
}

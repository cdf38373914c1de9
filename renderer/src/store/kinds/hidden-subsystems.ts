import type { Visibility } from '@core/auth';
import { SUBSYSTEM_ID_MAX, SUBSYSTEM_ID_MIN } from '@core/records';

/** The contract's subsystems a user with this visibility may not read (none for `all`). */
export function hiddenSubsystems(visibility: Visibility): number[] {
  if (visibility.all) return [];
  const hidden: number[] = [];
  for (let id = SUBSYSTEM_ID_MIN; id <= SUBSYSTEM_ID_MAX; id += 1) {
    if (!visibility.subsystemIds.includes(id)) hidden.push(id);
  }
  return hidden;
}

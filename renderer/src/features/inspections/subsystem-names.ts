import type { ContractProfile } from '@core/profile';

/** Subsystem id → its short name in the profile (“网站群”); “子项 N” for an id the profile lacks. */
export function subsystemNames(profile: ContractProfile): (subsystemId: number) => string {
  const names = new Map(profile.subsystems.map((subsystem) => [subsystem.id, subsystem.shortName]));
  return (subsystemId) => names.get(subsystemId) ?? `子项 ${subsystemId}`;
}

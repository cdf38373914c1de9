import { SUBSYSTEM_ID_MAX, SUBSYSTEM_ID_MIN } from '@core/records';

/**
 * The subsystem of the engineer's last new ticket, per user on this PC: a stationed engineer mostly
 * logs tickets for the same system, so the form starts there.
 */
function key(userId: string): string {
  return `yunwei:last-ticket-subsystem:${userId}`;
}

export function readLastSubsystem(storage: Pick<Storage, 'getItem'>, userId: string): number | undefined {
  const raw = storage.getItem(key(userId));
  const id = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(id) && id >= SUBSYSTEM_ID_MIN && id <= SUBSYSTEM_ID_MAX ? id : undefined;
}

export function rememberLastSubsystem(
  storage: Pick<Storage, 'setItem'>,
  userId: string,
  subsystemId: number,
): void {
  storage.setItem(key(userId), String(subsystemId));
}

import { SUBSYSTEM_ID_MAX, SUBSYSTEM_ID_MIN } from '@core/records';

/**
 * The subsystem of the engineer's last new ticket, per user on this PC: a stationed engineer mostly
 * logs tickets for the same system, so the form starts there.
 */
function key(userId: string): string {
  return `yunwei:last-ticket-subsystem:${userId}`;
}

/**
 * The subsystem the form starts on: the last one used, if the user may still write it (a subsystem
 * handed to a colleague since, or one a rejected ticket was saved for, is not offered), otherwise the
 * only one the user keeps.
 */
export function readLastSubsystem(
  storage: Pick<Storage, 'getItem'>,
  userId: string,
  offered: readonly number[],
): number | undefined {
  const raw = storage.getItem(key(userId));
  const id = raw === null ? Number.NaN : Number(raw);
  const last = Number.isInteger(id) && id >= SUBSYSTEM_ID_MIN && id <= SUBSYSTEM_ID_MAX ? id : undefined;
  if (last !== undefined && offered.includes(last)) return last;
  return offered.length === 1 ? offered[0] : undefined;
}

export function rememberLastSubsystem(
  storage: Pick<Storage, 'setItem'>,
  userId: string,
  subsystemId: number,
): void {
  storage.setItem(key(userId), String(subsystemId));
}

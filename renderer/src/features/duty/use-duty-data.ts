import { currentRoster, dutyDays, type DateRange } from '@core/records/kinds';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useCurrentUser, useDatabase, usePlainRecords, useSlaRules, useStoredCalendar } from '../../store';
import { sessionScope, useSession } from '../session';
import { listServerAccounts, ServerAccountRegistry } from '../session/server-accounts';
import { LocalUserRegistry, listLocalUsers } from '../session/local-user-registry';
import { readDayTickets } from './day-tickets';
import { peopleChoices } from './duty-view';

/** Today, as a Shanghai day. */
export function todayIso(now: number): string {
  return dayNumberToIsoDate(dayNumberOf(now));
}

/** What the signed-in user may do on the duty pages. */
export interface DutyPowers {
  /** Define sensitive periods and assign the roster (the project lead, or a name on this PC). */
  readonly plans: boolean;
  /** Write duty logs and swaps at all (not the auditor or a service manager). */
  readonly writes: boolean;
  /** The subsystems whose duty the user sees; 'all' for the lead and the auditor. */
  readonly readable: readonly number[] | 'all';
}

export function useDutyPowers(): DutyPowers {
  const scope = sessionScope(useSession());
  return useMemo(() => {
    if (scope === null) return { plans: true, writes: true, readable: 'all' };
    switch (scope.role) {
      case 'project_lead':
        return { plans: true, writes: true, readable: 'all' };
      case 'engineer':
        return { plans: false, writes: true, readable: scope.subsystemIds };
      case 'auditor':
        return { plans: false, writes: false, readable: 'all' };
      case 'service_manager':
        return { plans: false, writes: false, readable: [] };
    }
  }, [scope]);
}

/**
 * Everything the roster of a range is made of, from this PC's store: the working calendar with the
 * notices added, the sensitive periods, the assignments and logs of the range and every swap (swaps
 * are few and apply in the order they were agreed, whatever day they name).
 */
export function useDutyData(range: DateRange) {
  const { calendar, profile } = useSlaRules();
  const notices = useStoredCalendar();
  const periods = usePlainRecords('sensitivePeriod');
  const assignments = usePlainRecords('dutyAssignment', range);
  const swaps = usePlainRecords('dutySwap');
  const logs = usePlainRecords('dutyLog', range);
  const days = useMemo(
    () => (periods.data === undefined ? [] : dutyDays(calendar, range, periods.data)),
    [calendar, range, periods.data],
  );
  const roster = useMemo(
    () => currentRoster(assignments.data ?? [], swaps.data ?? []),
    [assignments.data, swaps.data],
  );
  const queries = [notices, periods, assignments, swaps, logs];
  return {
    calendar,
    profile,
    days,
    roster,
    periods: periods.data ?? [],
    assignments: assignments.data ?? [],
    swaps: swaps.data ?? [],
    logs: logs.data ?? [],
    pending: queries.some((query) => query.isPending),
    error: queries.find((query) => query.error !== null)?.error ?? null,
  };
}

/**
 * The login names to choose people from: the server accounts that signed in on this PC (same server as
 * the session) or, signed in as a name on this PC, its local users; the duty records add the rest.
 */
export function useKnownPeople(): readonly string[] {
  const session = useSession();
  const [registries] = useState(() => ({
    accounts: new ServerAccountRegistry(),
    localUsers: new LocalUserRegistry(),
  }));
  const serverKey = session?.kind === 'server' ? session.account.serverKey : null;
  const known = useQuery({
    queryKey: ['duty', 'people', serverKey],
    queryFn: async (): Promise<string[]> =>
      serverKey === null
        ? (await listLocalUsers(registries.localUsers)).map((user) => user.id)
        : (await listServerAccounts(registries.accounts))
            .filter((account) => account.serverKey === serverKey)
            .map((account) => account.username),
  });
  const me = useCurrentUser().id;
  return useMemo(() => [...new Set([me, ...(known.data ?? [])])], [me, known.data]);
}

/** Everyone to offer for a roster or a hand-over. */
export function usePeopleChoices(range: DateRange): string[] {
  const known = useKnownPeople();
  const assignments = usePlainRecords('dutyAssignment', range);
  const logs = usePlainRecords('dutyLog', range);
  return useMemo(
    () => peopleChoices(known, assignments.data ?? [], logs.data ?? []),
    [known, assignments.data, logs.data],
  );
}

/** The tickets of a duty day in the log's scope, refreshed with every ticket save or sync. */
export function useDayTickets(date: string | null, subsystemId: number | null, linkedIds: readonly string[]) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['tickets', 'dutyDay', db.name, date, subsystemId, linkedIds],
    queryFn: () => readDayTickets(db, date ?? '', subsystemId, linkedIds),
    enabled: date !== null,
  });
}

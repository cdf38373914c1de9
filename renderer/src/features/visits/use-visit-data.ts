import { useQuery } from '@tanstack/react-query';
import type { DocumentSystem } from '@core/profile';
import { formatInstant } from '@core/time/shanghai-time';
import { useDatabase, useSlaRules } from '../../store';
import { sessionScope, useSession } from '../session';

/** The contract profile's document system (its units and visits a month), undefined when it has none. */
export function useDocumentSystem(): DocumentSystem | undefined {
  return useSlaRules().profile.documentSystem;
}

/** The signed-in user's scope; null for a name on this PC. */
export function useVisitScope() {
  return sessionScope(useSession());
}

export interface TicketOption {
  readonly value: string;
  readonly label: string;
}

/**
 * The document system's tickets on this PC, newest first, as the visit form offers them for 回访工单:
 * the service manager revisits what the engineers handled for their units.
 */
export function useDocumentSystemTickets(subsystemId: number | undefined) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['tickets', db.name, 'visit-options', subsystemId ?? null],
    enabled: subsystemId !== undefined,
    queryFn: async (): Promise<TicketOption[]> => {
      const rows = await db.tickets
        .where('subsystemId')
        .equals(subsystemId ?? -1)
        .toArray();
      return rows
        .filter((row) => !row.record.deleted)
        .sort((a, b) => b.receivedAt - a.receivedAt)
        .map((row) => ({
          value: row.id,
          label: `${formatInstant(row.receivedAt).slice(0, 10)} ${row.record.title}`,
        }));
    },
  });
}

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { searchIndexProgress, useDatabase, useSlaRules } from '../../store';
import type { ClockRules } from './ticket-clocks';
import type { TicketFilters } from './ticket-filters';
import {
  fetchTicketPage,
  getTicket,
  hasAnyTicket,
  knownAssignees,
  type TicketCursor,
} from './ticket-queries';
import { planTicketQuery } from './ticket-query-plan';

export const LIST_PAGE_SIZE = 100;

export interface SubsystemName {
  readonly id: number;
  readonly shortName: string;
  readonly name: string;
}

/** The contract and calendar the store times tickets with; the views compute clocks with the same. */
export function useClockRules(): ClockRules {
  return useSlaRules();
}

/** The contract's subsystems, for pickers and labels. */
export function useSubsystems(): readonly SubsystemName[] {
  const rules = useClockRules();
  return useMemo(
    () => rules.profile.subsystems.map(({ id, shortName, name }) => ({ id, shortName, name })),
    [rules],
  );
}

/**
 * The list, page by page in deadline order. Every save invalidates `['tickets']`, so the list refreshes
 * after an edit here or in another window. The risk filters depend on the time, so they refresh each
 * minute.
 */
export function useTicketList(filters: TicketFilters) {
  const db = useDatabase();
  const plan = useMemo(() => planTicketQuery(filters), [filters]);
  return useInfiniteQuery({
    queryKey: ['tickets', 'list', db.name, filters],
    queryFn: ({ pageParam }) =>
      fetchTicketPage(db, plan, pageParam, { pageSize: LIST_PAGE_SIZE, now: Date.now(), rules: db.slaRules }),
    initialPageParam: null as TicketCursor | null,
    getNextPageParam: (page) => page.next,
    refetchInterval: filters.risk === 'all' ? false : 60_000,
  });
}

export function useTicket(id: string) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['tickets', 'detail', db.name, id],
    queryFn: async () => (await getTicket(db, id)) ?? null,
  });
}

export function useKnownAssignees() {
  const db = useDatabase();
  return useQuery({ queryKey: ['tickets', 'assignees', db.name], queryFn: () => knownAssignees(db) });
}

export function useHasAnyTicket() {
  const db = useDatabase();
  return useQuery({ queryKey: ['tickets', 'any', db.name], queryFn: () => hasAnyTicket(db) });
}

/**
 * How far the search index is after an initial sync (null: complete). Polled while it is being
 * built, so the notice counts up and goes away by itself.
 */
export function useSearchIndexProgress() {
  const db = useDatabase();
  return useQuery({
    queryKey: ['tickets', 'search-index', db.name],
    queryFn: () => searchIndexProgress(db),
    refetchInterval: (query) => (query.state.data === null ? false : SEARCH_INDEX_POLL_MS),
  });
}

const SEARCH_INDEX_POLL_MS = 2_000;

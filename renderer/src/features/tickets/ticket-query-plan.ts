import type { TicketSeverity, TicketStatus } from '@core/records';
import { matches, queryTokens, type QueryTerm } from '@core/search';
import { TICKET_STATUSES } from '@core/records';
import { endOfIsoDay, startOfIsoDay } from './format-time';
import type { RiskFilter, TicketFilters } from './ticket-filters';

/**
 * Where the rows of a list query come from. Each source reads rows in deadline order (ties by id)
 * except the search, whose candidates are sorted after reading:
 * - `subsystem-status`: one `[subsystemId+status+deadlineAt]` range per pair (the list's main query);
 * - `status`: one `[status+deadlineAt]` range per status;
 * - `deadline`: the `deadlineAt` index, all tickets;
 * - `tokens`: the `*tokens` index, for a search.
 */
export type TicketQuerySource =
  | { readonly kind: 'subsystem-status'; readonly pairs: readonly (readonly [number, TicketStatus])[] }
  | { readonly kind: 'status'; readonly statuses: readonly TicketStatus[] }
  | { readonly kind: 'deadline' }
  | { readonly kind: 'tokens'; readonly terms: readonly QueryTerm[] };

/** What every row must satisfy beyond what its source already guarantees. */
export interface RowConditions {
  readonly subsystemIds: ReadonlySet<number> | null;
  readonly statuses: ReadonlySet<TicketStatus> | null;
  readonly severities: ReadonlySet<TicketSeverity> | null;
  readonly assignee: string | null;
  /** Inclusive lower bound of `receivedAt`. */
  readonly receivedFrom: number | null;
  /** Exclusive upper bound of `receivedAt` (00:00 after the last day). */
  readonly receivedBefore: number | null;
  readonly terms: readonly QueryTerm[] | null;
}

export interface TicketQueryPlan {
  readonly source: TicketQuerySource;
  readonly conditions: RowConditions;
  /** Needs the clocks as of now, so it is checked when rows are read. */
  readonly risk: RiskFilter;
}

/** More index ranges than this are slower than one pass over the deadline index. */
export const MAX_INDEX_RANGES = 12;

/** The cheapest way to answer the filters with the store's indexes. Pure. */
export function planTicketQuery(filters: TicketFilters): TicketQueryPlan {
  const terms = queryTokens(filters.text);
  const subsystems = filters.subsystemIds.length > 0 ? new Set(filters.subsystemIds) : null;
  const statuses = filters.statuses.length > 0 ? new Set(filters.statuses) : null;
  const base: RowConditions = {
    subsystemIds: subsystems,
    statuses,
    severities: filters.severities.length > 0 ? new Set(filters.severities) : null,
    assignee: filters.assignee,
    receivedFrom: filters.receivedFrom === null ? null : startOfIsoDay(filters.receivedFrom),
    receivedBefore: filters.receivedTo === null ? null : endOfIsoDay(filters.receivedTo),
    terms: null,
  };

  if (terms.length > 0) {
    return { source: { kind: 'tokens', terms }, conditions: { ...base, terms }, risk: filters.risk };
  }
  const statusList = filters.statuses.length > 0 ? filters.statuses : TICKET_STATUSES;
  if (
    filters.subsystemIds.length > 0 &&
    filters.subsystemIds.length * statusList.length <= MAX_INDEX_RANGES
  ) {
    const pairs = filters.subsystemIds.flatMap((id) => statusList.map((status) => [id, status] as const));
    return {
      source: { kind: 'subsystem-status', pairs },
      conditions: { ...base, subsystemIds: null, statuses: null },
      risk: filters.risk,
    };
  }
  if (filters.statuses.length > 0) {
    return {
      source: { kind: 'status', statuses: filters.statuses },
      conditions: { ...base, statuses: null },
      risk: filters.risk,
    };
  }
  return { source: { kind: 'deadline' }, conditions: base, risk: filters.risk };
}

/** The row fields the conditions read (a TicketRow has them). */
export interface FilterableRow {
  readonly subsystemId: number;
  readonly status: TicketStatus;
  readonly severity: TicketSeverity;
  readonly assignee: string;
  readonly receivedAt: number;
  readonly tokens: readonly string[];
}

export function rowMatches(row: FilterableRow, conditions: RowConditions): boolean {
  if (conditions.subsystemIds !== null && !conditions.subsystemIds.has(row.subsystemId)) return false;
  if (conditions.statuses !== null && !conditions.statuses.has(row.status)) return false;
  if (conditions.severities !== null && !conditions.severities.has(row.severity)) return false;
  if (conditions.assignee !== null && row.assignee !== conditions.assignee) return false;
  if (conditions.receivedFrom !== null && row.receivedAt < conditions.receivedFrom) return false;
  if (conditions.receivedBefore !== null && row.receivedAt >= conditions.receivedBefore) return false;
  if (conditions.terms !== null && !matches(row.tokens, conditions.terms)) return false;
  return true;
}

/**
 * The search term to look up in the index: the one likely to match fewest tickets. An exact bigram
 * beats a prefix (one character or a word's start), a longer prefix beats a shorter one. The caller
 * may refine the choice with index counts.
 */
export function termsBySelectivity(terms: readonly QueryTerm[]): QueryTerm[] {
  return [...terms].sort((a, b) => Number(a.prefix) - Number(b.prefix) || b.token.length - a.token.length);
}

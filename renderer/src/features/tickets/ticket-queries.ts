import type { Ticket, TicketStatus } from '@core/records';
import type { QueryTerm } from '@core/search';
import {
  distinctIndexKeys,
  hasRows,
  readSearchBacklog,
  searchTermTicketIds,
  type TicketRow,
  type YunweiDatabase,
} from '../../store';
import { scanIndex, type ScanPosition } from './index-scan';
import type { ClockRules } from './ticket-clocks';
import { rowMatches, termsBySelectivity, type TicketQueryPlan } from './ticket-query-plan';
import { rowAtRisk } from './ticket-risk';

/** Where a list page ends: rows are ordered by deadline, then id. */
export interface TicketCursor {
  readonly deadlineAt: number;
  readonly id: string;
}

export interface TicketPage {
  readonly rows: readonly TicketRow[];
  /** Where the next page starts; null when the list is complete. */
  readonly next: TicketCursor | null;
}

export interface TicketPageOptions {
  readonly pageSize: number;
  readonly now: number;
  readonly rules: ClockRules;
  /** Entries one index range may look at per page; a sparse filter then returns a short page early. */
  readonly scanBudget?: number;
  /** A search whose rarest term matches more tickets than this reads the deadline index instead. */
  readonly searchSortLimit?: number;
}

const DEFAULT_SCAN_BUDGET = 4000;
/** A search matching more tickets than this is read in deadline order instead of sorted in memory. */
const SEARCH_SORT_LIMIT = 3000;
/** How many of the most selective search terms are counted before choosing one. */
const TERMS_COUNTED = 3;

export function compareRows(a: TicketCursor, b: TicketCursor): number {
  return a.deadlineAt - b.deadlineAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One page of the list, in deadline order, resuming after `after`. */
export async function fetchTicketPage(
  db: YunweiDatabase,
  plan: TicketQueryPlan,
  after: TicketCursor | null,
  options: TicketPageOptions,
): Promise<TicketPage> {
  // A deleted ticket stays as a tombstone for sync; the list never shows it.
  const accept = (row: TicketRow): boolean =>
    !row.record.deleted &&
    rowMatches(row, plan.conditions) &&
    rowAtRisk(row, plan.risk, options.now, options.rules);
  const source = plan.source;
  switch (source.kind) {
    case 'subsystem-status':
      return mergeRanges(
        db,
        '[subsystemId+status+deadlineAt]',
        source.pairs.map(([subsystemId, status]) => (deadline: number) => [subsystemId, status, deadline]),
        after,
        accept,
        options,
      );
    case 'status':
      return mergeRanges(
        db,
        '[status+deadlineAt]',
        source.statuses.map((status: TicketStatus) => (deadline: number) => [status, deadline]),
        after,
        accept,
        options,
      );
    case 'deadline':
      return mergeRanges(db, 'deadlineAt', [(deadline: number) => deadline], after, accept, options);
    case 'tokens':
      return searchPage(db, plan, after, accept, options);
  }
}

type KeyOf = (deadline: number) => IDBValidKey;

/**
 * Reads each index range in deadline order and merges them. A range that stopped early (page full or
 * scan budget used) bounds the page: rows of other ranges past its stop might be preceded by rows it
 * has not read yet, so they wait for the next page.
 */
async function mergeRanges(
  db: YunweiDatabase,
  indexName: string,
  keys: readonly KeyOf[],
  after: TicketCursor | null,
  accept: (row: TicketRow) => boolean,
  options: TicketPageOptions,
): Promise<TicketPage> {
  const index = db.backendDB().transaction('tickets', 'readonly').objectStore('tickets').index(indexName);
  const results = await Promise.all(
    keys.map((keyOf) =>
      scanIndex<TicketRow>({
        index,
        range: IDBKeyRange.bound(keyOf(-Infinity), keyOf(Infinity)),
        after: after === null ? null : { key: keyOf(after.deadlineAt), primaryKey: after.id },
        limit: options.pageSize,
        budget: options.scanBudget ?? DEFAULT_SCAN_BUDGET,
        accept,
      }),
    ),
  );
  let bound: TicketCursor | null = null;
  for (const result of results) {
    if (result.stoppedAt === null) continue;
    const stop = cursorOf(result.stoppedAt, indexName);
    if (bound === null || compareRows(stop, bound) < 0) bound = stop;
  }
  const merged = results
    .flatMap((result) => result.rows)
    .filter((row) => bound === null || compareRows(row, bound) <= 0)
    .sort(compareRows);
  const rows = merged.slice(0, options.pageSize);
  const last = rows[rows.length - 1];
  if (rows.length === options.pageSize && last !== undefined) return { rows, next: positionOf(last) };
  return { rows, next: bound };
}

/** The (deadline, id) of an index entry: the deadline is the key's last component. */
function cursorOf(position: ScanPosition, indexName: string): TicketCursor {
  const deadline = Array.isArray(position.key) ? position.key[position.key.length - 1] : position.key;
  if (typeof deadline !== 'number' || typeof position.primaryKey !== 'string') {
    throw new TypeError(`索引 ${indexName} 的位置无效：${JSON.stringify(position)}`);
  }
  return { deadlineAt: deadline, id: position.primaryKey };
}

function positionOf(row: TicketRow): TicketCursor {
  return { deadlineAt: row.deadlineAt, id: row.id };
}

/**
 * A search. The most selective-looking terms are looked up on the `ticketSearch` tokens index, each
 * read no further than the sort limit: when one matches few tickets, those are read and sorted by
 * deadline; when all match many, the deadline index is read in order keeping the rows whose tokens
 * match (the row check tests every term), so the first page of a common two-character query comes as
 * quickly as an unfiltered list and no long id list is ever built.
 */
async function searchPage(
  db: YunweiDatabase,
  plan: TicketQueryPlan,
  after: TicketCursor | null,
  accept: (row: TicketRow) => boolean,
  options: TicketPageOptions,
): Promise<TicketPage> {
  if (plan.source.kind !== 'tokens') throw new TypeError('searchPage 只处理搜索查询');
  const limit = options.searchSortLimit ?? SEARCH_SORT_LIMIT;
  // Until the backlog walk after an initial sync is done, the index misses tickets; the rows do not.
  const indexed = (await readSearchBacklog(db)) === undefined;
  const ids = indexed ? await rarestTermIds(db, plan.source.terms, limit) : null;
  if (ids === null) {
    return mergeRanges(db, 'deadlineAt', [(deadline: number) => deadline], after, accept, options);
  }
  const rows = (await db.tickets.bulkGet(ids)).filter(
    (row): row is TicketRow => row !== undefined && accept(row),
  );
  rows.sort(compareRows);
  const start = after === null ? 0 : rows.findIndex((row) => compareRows(row, after) > 0);
  const page = start < 0 ? [] : rows.slice(start, start + options.pageSize);
  const last = page[page.length - 1];
  const more = start >= 0 && start + options.pageSize < rows.length;
  return { rows: page, next: more && last !== undefined ? positionOf(last) : null };
}

/**
 * The ids of the tickets matching the rarest of the most selective-looking terms, or null when every
 * one of them matches more than `limit` tickets. Each term's index range is read at most `limit + 1`
 * keys deep: counting a common term's whole range would cost as much as the search it is meant to save.
 */
async function rarestTermIds(
  db: YunweiDatabase,
  terms: readonly QueryTerm[],
  limit: number,
): Promise<string[] | null> {
  const counted = termsBySelectivity(terms).slice(0, TERMS_COUNTED);
  if (counted.length === 0) throw new RangeError('搜索没有可查找的词');
  const matches = await Promise.all(counted.map((term) => searchTermTicketIds(db, term, limit)));
  let fewest: string[] | null = null;
  for (const ids of matches)
    if (ids !== null && (fewest === null || ids.length < fewest.length)) fewest = ids;
  return fewest;
}

/** A ticket by id; undefined when this database has none with that id. */
export async function getTicket(db: YunweiDatabase, id: string): Promise<Ticket | undefined> {
  return (await db.tickets.get(id))?.record;
}

/** Everyone tickets have been assigned to, for the assignee filter (read from the index only). */
export async function knownAssignees(db: YunweiDatabase): Promise<string[]> {
  const keys = await distinctIndexKeys(db.tickets, 'assignee');
  return keys.filter((key): key is string => typeof key === 'string' && key !== '');
}

/** Whether the store holds any ticket at all (the empty state differs from "nothing matches"). */
export async function hasAnyTicket(db: YunweiDatabase): Promise<boolean> {
  return hasRows(db.tickets);
}

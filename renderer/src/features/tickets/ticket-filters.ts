import {
  TICKET_SEVERITIES,
  TICKET_STATUSES,
  SUBSYSTEM_ID_MAX,
  SUBSYSTEM_ID_MIN,
  type TicketSeverity,
  type TicketStatus,
} from '@core/records';

/** 已超时: a clock went past its deadline; 即将超时: a running clock used 75 % of its budget. */
export const RISK_FILTERS = ['all', 'breached', 'at_risk'] as const;
export type RiskFilter = (typeof RISK_FILTERS)[number];

export const RISK_FILTER_LABELS: Readonly<Record<RiskFilter, string>> = {
  all: '全部',
  breached: '已超时',
  at_risk: '即将超时',
};

/** The list's filters; an empty list means "any". */
export interface TicketFilters {
  readonly subsystemIds: readonly number[];
  readonly statuses: readonly TicketStatus[];
  readonly severities: readonly TicketSeverity[];
  /** null: anyone; '': nobody assigned; otherwise a user id. */
  readonly assignee: string | null;
  readonly risk: RiskFilter;
  /** Received on or after this Beijing day, "YYYY-MM-DD". */
  readonly receivedFrom: string | null;
  /** Received on or before this Beijing day, "YYYY-MM-DD". */
  readonly receivedTo: string | null;
  /** Search over title, reporter and description. */
  readonly text: string;
}

export const EMPTY_FILTERS: TicketFilters = {
  subsystemIds: [],
  statuses: [],
  severities: [],
  assignee: null,
  risk: 'all',
  receivedFrom: null,
  receivedTo: null,
  text: '',
};

export function hasActiveFilters(filters: TicketFilters): boolean {
  return filtersToSearchParams(filters).toString() !== '';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters as URL query parameters, so that a reload, the back button or a shared link keeps them.
 * Only non-default values are written.
 */
export function filtersToSearchParams(filters: TicketFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.subsystemIds.length > 0) params.set('subsystem', filters.subsystemIds.join(','));
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  if (filters.severities.length > 0) params.set('severity', filters.severities.join(','));
  if (filters.assignee !== null) params.set('assignee', filters.assignee);
  if (filters.risk !== 'all') params.set('risk', filters.risk);
  if (filters.receivedFrom !== null) params.set('from', filters.receivedFrom);
  if (filters.receivedTo !== null) params.set('to', filters.receivedTo);
  if (filters.text.trim() !== '') params.set('q', filters.text);
  return params;
}

/**
 * Reads the filters back. A value the list does not know (an edited or outdated link) is left out and
 * named in `ignored`, so the page can say which part of the link it did not apply.
 */
export function filtersFromSearchParams(params: URLSearchParams): {
  readonly filters: TicketFilters;
  readonly ignored: readonly string[];
} {
  const ignored: string[] = [];
  const list = <Value>(name: string, accept: (item: string) => Value | undefined): Value[] => {
    const raw = params.get(name);
    if (raw === null || raw === '') return [];
    const values: Value[] = [];
    for (const item of raw.split(',')) {
      const value = accept(item);
      if (value === undefined) ignored.push(`${name}=${item}`);
      else if (!values.includes(value)) values.push(value);
    }
    return values;
  };
  const day = (name: string): string | null => {
    const raw = params.get(name);
    if (raw === null || raw === '') return null;
    if (ISO_DAY.test(raw)) return raw;
    ignored.push(`${name}=${raw}`);
    return null;
  };
  const risk = (): RiskFilter => {
    const raw = params.get('risk');
    if (raw === null) return 'all';
    const known = RISK_FILTERS.find((candidate) => candidate === raw);
    if (known === undefined) ignored.push(`risk=${raw}`);
    return known ?? 'all';
  };

  const filters: TicketFilters = {
    subsystemIds: list('subsystem', (item) => {
      const id = Number(item);
      return Number.isInteger(id) && id >= SUBSYSTEM_ID_MIN && id <= SUBSYSTEM_ID_MAX ? id : undefined;
    }),
    statuses: list('status', (item) => TICKET_STATUSES.find((status) => status === item)),
    severities: list('severity', (item) => TICKET_SEVERITIES.find((severity) => severity === item)),
    assignee: params.get('assignee'),
    receivedFrom: day('from'),
    receivedTo: day('to'),
    risk: risk(),
    text: params.get('q') ?? '',
  };
  return { filters, ignored };
}

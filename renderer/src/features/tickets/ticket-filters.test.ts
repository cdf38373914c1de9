import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filtersFromSearchParams,
  filtersToSearchParams,
  hasActiveFilters,
  type TicketFilters,
} from './ticket-filters';

describe('ticket filters in the URL', () => {
  it('writes nothing for the defaults', () => {
    expect(filtersToSearchParams(EMPTY_FILTERS).toString()).toBe('');
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, text: '   ' })).toBe(false);
  });

  it('round-trips every filter', () => {
    const filters: TicketFilters = {
      subsystemIds: [5, 8],
      statuses: ['new', 'waiting'],
      severities: ['emergency'],
      assignee: '',
      risk: 'at_risk',
      receivedFrom: '2026-03-01',
      receivedTo: '2026-03-31',
      text: '首页 打不开',
    };
    const params = filtersToSearchParams(filters);
    expect(hasActiveFilters(filters)).toBe(true);
    expect(filtersFromSearchParams(new URLSearchParams(params.toString()))).toEqual({ filters, ignored: [] });
  });

  it('leaves out and names what an edited link got wrong', () => {
    const { filters, ignored } = filtersFromSearchParams(
      new URLSearchParams('subsystem=5,99,x&status=new,open&severity=huge&risk=soon&from=2026-3-1&q=网站'),
    );
    expect(filters).toEqual({ ...EMPTY_FILTERS, subsystemIds: [5], statuses: ['new'], text: '网站' });
    expect(ignored).toEqual([
      'subsystem=99',
      'subsystem=x',
      'status=open',
      'severity=huge',
      'from=2026-3-1',
      'risk=soon',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { menuKeyOf } from './app-menu';

describe('menuKeyOf', () => {
  it('selects the menu item a page belongs to', () => {
    expect(menuKeyOf('/')).toBe('/');
    expect(menuKeyOf('/tickets')).toBe('/tickets');
    expect(menuKeyOf('/tickets/new')).toBe('/tickets/new');
    expect(menuKeyOf('/tickets/3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f')).toBe('/tickets');
    expect(menuKeyOf('/inspections/run/abc')).toBe('/inspections');
    expect(menuKeyOf('/inspections/templates')).toBe('/inspections/templates');
    expect(menuKeyOf('/sync')).toBe('/sync');
    expect(menuKeyOf('/ticketsx')).toBeNull();
    expect(menuKeyOf('/nope')).toBeNull();
  });
});

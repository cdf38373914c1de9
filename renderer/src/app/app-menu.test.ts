import { describe, expect, it } from 'vitest';
import { menuItems, menuKeyOf } from './app-menu';

describe('menuKeyOf', () => {
  it('selects the menu item a page belongs to', () => {
    expect(menuKeyOf('/')).toBe('/');
    expect(menuKeyOf('/tickets')).toBe('/tickets');
    expect(menuKeyOf('/tickets/new')).toBe('/tickets/new');
    expect(menuKeyOf('/tickets/3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f')).toBe('/tickets');
    expect(menuKeyOf('/inspections/run/abc')).toBe('/inspections');
    expect(menuKeyOf('/inspections/templates')).toBe('/inspections/templates');
    expect(menuKeyOf('/sync')).toBe('/sync');
    expect(menuKeyOf('/subsystems')).toBe('/subsystems');
    expect(menuKeyOf('/ticketsx')).toBeNull();
    expect(menuKeyOf('/nope')).toBeNull();
  });
});

describe('menuItems', () => {
  const keys = (canLogTickets: boolean) =>
    menuItems({ canLogTickets }).flatMap((group) =>
      group !== null && 'children' in group ? (group.children ?? []).map((item) => item?.key) : [],
    );

  it('opens on 我的工作 and keeps the contract table a menu item of its own', () => {
    expect(keys(true)[0]).toBe('/');
    expect(keys(true)).toContain('/subsystems');
  });

  it('offers 登记工单 only to a user who may log tickets', () => {
    expect(keys(true)).toContain('/tickets/new');
    expect(keys(false)).not.toContain('/tickets/new');
  });
});

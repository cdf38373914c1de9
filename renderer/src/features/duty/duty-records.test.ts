import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { newAssignment, periodValuesOf, sensitivePeriodFromForm } from './duty-records';

const at = parseInstant('2026-09-01 09:00');

describe('sensitivePeriodFromForm', () => {
  it('makes a period for the subsystems chosen, trimmed', () => {
    const result = sensitivePeriodFromForm(
      null,
      { name: ' 国庆安保 ', from: '2026-09-28', to: '2026-09-30', subsystemIds: [5], note: '' },
      'fuzeren',
      at,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.period).toMatchObject({
      name: '国庆安保',
      from: '2026-09-28',
      to: '2026-09-30',
      subsystemIds: [5],
    });
    const edited = sensitivePeriodFromForm(
      result.period,
      { ...periodValuesOf(result.period), subsystemIds: null },
      'fuzeren',
      at + 1,
    );
    expect(edited.ok && edited.period).toMatchObject({
      id: result.period.id,
      subsystemIds: null,
      updatedAt: at + 1,
    });
  });

  it('refuses in words, never naming a field: no dates, no name, an end before the start, no subsystem', () => {
    const base = { name: '两会', from: '2026-03-04', to: '2026-03-11', subsystemIds: null, note: '' };
    expect(sensitivePeriodFromForm(null, { ...base, from: null }, 'fuzeren', at)).toEqual({
      ok: false,
      reason: '请选择重要时期的开始和结束日期',
    });
    expect(sensitivePeriodFromForm(null, { ...base, name: '  ' }, 'fuzeren', at)).toEqual({
      ok: false,
      reason: '请填写时期名称',
    });
    expect(sensitivePeriodFromForm(null, { ...base, to: '2026-03-01' }, 'fuzeren', at)).toEqual({
      ok: false,
      reason: '结束日期不能早于开始日期',
    });
    expect(sensitivePeriodFromForm(null, { ...base, subsystemIds: [] }, 'fuzeren', at)).toEqual({
      ok: false,
      reason: '请至少选择一个运维子项，或选择全部',
    });
  });
});

describe('newAssignment', () => {
  it('assigns a typed login name, and refuses one too long with the day and the name', () => {
    const result = newAssignment('2026-10-01', 5, ' lisi ', 'fuzeren', at);
    expect(result.ok && result.assignment).toMatchObject({
      date: '2026-10-01',
      subsystemId: 5,
      person: 'lisi',
    });
    const long = newAssignment('2026-10-01', null, 'x'.repeat(70), 'fuzeren', at);
    expect(long.ok).toBe(false);
    expect(!long.ok && long.reason).toContain('2026-10-01 的值班人员');
    expect(!long.ok && long.reason).toContain('不能超过 64 个字符');
  });
});

import { onSiteDaySchema } from '@core/records/kinds';
import { describe, expect, it } from 'vitest';
import { onSiteDayFromForm, type OnSiteFormValues } from './onsite-form';

const at = Date.UTC(2026, 11, 7, 10);
const base = { before: null, actor: 'chen', at, days: [], id: '00000000-0000-4000-8000-000000000001' };
const values: OnSiteFormValues = {
  date: '2026-12-05',
  subsystemId: 8,
  presence: 'remote',
  hours: 4.5,
  summary: ' 远程处理对账问题 ',
};

describe('onSiteDayFromForm', () => {
  it('records the day for the engineer recording it', () => {
    expect(onSiteDayFromForm(values, base)).toMatchObject({
      ok: true,
      day: { engineer: 'chen', subsystemId: 8, presence: 'remote', hours: 4.5, summary: '远程处理对账问题' },
    });
  });

  it('makes leave 0 hours whatever the hours field held', () => {
    expect(onSiteDayFromForm({ ...values, presence: 'leave', hours: 8 }, base)).toMatchObject({
      ok: true,
      day: { presence: 'leave', hours: 0 },
    });
  });

  it('says which field is wrong, in words', () => {
    expect(onSiteDayFromForm({ ...values, hours: 3.2 }, base)).toEqual({
      ok: false,
      errors: [{ name: 'hours', message: '工作时长：工作时长按半小时填写' }],
    });
    expect(onSiteDayFromForm({ ...values, subsystemId: undefined }, base)).toEqual({
      ok: false,
      errors: [{ name: 'subsystemId', message: '运维子项：请选择运维子项' }],
    });
    expect(onSiteDayFromForm({ ...values, hours: null }, base)).toEqual({
      ok: false,
      errors: [{ name: 'hours', message: '工作时长：请填写工作时长' }],
    });
  });

  it('refuses a second record of the same day and subsystem, and lets the day itself be edited', () => {
    const first = onSiteDayFromForm(values, base);
    if (!first.ok) throw new Error('the first day is valid');
    const again = onSiteDayFromForm(values, { ...base, id: undefined, days: [first.day] });
    expect(again).toEqual({
      ok: false,
      errors: [{ name: 'date', message: '日期：2026-12-05 这个运维子项已经登记过，请修改那一天的记录' }],
    });
    const edited = onSiteDayFromForm(
      { ...values, hours: 6 },
      { ...base, before: first.day, days: [first.day] },
    );
    expect(edited.ok && onSiteDaySchema.parse(edited.day).hours).toBe(6);
  });
});

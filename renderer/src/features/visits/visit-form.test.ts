import { loadDefaultProfile } from '@core/profile';
import { describe, expect, it } from 'vitest';
import {
  emptyVisitForm,
  satisfactionRows,
  visitFormValues,
  visitFromForm,
  type VisitFormValues,
} from './visit-form';

const documentSystem = loadDefaultProfile().documentSystem;
const at = Date.UTC(2026, 11, 7, 2);
const context = {
  before: null,
  actor: 'qianqi',
  at,
  documentSystem,
  id: '00000000-0000-4000-8000-000000000001',
};

function form(overrides: Partial<VisitFormValues> = {}): VisitFormValues {
  return {
    date: '2026-12-07',
    unitIds: [1, 2],
    peopleMet: [{ name: '刘主任', unitId: 2, title: '办公室主任' }],
    ticketIds: [],
    suggestions: '  希望公文系统加快附件上传  ',
    satisfaction: [
      { unitId: 1, level: 'satisfied', comment: '' },
      { unitId: 2, level: undefined, comment: '' },
    ],
    ...overrides,
  };
}

describe('visitFromForm', () => {
  it('records the visit by the one recording it, leaving unrated units out of the ratings', () => {
    const result = visitFromForm(form(), [], context);
    expect(result).toMatchObject({
      ok: true,
      visit: {
        visitor: 'qianqi',
        createdBy: 'qianqi',
        unitIds: [1, 2],
        suggestions: '希望公文系统加快附件上传',
        satisfaction: [{ unitId: 1, level: 'satisfied', comment: '' }],
      },
    });
  });

  it('keeps the visitor and creation stamp of an edited visit', () => {
    const first = visitFromForm(form(), [], context);
    if (!first.ok) throw new Error('the first save is valid');
    const edited = visitFromForm(visitFormValues(first.visit), [], {
      ...context,
      before: first.visit,
      actor: 'lead',
      at: at + 60_000,
    });
    expect(edited).toMatchObject({
      ok: true,
      visit: {
        id: first.visit.id,
        visitor: 'qianqi',
        createdBy: 'qianqi',
        createdAt: at,
        updatedAt: at + 60_000,
      },
    });
  });

  it('says where each problem is, in words: no unit, a nameless person, a bad date', () => {
    const result = visitFromForm(
      form({
        date: '2026-02-30',
        unitIds: [],
        peopleMet: [{ name: ' ', unitId: 2, title: '' }],
        satisfaction: [],
      }),
      [],
      context,
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual({ name: ['unitIds'], message: '走访单位：请至少选择一个走访单位' });
    expect(errors).toContainEqual({
      name: ['peopleMet', 0, 'name'],
      message: '接待人员第 1 行：请填写接待人员姓名',
    });
    expect(errors.find((error) => error.name[0] === 'date')?.message).toMatch(/^回访日期：/);
    expect(errors.every((error) => !/unitIds|peopleMet|satisfaction/.test(error.message))).toBe(true);
  });

  it('refuses a person of a unit not visited, on that person’s row', () => {
    const result = visitFromForm(
      form({ peopleMet: [{ name: '王科长', unitId: 5, title: '' }] }),
      [],
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { name: ['peopleMet', 0, 'unitId'], message: '接待人员第 1 行：接待人员应属于本次走访的单位' },
      ],
    });
  });

  it('refuses a unit the document system does not serve', () => {
    const result = visitFromForm(form({ unitIds: [1, 11], peopleMet: [], satisfaction: [] }), [], context);
    expect(result).toEqual({
      ok: false,
      errors: [{ name: ['unitIds'], message: '有 1 个走访单位不在合同的公文系统单位名单中' }],
    });
  });
});

describe('the form’s rating rows', () => {
  it('follow the picked units and keep what was filled in for a unit still picked', () => {
    const rows = satisfactionRows(
      [2, 3],
      [
        { unitId: 1, level: 'dissatisfied', comment: '慢' },
        { unitId: 2, level: 'basically_satisfied', comment: '还行' },
      ],
    );
    expect(rows).toEqual([
      { unitId: 2, level: 'basically_satisfied', comment: '还行' },
      { unitId: 3, level: undefined, comment: '' },
    ]);
  });

  it('start a new visit on the only unit a manager covers', () => {
    expect(emptyVisitForm('2026-12-07', [4]).unitIds).toEqual([4]);
    expect(emptyVisitForm('2026-12-07', [4, 5]).unitIds).toEqual([]);
  });
});

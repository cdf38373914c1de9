import { newTemplate, type InspectionTemplate } from '@core/records';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  changeItemKind,
  draftChanged,
  draftOf,
  itemProblems,
  moveItem,
  nextItemId,
  removeItem,
  replaceItem,
  saveDraft,
  type ItemInput,
} from './template-draft';

const made = newTemplate(
  {
    templateId: 's8-monthly',
    subsystemId: 8,
    name: '基金监管系统月度巡检',
    schedule: { kind: 'monthly' },
    items: [
      { id: 'cpu', label: 'CPU 使用率', kind: 'number', unit: '%', required: true },
      { id: 'security-log', label: '安全日志已检查', kind: 'pass-fail', required: true },
    ],
  },
  { actor: 'admin', at: 1_000 },
);
if (!made.ok) throw new Error(made.reason);
const template: InspectionTemplate = made.template;

describe('editing items', () => {
  it('adds items with fresh ids and the usual shape of their kind', () => {
    const items = addItem(addItem(template.items, 'choice'), 'number');
    expect(items.slice(2)).toEqual([
      {
        id: 'item-1',
        label: '',
        required: true,
        kind: 'choice',
        options: ['正常', '异常'],
        abnormalOptions: ['异常'],
      },
      { id: 'item-2', label: '', required: true, kind: 'number', unit: '' },
    ]);
    expect(nextItemId(removeItem(items, 2))).toBe('item-1');
  });

  it('reorders within bounds and ignores moves past either end', () => {
    const ids = (items: readonly ItemInput[]) => items.map((item) => item.id);
    const items = addItem(template.items, 'text');
    expect(ids(moveItem(items, 2, -1))).toEqual(['cpu', 'item-1', 'security-log']);
    expect(ids(moveItem(items, 0, 1))).toEqual(['security-log', 'cpu', 'item-1']);
    expect(ids(moveItem(items, 0, -1))).toEqual(['cpu', 'security-log', 'item-1']);
    expect(ids(moveItem(items, 2, 1))).toEqual(['cpu', 'security-log', 'item-1']);
  });

  it('keeps id, label and required when the kind changes', () => {
    const cpu = template.items[0] as ItemInput;
    expect(changeItemKind(cpu, 'pass-fail')).toEqual({
      id: 'cpu',
      label: 'CPU 使用率',
      required: true,
      kind: 'pass-fail',
    });
    expect(changeItemKind(changeItemKind(cpu, 'text'), 'number')).toMatchObject({ kind: 'number', unit: '' });
    expect(changeItemKind(cpu, 'number')).toMatchObject({ unit: '%' });
  });

  it('drops cleared thresholds and abnormal options that are no longer offered', () => {
    const cpu = template.items[0];
    if (cpu?.kind !== 'number') throw new Error('the fixture’s first item is the CPU number');
    const withBounds = replaceItem(template.items, 0, { ...cpu, min: undefined, max: 80 });
    expect(withBounds[0]).toEqual({
      id: 'cpu',
      label: 'CPU 使用率',
      kind: 'number',
      unit: '%',
      required: true,
      max: 80,
    });
    expect('min' in (withBounds[0] as object)).toBe(false);
    const choice: ItemInput = {
      id: 'c',
      label: '状态',
      kind: 'choice',
      required: true,
      options: ['好', '坏'],
      abnormalOptions: ['坏'],
    };
    expect(replaceItem([choice], 0, { ...choice, options: ['好', '一般'] })[0]).toMatchObject({
      abnormalOptions: [],
    });
  });
});

describe('itemProblems', () => {
  it('says what is wrong with each item by field, and spots a repeated id', () => {
    const items: ItemInput[] = [
      { id: 'a', label: '', kind: 'pass-fail', required: true },
      { id: 'b', label: '温度', kind: 'number', unit: '℃', min: 30, max: 10, required: true },
      { id: 'a', label: '选项', kind: 'choice', options: ['只有一个'], required: true },
      { id: 'ok', label: '正常的项', kind: 'text', required: false },
    ];
    expect(itemProblems(items)).toEqual([
      '名称：请填写检查项名称',
      '下限：下限不能大于上限',
      '选项：选项至少要有 2 个；编号与第 1 项重复',
      '',
    ]);
  });
});

describe('saving a draft', () => {
  it('notices whether anything changed', () => {
    expect(draftChanged(template, draftOf(template))).toBe(false);
    expect(draftChanged(template, { ...draftOf(template), name: '月度巡检（新）' })).toBe(true);
  });

  it('makes the next version with the edited items, leaving the saved version as it was', () => {
    const items = replaceItem(addItem(template.items, 'photo'), 2, {
      id: 'item-1',
      label: '机房照片',
      kind: 'photo',
      required: false,
    });
    const saved = saveDraft(template, { ...draftOf(template), items }, 1, { actor: 'admin', at: 2_000 });
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.template).toMatchObject({ templateId: 's8-monthly', version: 2, createdAt: 2_000 });
    expect(saved.template.id).not.toBe(template.id);
    expect(saved.template.items.map((item) => item.id)).toEqual(['cpu', 'security-log', 'item-1']);
    expect(template.items).toHaveLength(2);
  });

  it('never reuses the number of an undone (deleted) version', () => {
    const saved = saveDraft(template, { ...draftOf(template), name: '月度巡检' }, 3, {
      actor: 'admin',
      at: 2_000,
    });
    if (!saved.ok) throw new Error(saved.reason);
    expect(saved.template.version).toBe(4);
    expect(() => saveDraft(template, draftOf(template), 0, { actor: 'admin', at: 2_000 })).toThrow(
      RangeError,
    );
  });

  it('refuses a draft with a broken item, saying where', () => {
    const items = addItem(template.items, 'pass-fail');
    const saved = saveDraft(template, { ...draftOf(template), items }, 1, { actor: 'admin', at: 2_000 });
    expect(saved).toEqual({ ok: false, reason: expect.stringContaining('items.2.label: 请填写检查项名称') });
  });
});

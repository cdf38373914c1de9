import {
  inspectionItemSchema,
  reviseTemplate,
  safeParseInChinese,
  type InspectionItemKind,
  type InspectionSchedule,
  type InspectionTemplate,
  type TemplateResult,
  type TemplateSaveContext,
  valuesEqual,
} from '@core/records';
import type { z } from 'zod';

/** An item as the editor holds it: possibly incomplete until saved. */
export type ItemInput = z.input<typeof inspectionItemSchema>;

/** What the template editor changes; saving it makes the next version. */
export interface TemplateDraft {
  readonly name: string;
  readonly schedule: InspectionSchedule | null;
  readonly items: readonly ItemInput[];
}

export function draftOf(template: InspectionTemplate): TemplateDraft {
  return { name: template.name, schedule: template.schedule, items: template.items };
}

export function draftChanged(template: InspectionTemplate, draft: TemplateDraft): boolean {
  return !valuesEqual(draftOf(template), draft);
}

/**
 * The next version from the draft. Existing items keep their ids, so results of different versions
 * stay comparable; new items got fresh ones from `nextItemId`. The number follows the highest version
 * ever saved (`highestVersion`), an undone (deleted) one included: a version number is never reused,
 * since runs and history name versions by it.
 */
export function saveDraft(
  template: InspectionTemplate,
  draft: TemplateDraft,
  highestVersion: number,
  context: TemplateSaveContext,
): TemplateResult {
  if (highestVersion < template.version) {
    throw new RangeError(`最高版本号 ${highestVersion} 小于现行版本 ${template.version}`);
  }
  // reviseTemplate numbers the new record after the one it is given.
  return reviseTemplate(
    { ...template, version: highestVersion },
    { name: draft.name, schedule: draft.schedule, items: draft.items },
    context,
  );
}

/** `item-1`, `item-2`, …: the smallest not yet used by the template. */
export function nextItemId(items: readonly ItemInput[]): string {
  const used = new Set(items.map((item) => item.id));
  let number = 1;
  while (used.has(`item-${number}`)) number += 1;
  return `item-${number}`;
}

export function addItem(items: readonly ItemInput[], kind: InspectionItemKind): ItemInput[] {
  const blank: ItemInput = { id: nextItemId(items), label: '', required: true, kind: 'pass-fail' };
  return [...items, changeItemKind(blank, kind)];
}

export function removeItem(items: readonly ItemInput[], index: number): ItemInput[] {
  return items.filter((_, position) => position !== index);
}

/** Moves an item up (offset -1) or down (+1); a move past either end leaves the list as it is. */
export function moveItem(items: readonly ItemInput[], index: number, offset: number): ItemInput[] {
  const target = index + offset;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  const [item] = moved.splice(index, 1) as [ItemInput];
  moved.splice(target, 0, item);
  return moved;
}

export function replaceItem(items: readonly ItemInput[], index: number, item: ItemInput): ItemInput[] {
  return items.map((current, position) => (position === index ? normalizeItem(item) : current));
}

/**
 * The same item as another kind: id, label and “required” stay; the new kind starts from its usual
 * shape (a number gets a unit to fill in, a choice starts as 正常/异常 with 异常 failing the item).
 */
export function changeItemKind(item: ItemInput, kind: InspectionItemKind): ItemInput {
  const base = { id: item.id, label: item.label, required: item.required };
  switch (kind) {
    case 'number':
      return { ...base, kind, unit: item.kind === 'number' ? item.unit : '' };
    case 'choice':
      return item.kind === 'choice'
        ? { ...base, kind, options: item.options, abnormalOptions: item.abnormalOptions ?? [] }
        : { ...base, kind, options: ['正常', '异常'], abnormalOptions: ['异常'] };
    case 'pass-fail':
    case 'text':
    case 'photo':
      return { ...base, kind };
  }
}

/** Drops cleared bounds and abnormal options that are no longer options, so the record stays clean. */
function normalizeItem(item: ItemInput): ItemInput {
  if (item.kind === 'number') {
    const { min, max, ...rest } = item;
    return {
      ...rest,
      ...(typeof min === 'number' ? { min } : {}),
      ...(typeof max === 'number' ? { max } : {}),
    };
  }
  if (item.kind === 'choice') {
    return {
      ...item,
      abnormalOptions: (item.abnormalOptions ?? []).filter((option) => item.options.includes(option)),
    };
  }
  return item;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  label: '名称',
  kind: '类型',
  required: '必填',
  unit: '单位',
  min: '下限',
  max: '上限',
  options: '选项',
  abnormalOptions: '异常选项',
};

/** What is wrong with each item, in Chinese and by field (“名称：请填写检查项名称”); '' when it is fine. */
export function itemProblems(items: readonly ItemInput[]): string[] {
  const firstIndexOfId = new Map<string, number>();
  return items.map((item, index) => {
    const problems: string[] = [];
    const parsed = safeParseInChinese(inspectionItemSchema, item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = typeof issue.path[0] === 'string' ? FIELD_LABELS[issue.path[0]] : undefined;
        problems.push(field === undefined ? issue.message : `${field}：${issue.message}`);
      }
    }
    const first = firstIndexOfId.get(item.id);
    if (first === undefined) firstIndexOfId.set(item.id, index);
    else problems.push(`编号与第 ${first + 1} 项重复`);
    return problems.join('；');
  });
}

import type { JsonValue } from '../sync/json-value';

/** Helpers of the record-kind descriptors: naming a record and reading blob hashes out of a value. */

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** e.g. `2026-10-01 张三`, for a record named by its day and person. */
export function joined(...values: readonly unknown[]): string | undefined {
  const texts = values.filter((value): value is string => typeof value === 'string');
  return texts.length === values.length ? texts.join(' ') : undefined;
}

export function property(item: JsonValue, key: string): JsonValue | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  return item[key];
}

/** The envelope's fields (record-envelope.ts) in the user's words, for every descriptor's `fieldLabels`. */
export const ENVELOPE_FIELD_LABELS = {
  deleted: '删除',
  id: '编号',
  createdBy: '登记人',
  createdAt: '登记时间',
  updatedAt: '更新时间',
} as const;

/** One changed top-level field: the unit of history rows and of sync's field-level merge. */
export interface FieldChange {
  readonly field: string;
  /** `undefined` where the field did not exist before (a new record). */
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

/**
 * The top-level fields whose values differ, sorted by field name so that the same edit always yields
 * the same rows. Nested objects and arrays are compared by value; a property holding `undefined` counts
 * as absent (IndexedDB and JSON disagree on keeping it). `before` undefined means a new record: every
 * field of `after` is a change. `ignore` names fields that never make history (e.g. `updatedAt`).
 */
export function diffFields(
  before: object | undefined,
  after: object,
  options: { readonly ignore?: readonly string[] } = {},
): FieldChange[] {
  const ignore = new Set(options.ignore ?? []);
  const old = (before ?? {}) as Readonly<Record<string, unknown>>;
  const next = after as Readonly<Record<string, unknown>>;
  const fields = new Set([...Object.keys(old), ...Object.keys(next)]);
  return [...fields]
    .filter((field) => !ignore.has(field) && !valuesEqual(old[field], next[field]))
    .sort()
    .map((field) => ({ field, oldValue: old[field], newValue: next[field] }));
}

/** Structural equality of JSON-like values (primitives, arrays, plain objects). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => valuesEqual(item, b[index]));
  }
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!valuesEqual(left[key], right[key])) return false;
  }
  return true;
}

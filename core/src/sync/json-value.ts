/** A value that survives JSON unchanged: what field writes carry and what the server stores (jsonb). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * JSON with object keys sorted at every level, so equal values give equal text whatever the key
 * order they were built or stored with (PostgreSQL's jsonb reorders keys). Used as the last
 * tie-break of the merge, which must not depend on how a value happened to be spelled.
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * How column values become JS values, shared by both drivers so a query returns the same thing on
 * PGlite and on PostgreSQL. The drivers disagree by default: PGlite turns int8 into a (possibly
 * rounded) number and node-postgres turns `date` into a Date at the host's local midnight, which
 * shifts the day on any machine not running at UTC. These types therefore come back as the exact
 * text PostgreSQL sends:
 * - int8: lossless, JSON-safe; cast to int in SQL where a JS number is wanted (`count(*)::int`).
 * - date: 'YYYY-MM-DD', a calendar day with no time zone to get wrong.
 * - timestamp without time zone: never reinterpreted in the host's zone (store timestamptz instead).
 * Arrays of these types follow the element type. Everything else uses the drivers' shared defaults
 * (timestamptz → Date, json/jsonb → parsed value, numeric → string, int4 → number).
 */
export const PG_TYPE = {
  int8: 20,
  date: 1082,
  timestamp: 1114,
  int8Array: 1016,
  dateArray: 1182,
  timestampArray: 1115,
  textArray: 1009,
} as const;

export const RAW_TEXT_TYPES: ReadonlySet<number> = new Set([PG_TYPE.int8, PG_TYPE.date, PG_TYPE.timestamp]);

export const RAW_TEXT_ARRAY_TYPES: ReadonlySet<number> = new Set([
  PG_TYPE.int8Array,
  PG_TYPE.dateArray,
  PG_TYPE.timestampArray,
]);

export function rawText(value: string): string {
  return value;
}

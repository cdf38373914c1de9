import { RECORD_KINDS, RECORD_TYPES, type RecordType } from '@core/records';
import type { z } from 'zod';

interface RecordSchema {
  /** The whole record, cross-field rules included. */
  readonly record: z.ZodType;
  /**
   * Each top-level field on its own, to check every write, losers included. A Map, because a field
   * name comes from the client: an object would answer `constructor` or `__proto__` with what it
   * inherits.
   */
  readonly fields: ReadonlyMap<string, z.ZodType>;
  readonly label: string;
}

/** The core schema of each record type the server stores, from its registration (core records/record-kinds.ts). */
export const RECORD_SCHEMAS = Object.fromEntries(
  RECORD_TYPES.map((recordType) => {
    const kind = RECORD_KINDS[recordType];
    const schema: RecordSchema = {
      record: kind.schema,
      fields: new Map(Object.entries(kind.schema.shape)),
      label: kind.label,
    };
    return [recordType, schema];
  }),
) as Readonly<Record<RecordType, RecordSchema>>;

import {
  RECORD_TYPE_LABELS,
  type RecordType,
  inspectionRunSchema,
  inspectionTemplateSchema,
  ticketSchema,
} from '@core/records';
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

/** The core schema of each record type the server stores. */
export const RECORD_SCHEMAS: Readonly<Record<RecordType, RecordSchema>> = {
  ticket: { record: ticketSchema, fields: fieldsOf(ticketSchema.shape), label: RECORD_TYPE_LABELS.ticket },
  inspection_template: {
    record: inspectionTemplateSchema,
    fields: fieldsOf(inspectionTemplateSchema.shape),
    label: RECORD_TYPE_LABELS.inspection_template,
  },
  inspection_run: {
    record: inspectionRunSchema,
    fields: fieldsOf(inspectionRunSchema.shape),
    label: RECORD_TYPE_LABELS.inspection_run,
  },
};

function fieldsOf(shape: Readonly<Record<string, z.ZodType>>): ReadonlyMap<string, z.ZodType> {
  return new Map(Object.entries(shape));
}

import {
  inspectionRunSchema,
  inspectionTemplateSchema,
  ticketSchema,
  type InspectionRun,
  type InspectionTemplate,
  type RecordType,
  type Ticket,
} from '@core/records';
import type { z } from 'zod';

/** The records the store persists, by the names the renderer uses. */
export interface StoredRecords {
  ticket: Ticket;
  inspectionTemplate: InspectionTemplate;
  inspectionRun: InspectionRun;
}
export type StoreRecordType = keyof StoredRecords;

interface RecordKind {
  /** The type name history rows and outbox ops carry (core RECORD_TYPES, shared with the server). */
  readonly coreType: RecordType;
  readonly schema: z.ZodType;
  /** For messages: 工单, 巡检模板, 巡检记录. */
  readonly label: string;
}

export const RECORD_KINDS: Readonly<Record<StoreRecordType, RecordKind>> = {
  ticket: { coreType: 'ticket', schema: ticketSchema, label: '工单' },
  inspectionTemplate: {
    coreType: 'inspection_template',
    schema: inspectionTemplateSchema,
    label: '巡检模板',
  },
  inspectionRun: { coreType: 'inspection_run', schema: inspectionRunSchema, label: '巡检记录' },
};

/** Query keys the UI caches records under; a save of that type invalidates them. */
export const RECORD_QUERY_KEYS: Readonly<Record<StoreRecordType, string>> = {
  ticket: 'tickets',
  inspectionTemplate: 'inspectionTemplates',
  inspectionRun: 'inspectionRuns',
};

/** The store's name of each core record type (pulled records and outbox ops carry the core name). */
export const STORE_TYPE_OF: Readonly<Record<RecordType, StoreRecordType>> = {
  ticket: 'ticket',
  inspection_template: 'inspectionTemplate',
  inspection_run: 'inspectionRun',
};

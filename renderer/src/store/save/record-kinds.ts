import {
  RECORD_KINDS as CORE_RECORD_KINDS,
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

function kindOf(coreType: RecordType): RecordKind {
  const { schema, label } = CORE_RECORD_KINDS[coreType];
  return { coreType, schema, label };
}

/** Each store type's core registration (core records/record-kinds.ts). */
export const RECORD_KINDS: Readonly<Record<StoreRecordType, RecordKind>> = {
  ticket: kindOf('ticket'),
  inspectionTemplate: kindOf('inspection_template'),
  inspectionRun: kindOf('inspection_run'),
};

/** The store's record types, for lists that must name every one (the cross-window broadcast). */
export const STORE_RECORD_TYPES = Object.keys(RECORD_KINDS) as readonly StoreRecordType[];

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

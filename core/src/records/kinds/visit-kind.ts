import { ENVELOPE_FIELD_LABELS, property, text } from '../kind-helpers';
import type { RecordKind } from '../record-kind';
import { visitSchema } from './visit';

/** The service manager's visits (回访 / 现场服务): registered in RECORD_KINDS. */
export const visitKind = {
  type: 'visit',
  schema: visitSchema,
  label: '回访记录',
  titleOf: (record) => text(record.date),
  derived: [],
  timelines: [],
  blobs: [{ field: 'photos', hashesOf: (photo) => [property(photo, 'sha256')] }],
  scope: { by: 'unit', field: 'unitIds' },
  writers: ['project_lead', 'service_manager'],
  refusals: { engineer: '回访记录由服务经理登记，驻场工程师不能修改' },
  owners: [{ field: 'visitor', who: '回访人' }],
  fieldLabels: {
    date: '回访日期',
    visitor: '回访人',
    unitIds: '走访单位',
    peopleMet: '接待人员',
    ticketIds: '回访工单',
    suggestions: '服务提升建议',
    satisfaction: '满意度',
    photos: '照片',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/visit.ts', io: 'output' },
} satisfies RecordKind;

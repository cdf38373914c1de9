import { ENVELOPE_FIELD_LABELS, joined } from '../kind-helpers';
import type { RecordKind } from '../record-kind';
import { onSiteDaySchema } from './onsite';

/** Stationed engineers' days on site (驻场记录): registered in RECORD_KINDS. */
export const onsiteDayKind = {
  type: 'onsite_day',
  schema: onSiteDaySchema,
  label: '驻场记录',
  titleOf: (record) => joined(record.date, record.engineer),
  derived: [],
  timelines: [],
  blobs: [],
  scope: { by: 'subsystem' },
  writers: ['project_lead', 'engineer'],
  refusals: {},
  owners: [{ field: 'engineer', who: '驻场工程师' }],
  fieldLabels: {
    date: '日期',
    engineer: '驻场工程师',
    presence: '出勤方式',
    hours: '工作时长',
    summary: '工作内容',
    subsystemId: '运维子项',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/onsite.ts', io: 'output' },
} satisfies RecordKind;

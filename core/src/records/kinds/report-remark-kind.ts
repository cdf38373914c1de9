import { ENVELOPE_FIELD_LABELS, text } from '../kind-helpers';
import type { RecordKind } from '../record-kind';
import { REPORT_REMARK_SECTION_LABELS, reportRemarkSchema } from './report-remark';

/** The engineer's remarks on a monthly report (月报说明): registered in RECORD_KINDS. */
export const reportRemarkKind = {
  type: 'report_remark',
  schema: reportRemarkSchema,
  label: '月报说明',
  titleOf: (record) => {
    const month = text(record.month);
    return month === undefined ? undefined : `${month} 月报说明`;
  },
  derived: [],
  timelines: [],
  blobs: [],
  scope: { by: 'subsystem' },
  writers: ['project_lead', 'engineer'],
  refusals: {},
  owners: [],
  fieldLabels: {
    month: '月份',
    problems: REPORT_REMARK_SECTION_LABELS.problems,
    plan: REPORT_REMARK_SECTION_LABELS.plan,
    author: '填写人',
    subsystemId: '运维子项',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/report-remark.ts', io: 'output' },
} satisfies RecordKind;

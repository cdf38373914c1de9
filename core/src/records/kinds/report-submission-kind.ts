import { ENVELOPE_FIELD_LABELS, text } from '../kind-helpers';
import type { RecordKind } from '../record-kind';
import { reportSubmissionSchema } from './report-submission';

/** Reports handed in (报告报送记录): registered in RECORD_KINDS. */
export const reportSubmissionKind = {
  type: 'report_submission',
  schema: reportSubmissionSchema,
  label: '报告报送记录',
  titleOf: (record) => text(record.dueDate),
  derived: [],
  timelines: [],
  blobs: [],
  // A report of a subsystem is its own; an acceptance's documents are the whole contract's, handed in
  // by the project lead.
  scope: {
    by: 'subsystem_or_contract',
    contractWide: {
      writers: ['project_lead'],
      refusal: '验收材料的报送只能由项目负责人登记和修改',
    },
  },
  writers: ['project_lead', 'engineer'],
  refusals: {},
  owners: [],
  fieldLabels: {
    obligationId: '报告',
    dueDate: '应报送日期',
    submittedAt: '报送时间',
    submittedBy: '报送人',
    note: '报送说明',
    subsystemId: '运维子项',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/report-submission.ts', io: 'output' },
} satisfies RecordKind;

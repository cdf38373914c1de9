import { ENVELOPE_FIELD_LABELS } from '../kind-helpers';
import type { RecordKind } from '../record-kind';
import { reminderReceiptSchema } from './reminder-receipt';

/** Reminder receipts (提醒记录): registered in RECORD_KINDS. */
export const reminderReceiptKind = {
  type: 'reminder_receipt',
  schema: reminderReceiptSchema,
  label: '提醒记录',
  titleOf: () => undefined,
  derived: [],
  timelines: [],
  blobs: [],
  // Contract-wide so that each of the user's PCs receives it (some thousands a year, none secret).
  scope: { by: 'contract' },
  writers: ['project_lead', 'engineer', 'service_manager'],
  refusals: {},
  owners: [{ field: 'user', who: '提醒的接收人' }],
  fieldLabels: {
    user: '接收人',
    cause: '提醒原因',
    firedAt: '提醒时间',
    snoozedUntil: '稍后提醒',
    dismissedAt: '已处理',
    ...ENVELOPE_FIELD_LABELS,
  },
  schemaDoc: { source: 'core/src/records/kinds/reminder-receipt.ts', io: 'output' },
} satisfies RecordKind;

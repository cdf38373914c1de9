import { z } from 'zod';
import { instantSchema, userIdSchema } from './record-envelope';
import { recordIdSchema } from './record-id';

/**
 * The ticket's timeline. Events are only ever appended; each has its own id so that two PCs that both
 * appended events offline can merge the timelines by id (see docs/records.md).
 */
const eventBase = {
  id: recordIdSchema,
  at: instantSchema,
  author: userIdSchema,
};

const optionalNote = z.string().trim().max(2_000, { error: '说明不能超过 2000 个字符' }).optional();
const requiredReason = z
  .string()
  .trim()
  .min(1, { error: '请填写原因' })
  .max(2_000, { error: '原因不能超过 2000 个字符' });

export const ticketEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...eventBase, kind: z.literal('created') }),
  z.strictObject({ ...eventBase, kind: z.literal('responded'), note: optionalNote }),
  z.strictObject({ ...eventBase, kind: z.literal('progress'), note: optionalNote }),
  z.strictObject({
    ...eventBase,
    kind: z.literal('waiting'),
    reason: requiredReason,
    /** The status a resume returns to: the one the ticket left. */
    resumeTo: z.enum(['responded', 'in_progress']),
  }),
  z.strictObject({ ...eventBase, kind: z.literal('resumed'), note: optionalNote }),
  z.strictObject({ ...eventBase, kind: z.literal('resolved'), note: optionalNote }),
  z.strictObject({ ...eventBase, kind: z.literal('closed'), note: optionalNote }),
  z.strictObject({ ...eventBase, kind: z.literal('reopened'), reason: requiredReason }),
  z.strictObject({
    ...eventBase,
    kind: z.literal('comment'),
    text: z
      .string()
      .trim()
      .min(1, { error: '备注内容不能为空' })
      .max(10_000, { error: '备注不能超过 10000 个字符' }),
  }),
]);
export type TicketEvent = z.infer<typeof ticketEventSchema>;
export type TicketEventKind = TicketEvent['kind'];

export const TICKET_EVENT_LABELS: Readonly<Record<TicketEventKind, string>> = {
  created: '登记',
  responded: '响应',
  progress: '开始处理',
  waiting: '等待报告人',
  resumed: '恢复处理',
  resolved: '解决',
  closed: '关闭',
  reopened: '重新打开',
  comment: '备注',
};

/** Events that change the status (and so the clocks); their times never go backwards. */
export const STATUS_EVENT_KINDS: ReadonlySet<TicketEventKind> = new Set([
  'responded',
  'progress',
  'waiting',
  'resumed',
  'resolved',
  'closed',
  'reopened',
]);

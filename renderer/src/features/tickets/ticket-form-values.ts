import {
  safeParseInChinese,
  ticketDraftSchema,
  type Attachment,
  type TicketCategory,
  type TicketChannel,
  type TicketDraft,
  type TicketSeverity,
} from '@core/records';
import type { Instant } from '@core/time/shanghai-time';
import type { EvidenceFields } from './chat-prefill';
import { formatMinute, parseMinute } from './format-time';

/** The new-ticket form as the inputs hold it: times as typed Beijing text, nobody assigned as ''. */
export interface TicketFormValues {
  readonly subsystemId: number | undefined;
  readonly channel: TicketChannel;
  readonly category: TicketCategory;
  readonly severity: TicketSeverity;
  readonly assignee: string;
  readonly title: string;
  readonly description: string;
  readonly reporter: { readonly unit: string; readonly person: string; readonly phone: string };
  readonly receivedAt: string;
  readonly evidence: EvidenceFields;
}

export type FieldPath = readonly (string | number)[];

export interface FieldError {
  /** The form field the message belongs to. */
  readonly name: FieldPath;
  readonly message: string;
}

export const EMPTY_EVIDENCE: EvidenceFields = { sender: '', group: '', sentAt: '', text: '' };

/**
 * The defaults that make a phone call a ticket in seconds: channel phone, received now, an ordinary
 * fault, assigned to whoever logs it, on the subsystem used last time.
 */
export function defaultFormValues(options: {
  readonly now: Instant;
  readonly subsystemId: number | undefined;
  readonly assignee: string;
}): TicketFormValues {
  return {
    subsystemId: options.subsystemId,
    channel: 'phone',
    category: 'fault',
    severity: 'ordinary',
    assignee: options.assignee,
    title: '',
    description: '',
    reporter: { unit: '', person: '', phone: '' },
    receivedAt: formatMinute(options.now),
    evidence: EMPTY_EVIDENCE,
  };
}

/**
 * The draft `newTicket` takes, or every problem with the field it belongs to: the messages are core's
 * zod messages (Chinese), plus the form's own for times that are not times.
 */
export function draftFromForm(
  values: TicketFormValues,
  attachments: readonly Attachment[],
  now: Instant,
):
  { readonly ok: true; readonly draft: TicketDraft } | { readonly ok: false; readonly errors: FieldError[] } {
  const errors: FieldError[] = [];
  const receivedAt = parseMinute(values.receivedAt);
  if (!receivedAt.ok) errors.push({ name: ['receivedAt'], message: receivedAt.reason });
  else if (receivedAt.instant > now) {
    errors.push({ name: ['receivedAt'], message: `接报时间不能晚于现在（${formatMinute(now)}）` });
  }
  if (values.subsystemId === undefined) errors.push({ name: ['subsystemId'], message: '请选择运维子项' });

  const evidence = values.evidence;
  const hasEvidence = evidence.sender.trim() !== '' || evidence.text.trim() !== '';
  const sentAt = hasEvidence ? parseMinute(evidence.sentAt) : undefined;
  if (sentAt !== undefined && !sentAt.ok)
    errors.push({ name: ['evidence', 'sentAt'], message: sentAt.reason });

  const draft = {
    subsystemId: values.subsystemId ?? 0,
    channel: values.channel,
    category: values.category,
    severity: values.severity,
    assignee: values.assignee.trim() === '' ? null : values.assignee.trim(),
    title: values.title,
    description: values.description,
    reporter: values.reporter,
    receivedAt: receivedAt.ok ? receivedAt.instant : now,
    chatEvidence:
      hasEvidence && sentAt !== undefined
        ? {
            sender: evidence.sender,
            group: evidence.group,
            sentAt: sentAt.ok ? sentAt.instant : now,
            text: evidence.text,
          }
        : null,
    attachments: [...attachments],
  } satisfies TicketDraft;

  const parsed = safeParseInChinese(ticketDraftSchema, draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = formPath(issue.path);
      // The form already said what is wrong with these in its own words.
      if (errors.some((error) => error.name.join('.') === name.join('.'))) continue;
      errors.push({ name, message: issue.message });
    }
  }
  if (errors.length > 0)
    return { ok: false, errors: errors.sort((a, b) => fieldOrder(a.name) - fieldOrder(b.name)) };
  return { ok: true, draft };
}

/** The form's fields in reading (and Tab) order: problems are listed, and the first focused, in it. */
const FIELD_ORDER = [
  'title',
  'description',
  'reporter',
  'subsystemId',
  'category',
  'severity',
  'channel',
  'receivedAt',
  'assignee',
  'evidence',
  'attachments',
];

function fieldOrder(name: FieldPath): number {
  const index = FIELD_ORDER.indexOf(String(name[0]));
  return index < 0 ? FIELD_ORDER.length : index;
}

/** Where a schema problem shows: the evidence fields are named differently in the form. */
function formPath(path: readonly PropertyKey[]): FieldPath {
  const parts = path.map((part) => (typeof part === 'number' ? part : String(part)));
  if (parts[0] === 'chatEvidence') return ['evidence', ...parts.slice(1)];
  if (parts[0] === 'attachments') return ['attachments'];
  return parts.length === 0 ? ['title'] : parts;
}

import type { Attachment, Ticket } from '@core/records';
import { DAY_MS, type Instant } from '@core/time/shanghai-time';
import { formatMinute } from './format-time';
import { CLOCK_KIND_ORDER, computeTicketClocks, type ClockRules } from './ticket-clocks';
import type { FieldPath } from './ticket-form-values';

/**
 * The attachments after `added` came in: one per content. A screenshot can arrive twice at once (two
 * pastes in flight, or a paste seen by two handlers); the second copy is the same evidence, so it
 * is dropped here rather than refused later by the ticket's schema.
 */
export function mergeAttachments(
  current: readonly Attachment[],
  added: readonly Attachment[],
): readonly Attachment[] {
  const seen = new Set(current.map((attachment) => attachment.sha256));
  const merged = [...current];
  for (const attachment of added) {
    if (seen.has(attachment.sha256)) continue;
    seen.add(attachment.sha256);
    merged.push(attachment);
  }
  return merged.length === current.length ? current : merged;
}

/** A received time older than this is asked about before the ticket is saved. */
export const OLD_RECEIVED_AT_DAYS = 7;

export interface ReceivedAtConcern {
  readonly title: string;
  readonly content: string;
}

/**
 * What the user must confirm before a ticket is saved with this received time: both SLA clocks start
 * there, so a time far in the past, or one that makes the ticket late the moment it is saved, is
 * said with its consequence. Null when the time raises no question.
 */
export function receivedAtConcern(ticket: Ticket, rules: ClockRules, now: Instant): ReceivedAtConcern | null {
  const received = formatMinute(ticket.receivedAt);
  const days = Math.floor((now - ticket.receivedAt) / DAY_MS);
  if (days >= OLD_RECEIVED_AT_DAYS) {
    return {
      title: `接报时间 ${received} 是 ${days} 天前`,
      content:
        '响应和解决时限都从接报时间起算：按这个时间保存，这张工单一登记就按超时计算，并计入超时统计。' +
        '如果是补登以前的报障，请确认时间无误；如果填错了，请返回修改接报时间。',
    };
  }
  const clocks = computeTicketClocks(ticket, rules, now);
  const late = CLOCK_KIND_ORDER.filter((kind) => {
    const clock = clocks[kind];
    return clock.kind === 'timed' && clock.status.breached;
  });
  if (late.length === 0) return null;
  const names = late.map((kind) => (kind === 'response' ? '响应时限' : '解决时限')).join('和');
  return {
    title: `按接报时间 ${received} 计算，这张工单保存时${names}已超时`,
    content:
      '时限从接报时间起算，超时会计入超时统计。如果接报时间不对（例如聊天消息只有时间没有日期），请返回修改。',
  };
}

/** What Esc does on the new-ticket form, by where the save is. */
export type CancelOutcome = 'leave' | 'ask' | 'ignore';

/**
 * Esc leaves an untouched form, asks before throwing away a filled one, and does nothing once a save
 * has started: the ticket is (being) stored and the page is about to show it.
 */
export function cancelOutcome(phase: 'editing' | 'saving' | 'saved', dirty: boolean): CancelOutcome {
  if (phase !== 'editing') return 'ignore';
  return dirty ? 'ask' : 'leave';
}

/**
 * The form fields a change touched, as paths: their errors from the last refused save no longer
 * hold once the user edits them.
 */
export function changedFieldPaths(changed: Readonly<Record<string, unknown>>): FieldPath[] {
  return Object.entries(changed).flatMap(([key, value]) =>
    (key === 'reporter' || key === 'evidence') && typeof value === 'object' && value !== null
      ? Object.keys(value).map((inner) => [key, inner])
      : [[key]],
  );
}

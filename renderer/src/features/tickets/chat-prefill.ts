import { dayNumberOf, type Instant } from '@core/time/shanghai-time';
import { formatMinute } from './format-time';
import type { ChatApp, ParsedChat } from './chat-parse';

/** The evidence limit of core's chatEvidence schema. */
export const MAX_EVIDENCE_TEXT = 10_000;
const TITLE_LENGTH = 40;

/** The evidence fields as the form edits them (the time as typed text, Beijing time). */
export interface EvidenceFields {
  readonly sender: string;
  readonly group: string;
  readonly sentAt: string;
  readonly text: string;
}

/** What a pasted chat message fills in on a new ticket. */
export interface ChatPrefill {
  readonly channel: ChatApp;
  /** The unit named in 【】 before the sender; '' when none. */
  readonly reporterUnit: string;
  readonly reporterPerson: string;
  readonly title: string;
  readonly description: string;
  readonly receivedAt: Instant;
  readonly evidence: EvidenceFields;
  /** Things the engineer should check, in Chinese. */
  readonly notices: readonly string[];
}

/**
 * A ticket prefill from a pasted chat: the first message's sender reported it, at that message's time;
 * the messages become the description; the raw text is kept verbatim as evidence (cut only at the
 * schema's limit, and then said so). The channel is the tab the user chose; the copy's format decides
 * only when the user chose none.
 *
 * A time without a date is today's, or yesterday's when today's would be later than now (a message
 * cannot come from the future). Yesterday is said so, since the clocks start at the received time and
 * a ticket received yesterday may already be late.
 */
export function prefillFromChat(
  raw: string,
  parsed: ParsedChat,
  options: { readonly now: Instant; readonly chosenApp: ChatApp | null },
): ChatPrefill {
  const notices: string[] = [];
  const first = parsed.messages[0];
  const sender = first?.sender ?? '';
  if (sender === '') notices.push('未识别出发送人和时间，请在“发送人”中填写');
  const sentAt = Math.min(first?.sentAt ?? options.now, options.now);
  if (first?.undated === true && dayNumberOf(sentAt) !== dayNumberOf(options.now)) {
    const clock = formatMinute(sentAt).slice(11);
    notices.push(
      `消息只有时间没有日期：${clock} 晚于现在，已按昨天（${formatMinute(sentAt).slice(0, 10)}）${clock} 填写接报时间，时限从那时起算；如不是昨天的消息，请改正接报时间`,
    );
  }
  let text = raw.replace(/\r\n?/g, '\n');
  if (text.length > MAX_EVIDENCE_TEXT) {
    text = text.slice(0, MAX_EVIDENCE_TEXT);
    notices.push(`聊天内容超过 ${MAX_EVIDENCE_TEXT} 字，证据只保留前 ${MAX_EVIDENCE_TEXT} 字`);
  }
  return {
    channel: options.chosenApp ?? parsed.app ?? 'wechat',
    reporterUnit: first?.unit ?? '',
    reporterPerson: sender,
    title: titleFrom(first?.text ?? ''),
    description: describeMessages(parsed),
    receivedAt: sentAt,
    evidence: { sender, group: parsed.group, sentAt: formatMinute(sentAt), text },
    notices,
  };
}

/** The first line of the report, cut to a title's length. */
export function titleFrom(text: string): string {
  const line =
    text
      .split('\n')
      .map((part) => part.trim())
      .find((part) => part !== '') ?? '';
  const chars = [...line];
  return chars.length > TITLE_LENGTH ? `${chars.slice(0, TITLE_LENGTH).join('')}…` : line;
}

/** One message is its own text; several keep who said what and when. */
function describeMessages(parsed: ParsedChat): string {
  if (parsed.messages.length === 1) return parsed.messages[0]?.text.trim() ?? '';
  return parsed.messages
    .map((message) => {
      const who = message.sender === '' ? '' : message.sender;
      const when = message.sentAt === null ? '' : `（${formatMinute(message.sentAt).slice(11)}）`;
      const head = who === '' && when === '' ? '' : `${who}${when}：`;
      return `${head}${message.text.trim()}`;
    })
    .join('\n');
}

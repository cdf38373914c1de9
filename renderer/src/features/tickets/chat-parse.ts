import {
  DAY_MS,
  dayNumberOf,
  isoDateToDayNumber,
  MINUTE_MS,
  startOfDay,
  weekdayOf,
  yearOfDay,
  type DayNumber,
  type Instant,
} from '@core/time/shanghai-time';

/**
 * Reads what an engineer copies out of a WeChat or QQ chat: one or more messages, each a header line
 * (sender and time, in either order) followed by its text. The formats seen on department PCs:
 *
 *   张三 10:32                         WeChat / QQ desktop copy
 *   张三 2024/3/5 10:32:15             with a date
 *   【管理员】张三(123456789) 10:32:15   QQ, with a group title and the QQ number
 *   李四 昨天 下午3:20                  relative day and 12-hour time (phones)
 *   2024-03-05 10:32:15 张三(123456)   QQ's exported message history (time first)
 *   消息对象:人社运维群                 QQ export header: the group
 *   人社运维群的聊天记录                 WeChat "merged forward": the group
 *
 * Times are Beijing wall-clock times; a header without a date is today's, or yesterday's when that
 * would be in the future (`undated` tells the caller, who must say which day was taken). A title in
 * 【】 that is not one of QQ's own member titles is the sender's unit (groups ask members to put their
 * unit there). Text without any header is one message from an unknown sender. Pure: the caller keeps
 * the raw text as evidence whatever is recognized here.
 */
export interface ChatMessage {
  /** The display name, without QQ number or group title; '' when the text had no header. */
  readonly sender: string;
  /** A QQ number or e-mail shown beside the name; '' when none. */
  readonly senderId: string;
  /** The unit named in 【】 before the sender, e.g. 人社厅信息中心; '' when none. */
  readonly unit: string;
  readonly sentAt: Instant | null;
  /** The header gave a time but no date, so the day was taken from the time of pasting. */
  readonly undated: boolean;
  readonly text: string;
}

export type ChatApp = 'wechat' | 'qq';

export interface ParsedChat {
  readonly messages: readonly ChatMessage[];
  /** The group's name when the copy names it; '' otherwise. */
  readonly group: string;
  /**
   * Which app the copy format proves (QQ's export headers or numbers, WeChat's merged-forward title);
   * null when it could be either, and then the user's choice stands.
   */
  readonly app: ChatApp | null;
}

const SPACES = /[\s\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]+/g;
const TIME = String.raw`(?:(上午|下午|中午|晚上|凌晨|早上)\s*)?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?`;
const DATE = String.raw`(?:(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{1,2})月(\d{1,2})日|(昨天|前天|今天)|(?:星期|周)([一二三四五六日天]))`;
/** Sender first: "张三 10:32", "张三 2024/3/5 10:32:15", "李四 昨天 下午3:20". */
const SENDER_FIRST = new RegExp(String.raw`^(.{1,80}?)\s+(?:${DATE}\s*)?${TIME}$`, 'u');
/** Time first, with a date (QQ's export): "2024-03-05 10:32:15 张三(123456)". */
const TIME_FIRST = new RegExp(String.raw`^${DATE}\s+${TIME}\s+(.{1,80})$`, 'u');
const QQ_GROUP = /^消息对象[:：]\s*(.+)$/u;
const QQ_EXPORT_NOISE = /^(?:消息记录（.*）|消息分组[:：].*|=+|-+)$/u;
const DATE_LINE = /^日期[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})$/u;
const MERGED_TITLE = /^(.+)的聊天记录$/u;
const SENDER_ID = /^(.*?)\s*(?:[(（](\d{5,12})[)）]|<([^<>\s]+@[^<>\s]+)>)$/u;
const GROUP_TITLES = /^(?:【[^】]{1,20}】\s*)+/u;
const GROUP_TITLE = /【([^】]{1,20})】/gu;
/** QQ's own member titles (role and activity levels): not a unit. */
const QQ_MEMBER_TITLE = /^(?:群主|管理员|群管理|活跃|潜水|冒泡|吐槽|话唠|传说|群成员|LV\s*\d+.*)$/iu;
/** Sentence punctuation a display name practically never has: such a line is message text. */
const NOT_A_NAME = /[。！？，,!?；;：:“”"]/u;
const WEEKDAYS = '日一二三四五六';

interface Header {
  readonly sender: string;
  readonly senderId: string;
  readonly unit: string;
  readonly sentAt: Instant;
  readonly undated: boolean;
}

export function parseChatText(raw: string, now: Instant): ParsedChat {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const messages: { header: Header | null; lines: string[] }[] = [];
  let group = '';
  let app: ChatApp | null = null;
  let dateContext: DayNumber | undefined;

  for (const line of lines) {
    const flat = line.replace(SPACES, ' ').trim();
    const qqGroup = QQ_GROUP.exec(flat);
    if (qqGroup) {
      group = (qqGroup[1] ?? '').trim();
      app = 'qq';
      continue;
    }
    if (QQ_EXPORT_NOISE.test(flat) && messages.length === 0) {
      if (flat.startsWith('消息')) app = 'qq';
      continue;
    }
    const dateLine = DATE_LINE.exec(flat);
    if (dateLine) {
      dateContext = dayOf(Number(dateLine[1]), Number(dateLine[2]), Number(dateLine[3])) ?? dateContext;
      continue;
    }
    const merged = messages.length === 0 ? MERGED_TITLE.exec(flat) : null;
    if (merged) {
      const name = (merged[1] ?? '').trim();
      // "群聊的聊天记录" names no group; "张三和李四的聊天记录" is a private chat.
      if (name !== '群聊' && !name.includes('和')) group = name;
      app ??= 'wechat';
      continue;
    }
    const header = readHeader(flat, now, dateContext);
    if (header) {
      messages.push({ header, lines: [] });
      // Only QQ shows a number or mail address beside the name; a 【title】 or seconds are no proof
      // (WeChat nicknames carry units in 【】 too), so they leave the app to the user.
      if (header.senderId !== '') app = 'qq';
      continue;
    }
    if (messages.length === 0) messages.push({ header: null, lines: [] });
    (messages[messages.length - 1] as { lines: string[] }).lines.push(line);
  }

  return {
    messages: messages
      .map(({ header, lines: body }) => ({
        sender: header?.sender ?? '',
        senderId: header?.senderId ?? '',
        unit: header?.unit ?? '',
        sentAt: header?.sentAt ?? null,
        undated: header?.undated ?? false,
        text: trimBlankLines(body).join('\n'),
      }))
      .filter((message) => message.sender !== '' || message.text !== ''),
    group,
    app,
  };
}

function readHeader(line: string, now: Instant, dateContext: DayNumber | undefined): Header | null {
  const senderFirst = SENDER_FIRST.exec(line);
  if (senderFirst) {
    const [, who, y, mo, d, md, mdd, relative, weekday, ampm, h, mi, s] = senderFirst;
    return header(who, { y, mo, d, md, mdd, relative, weekday, ampm, h, mi, s });
  }
  const timeFirst = TIME_FIRST.exec(line);
  if (timeFirst) {
    const [, y, mo, d, md, mdd, relative, weekday, ampm, h, mi, s, who] = timeFirst;
    return header(who, { y, mo, d, md, mdd, relative, weekday, ampm, h, mi, s });
  }
  return null;

  function header(who: string | undefined, stamp: StampParts): Header | null {
    const name = readSender(who ?? '');
    if (name === null) return null;
    const sentAt = resolveStamp(stamp, now, dateContext);
    if (sentAt === null) return null;
    const undated =
      dateContext === undefined &&
      [stamp.y, stamp.md, stamp.relative, stamp.weekday].every((part) => part === undefined);
    return { ...name, sentAt, undated };
  }
}

function readSender(text: string): { sender: string; senderId: string; unit: string } | null {
  const titles = GROUP_TITLES.exec(text)?.[0] ?? '';
  const untitled = text.slice(titles.length);
  const unit =
    [...titles.matchAll(GROUP_TITLE)]
      .map((match) => (match[1] ?? '').trim())
      .find((title) => title !== '' && !QQ_MEMBER_TITLE.test(title)) ?? '';
  const withId = SENDER_ID.exec(untitled);
  const sender = (withId ? (withId[1] ?? '') : untitled).trim();
  const senderId = withId ? (withId[2] ?? withId[3] ?? '') : '';
  if (sender === '' || sender.length > 40 || NOT_A_NAME.test(sender)) return null;
  return { sender, senderId, unit };
}

interface StampParts {
  readonly y: string | undefined;
  readonly mo: string | undefined;
  readonly d: string | undefined;
  readonly md: string | undefined;
  readonly mdd: string | undefined;
  readonly relative: string | undefined;
  readonly weekday: string | undefined;
  readonly ampm: string | undefined;
  readonly h: string | undefined;
  readonly mi: string | undefined;
  readonly s: string | undefined;
}

/** The instant of a header's date and time in Beijing time; null when it is not a real time. */
function resolveStamp(parts: StampParts, now: Instant, dateContext: DayNumber | undefined): Instant | null {
  let hours = Number(parts.h);
  const minutes = Number(parts.mi);
  const seconds = parts.s === undefined ? 0 : Number(parts.s);
  if (parts.ampm !== undefined) {
    if (hours > 12) return null;
    if (parts.ampm === '下午' || parts.ampm === '晚上') {
      if (hours < 12) hours += 12;
    } else if (parts.ampm === '中午') {
      // 中午 11:50 and 中午 12:10 are as written; 中午 1:10 is 13:10.
      if (hours < 11) hours += 12;
    } else if (hours === 12) {
      // 凌晨 12:30 is half past midnight.
      hours = 0;
    }
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const timeOfDay = ((hours * 60 + minutes) * 60 + seconds) * 1000;
  const today = dayNumberOf(now);

  const day = resolveDay(parts, today, dateContext);
  if (day === null) return null;
  if (day === 'unknown') {
    // A bare time is today's, unless that is still to come: then it was yesterday's.
    const instant = startOfDay(today) + timeOfDay;
    return instant > now + MINUTE_MS ? instant - DAY_MS : instant;
  }
  return startOfDay(day) + timeOfDay;
}

function resolveDay(
  parts: StampParts,
  today: DayNumber,
  dateContext: DayNumber | undefined,
): DayNumber | 'unknown' | null {
  if (parts.y !== undefined) return dayOf(Number(parts.y), Number(parts.mo), Number(parts.d));
  if (parts.md !== undefined) {
    // A month and day without a year: the latest such day not after today.
    const year = yearOfDay(today);
    const thisYear = dayOf(year, Number(parts.md), Number(parts.mdd));
    if (thisYear === null) return null;
    return thisYear > today ? dayOf(year - 1, Number(parts.md), Number(parts.mdd)) : thisYear;
  }
  if (parts.relative !== undefined) {
    return today - { 今天: 0, 昨天: 1, 前天: 2 }[parts.relative as '今天' | '昨天' | '前天'];
  }
  if (parts.weekday !== undefined) {
    // Chats name the weekday for the days of the past week: the latest such day before today.
    const wanted = parts.weekday === '天' ? 0 : WEEKDAYS.indexOf(parts.weekday);
    const back = (weekdayOf(today) - wanted + 7) % 7 || 7;
    return today - back;
  }
  return dateContext ?? 'unknown';
}

function dayOf(year: number, month: number, day: number): DayNumber | null {
  try {
    return isoDateToDayNumber(isoDate(year, month, day));
  } catch {
    // 2月30日 and the like: not a date, so the line is not a header.
    return null;
  }
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start += 1;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return lines.slice(start, end).map((line) => line.replace(/\s+$/u, ''));
}

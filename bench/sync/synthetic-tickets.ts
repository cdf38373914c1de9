import { newTicket, transition, type Ticket } from '@core/records';
import type { JsonValue } from '@core/sync/json-value';

/**
 * The tickets the sync bench moves: realistic content (Chinese titles and descriptions, a reporter,
 * one to three timeline events), spread over the 13 subsystems, generated deterministically so two
 * runs move the same bytes. The same tickets feed the server (as push ops) and pouchdb-server (as
 * documents), so both peers replicate identical data.
 */

const TITLES = [
  '门户网站首页打不开',
  '社保卡查询接口超时',
  '养老保险待遇发放失败',
  '数据库备份任务报错',
  '机房空调温度告警',
  '网上办事大厅登录异常',
  '就业信息系统报表导出失败',
  '医保结算接口返回错误',
  '核心交换机端口闪断',
  '人事考试报名页面卡顿',
];
const UNITS = ['省人社厅办公室', '社保局信息科', '就业局', '医保中心', '人事考试院', '劳动监察总队'];
const PEOPLE = ['王老师', '李科长', '张主任', '刘工', '陈处长', '杨老师'];
const DESCRIPTIONS = [
  '上午九点起页面显示 502，刷新无效，影响群众办事',
  '接口响应超过三十秒，窗口排队较多，请尽快处理',
  '夜间定时任务失败，日志提示磁盘空间不足',
  '多名用户反映登录后跳转失败，浏览器为 Chrome',
];
const DAY_MS = 86_400_000;
export const SUBSYSTEM_COUNT = 13;

/** A deterministic generator: two runs make the same tickets. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)] as T;
}

/** A UUID v4 made from the generator, so ids repeat across runs too. */
function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Ticket number `ordinal` of a run created `now`: received some time in the past year. */
export function syntheticTicket(ordinal: number, now: number, next: () => number, actor: string): Ticket {
  const receivedAt = now - 365 * DAY_MS + Math.floor(next() * 360 * DAY_MS);
  const createdAt = receivedAt + 60_000;
  const created = newTicket(
    {
      subsystemId: 1 + (ordinal % SUBSYSTEM_COUNT),
      channel: pick(['phone', 'wechat', 'qq', 'walk_in'] as const, next),
      reporter: {
        unit: pick(UNITS, next),
        person: pick(PEOPLE, next),
        phone: `0851-868${Math.floor(next() * 90_000) + 10_000}`,
      },
      category: 'fault',
      severity: pick(['ordinary', 'ordinary', 'ordinary', 'major', 'emergency'] as const, next),
      title: `${pick(TITLES, next)}（${ordinal}）`,
      description: pick(DESCRIPTIONS, next),
      receivedAt,
    },
    { actor, at: createdAt, id: uuidFrom(next), eventId: uuidFrom(next) },
  );
  if (!created.ok) throw new Error(`生成工单 ${ordinal} 失败：${created.reason}`);
  let ticket = created.ticket;
  if (next() < 0.7) {
    ticket = step(ticket, 'respond', createdAt + 10 * 60_000, actor, next);
    if (next() < 0.5) ticket = step(ticket, 'progress', createdAt + 60 * 60_000, actor, next);
  }
  return ticket;
}

function step(
  ticket: Ticket,
  action: 'respond' | 'progress',
  at: number,
  actor: string,
  next: () => number,
): Ticket {
  const result = transition(ticket, action, { actor, at, eventId: uuidFrom(next) });
  if (!result.ok) throw new Error(`生成工单 ${ticket.id} 的处理记录失败：${result.reason}`);
  return { ...result.ticket, updatedAt: at };
}

/** A record as the field writes of its first op: every field except `updatedAt`, which is derived. */
export function fieldsOf(ticket: Ticket): Record<string, JsonValue> {
  const { updatedAt: _derived, ...fields } = ticket;
  return JSON.parse(JSON.stringify(fields)) as Record<string, JsonValue>;
}

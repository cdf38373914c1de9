import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { parseChatText } from './chat-parse';
import { MAX_EVIDENCE_TEXT, prefillFromChat, titleFrom } from './chat-prefill';

const NOW = parseInstant('2026-03-05 10:40');
const prefill = (raw: string, now = NOW, chosenApp: 'wechat' | 'qq' | null = null) =>
  prefillFromChat(raw, parseChatText(raw, now), { now, chosenApp });

describe('prefillFromChat', () => {
  it('fills reporter, title, received time and evidence from one message', () => {
    const result = prefill('张三 10:32\n系统打不开了');
    expect(result).toEqual({
      channel: 'wechat',
      reporterUnit: '',
      reporterPerson: '张三',
      title: '系统打不开了',
      description: '系统打不开了',
      receivedAt: parseInstant('2026-03-05 10:32'),
      evidence: { sender: '张三', group: '', sentAt: '2026-03-05 10:32', text: '张三 10:32\n系统打不开了' },
      notices: [],
    });
  });

  it('keeps who said what in the description of several messages, and the QQ channel', () => {
    const raw =
      '消息对象:人社运维群\n2026-03-05 10:30:02 赵六(987654)\n报表导不出来\n2026-03-05 10:31:00 钱七(123456)\n我也是';
    const result = prefill(raw);
    expect(result.channel).toBe('qq');
    expect(result.evidence.group).toBe('人社运维群');
    expect(result.description).toBe('赵六（10:30）：报表导不出来\n钱七（10:31）：我也是');
    expect(result.evidence.text).toBe(raw);
  });

  it('fills the reporting unit from the 【】 before the sender', () => {
    const result = prefill('【人社厅信息中心】张三 10:32\n系统打不开了');
    expect(result.reporterUnit).toBe('人社厅信息中心');
    expect(result.reporterPerson).toBe('张三');
  });

  it('keeps the tab the user chose where the format does not prove the app', () => {
    const raw = '【人社厅信息中心】张三 10:32:15\n系统打不开了';
    expect(prefill(raw, NOW, 'wechat').channel).toBe('wechat');
    expect(prefill(raw, NOW, null).channel).toBe('wechat');
    expect(prefill('张三(123456789) 10:32:15\n在吗', NOW, null).channel).toBe('qq');
    expect(prefill('张三(123456789) 10:32:15\n在吗', NOW, 'wechat').channel).toBe('wechat');
  });

  it('takes a bare time later than now as yesterday’s, and says so', () => {
    const afterMidnight = parseInstant('2026-03-05 03:34');
    const result = prefill('张三 10:32\n系统打不开了', afterMidnight);
    expect(result.receivedAt).toBe(parseInstant('2026-03-04 10:32'));
    expect(result.notices).toEqual([
      '消息只有时间没有日期：10:32 晚于现在，已按昨天（2026-03-04）10:32 填写接报时间，时限从那时起算；如不是昨天的消息，请改正接报时间',
    ]);
    expect(prefill('张三 03:30\n系统打不开了', afterMidnight).notices).toEqual([]);
  });

  it('keeps the raw text and asks for the sender when none is recognized', () => {
    const result = prefill('首页打不开了\n麻烦看下');
    expect(result.reporterPerson).toBe('');
    expect(result.receivedAt).toBe(NOW);
    expect(result.evidence).toEqual({
      sender: '',
      group: '',
      sentAt: '2026-03-05 10:40',
      text: '首页打不开了\n麻烦看下',
    });
    expect(result.notices).toEqual(['未识别出发送人和时间，请在“发送人”中填写']);
  });

  it('cuts evidence at the schema’s limit and says so', () => {
    const result = prefill(`张三 10:32\n${'长'.repeat(MAX_EVIDENCE_TEXT + 10)}`);
    expect(result.evidence.text).toHaveLength(MAX_EVIDENCE_TEXT);
    expect(result.notices).toEqual([
      `聊天内容超过 ${MAX_EVIDENCE_TEXT} 字，证据只保留前 ${MAX_EVIDENCE_TEXT} 字`,
    ]);
  });
});

describe('titleFrom', () => {
  it('takes the first non-empty line, cut at 40 characters', () => {
    expect(titleFrom('\n  首页打不开  \n第二行')).toBe('首页打不开');
    expect(titleFrom('字'.repeat(45))).toBe(`${'字'.repeat(40)}…`);
    expect(titleFrom('')).toBe('');
  });
});

import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { parseChatText } from './chat-parse';

/** 10:40 Beijing time on Thursday 5 March 2026. */
const NOW = parseInstant('2026-03-05 10:40');

describe('parseChatText', () => {
  it('reads a desktop copy: sender and time, then the text', () => {
    const parsed = parseChatText('张三 10:32\n系统打不开了', NOW);
    expect(parsed.messages).toEqual([
      {
        sender: '张三',
        senderId: '',
        unit: '',
        sentAt: parseInstant('2026-03-05 10:32'),
        undated: true,
        text: '系统打不开了',
      },
    ]);
    expect(parsed.group).toBe('');
    expect(parsed.app).toBeNull();
  });

  it('reads several messages, multi-line texts and the odd spaces chat apps copy', () => {
    const raw = '张三\u2005 10:32\r\n社保查询页面报错\r\n提示 500\r\n\r\n李四 10:35\r\n我这边也是\r\n';
    const parsed = parseChatText(raw, NOW);
    expect(parsed.messages.map((message) => [message.sender, message.text])).toEqual([
      ['张三', '社保查询页面报错\n提示 500'],
      ['李四', '我这边也是'],
    ]);
  });

  it('reads QQ copies: group titles, QQ numbers and seconds', () => {
    const parsed = parseChatText('【管理员】王五(123456789) 10:32:15\n登录不上', NOW);
    expect(parsed.messages[0]).toEqual({
      sender: '王五',
      senderId: '123456789',
      unit: '',
      sentAt: parseInstant('2026-03-05 10:32:15'),
      undated: true,
      text: '登录不上',
    });
    expect(parsed.app).toBe('qq');
  });

  it('takes a 【】 title for the sender’s unit, but not QQ’s own member titles', () => {
    const unit = parseChatText('【人社厅信息中心】张三 10:32\n系统打不开了', NOW).messages[0];
    expect(unit?.sender).toBe('张三');
    expect(unit?.unit).toBe('人社厅信息中心');
    expect(parseChatText('【管理员】王五 10:32\n登录不上', NOW).messages[0]?.unit).toBe('');
    expect(parseChatText('【活跃】【就业局】李四 10:32\n在吗', NOW).messages[0]?.unit).toBe('就业局');
  });

  it('leaves the app open when only a 【】 title or seconds hint at QQ', () => {
    expect(parseChatText('【人社厅信息中心】张三 10:32\n系统打不开了', NOW).app).toBeNull();
    expect(parseChatText('张三 10:32:15\n系统打不开了', NOW).app).toBeNull();
  });

  it('says which headers had no date, so the caller can say which day it took', () => {
    const at = (line: string) => parseChatText(`${line}\n文本`, NOW).messages[0]?.undated;
    expect(at('张三 10:32')).toBe(true);
    expect(at('张三 昨天 10:32')).toBe(false);
    expect(at('张三 2026/3/4 09:05')).toBe(false);
  });

  it('reads dates in the forms chats print them', () => {
    const at = (line: string) => parseChatText(`${line}\n文本`, NOW).messages[0]?.sentAt;
    expect(at('张三 2026/3/4 09:05')).toBe(parseInstant('2026-03-04 09:05'));
    expect(at('张三 2026-03-04 09:05:30')).toBe(parseInstant('2026-03-04 09:05:30'));
    expect(at('张三 2026年3月4日 09:05')).toBe(parseInstant('2026-03-04 09:05'));
    expect(at('张三 3月4日 09:05')).toBe(parseInstant('2026-03-04 09:05'));
    // A month and day later than today is last year's.
    expect(at('张三 12月30日 09:05')).toBe(parseInstant('2025-12-30 09:05'));
    expect(at('张三 昨天 下午3:20')).toBe(parseInstant('2026-03-04 15:20'));
    expect(at('张三 前天 上午9:20')).toBe(parseInstant('2026-03-03 09:20'));
    expect(at('张三 中午12:10')).toBe(parseInstant('2026-03-05 12:10') - 86_400_000);
    // Thursday today: 星期二 is two days ago, 星期四 a week ago.
    expect(at('张三 星期二 08:00')).toBe(parseInstant('2026-03-03 08:00'));
    expect(at('张三 周四 08:00')).toBe(parseInstant('2026-02-26 08:00'));
  });

  it('puts a bare time that is still to come on the day before', () => {
    const justAfterMidnight = parseInstant('2026-03-05 00:05');
    expect(parseChatText('张三 23:50\n还在吗', justAfterMidnight).messages[0]?.sentAt).toBe(
      parseInstant('2026-03-04 23:50'),
    );
  });

  it('reads QQ’s exported history with its group and date headers', () => {
    const raw = [
      '消息记录（此消息记录为文本格式，不支持重新导入）',
      '================================================================',
      '消息分组:我的QQ群',
      '================================================================',
      '消息对象:人社运维群',
      '================================================================',
      '',
      '2026-03-05 10:30:02 赵六(987654)',
      '统计报表导不出来',
      '',
    ].join('\n');
    const parsed = parseChatText(raw, NOW);
    expect(parsed.group).toBe('人社运维群');
    expect(parsed.app).toBe('qq');
    expect(parsed.messages).toEqual([
      {
        sender: '赵六',
        senderId: '987654',
        unit: '',
        sentAt: parseInstant('2026-03-05 10:30:02'),
        undated: false,
        text: '统计报表导不出来',
      },
    ]);
  });

  it('reads the group of a WeChat merged forward and ignores a private chat’s title', () => {
    const group = parseChatText('人社网站运维群的聊天记录\n张三 10:32\n首页打不开', NOW);
    expect(group.group).toBe('人社网站运维群');
    expect(group.app).toBe('wechat');
    expect(group.messages[0]?.sender).toBe('张三');
    expect(parseChatText('张三和李四的聊天记录\n张三 10:32\n在吗', NOW).group).toBe('');
  });

  it('keeps text without a header as one message from an unknown sender', () => {
    expect(parseChatText('  网站群首页打不开了，麻烦看一下\n', NOW).messages).toEqual([
      {
        sender: '',
        senderId: '',
        unit: '',
        sentAt: null,
        undated: false,
        text: '  网站群首页打不开了，麻烦看一下',
      },
    ]);
    expect(parseChatText('', NOW).messages).toEqual([]);
  });

  it('does not take sentences or impossible times for headers', () => {
    expect(parseChatText('会议改到，10:30\n好的', NOW).messages).toHaveLength(1);
    expect(parseChatText('会议改到，10:30\n好的', NOW).messages[0]?.sender).toBe('');
    expect(parseChatText('张三 25:10\n文本', NOW).messages[0]?.sender).toBe('');
    expect(parseChatText('张三 2026/2/30 10:10\n文本', NOW).messages[0]?.sender).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { newTicket } from './ticket-create';
import { ticketSchema } from './ticket';
import {
  MAX_JSON_DEPTH,
  isStorableText,
  nestsDeeperThan,
  quoteText,
  unstorableTextPath,
} from './storable-text';
import { parseRecord } from './validation';

const EMOJI = '😀';
const HIGH_HALF = EMOJI.slice(0, 1);
const LOW_HALF = EMOJI.slice(1);

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

describe('storable text', () => {
  it('refuses U+0000 and lone surrogates, and accepts whole emoji and any other text', () => {
    expect(isStorableText(`网站${EMOJI}打不开`)).toBe(true);
    expect(isStorableText('')).toBe(true);
    expect(isStorableText('\u0001\uFFFD\uFFFF')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText(`截断的表情${HIGH_HALF}`)).toBe(false);
    expect(isStorableText(`${LOW_HALF}开头`)).toBe(false);
    expect(isStorableText(`${LOW_HALF}${HIGH_HALF}`)).toBe(false);
  });

  it('finds the path of the first unstorable string or key in a value', () => {
    expect(unstorableTextPath({ a: [1, 'ok', { b: `x${HIGH_HALF}` }] })).toEqual(['a', 2, 'b']);
    expect(unstorableTextPath({ ok: { 'k\u0000': 1 } })).toEqual(['ok', 'k\u0000']);
    expect(unstorableTextPath('\u0000')).toEqual([]);
    expect(unstorableTextPath({ a: [null, true, 1.5, '好'] })).toBeUndefined();
    expect(unstorableTextPath(nested(100_000))).toBeUndefined();
  });

  it('measures nesting without recursion, whatever the depth', () => {
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(nested(100_000), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });

  it('quotes a client’s text short and storable', () => {
    expect(quoteText('title')).toBe('title');
    expect(quoteText('x'.repeat(1_000_000))).toBe(`${'x'.repeat(64)}…`);
    expect(quoteText(`a\u0000b${HIGH_HALF}`)).toBe('a\uFFFDb\uFFFD');
    expect(isStorableText(quoteText(`${'好'.repeat(63)}${EMOJI}`))).toBe(true);
  });

  it('makes a record with unstorable text fail its parse, as the server refuses it', () => {
    const created = newTicket(
      {
        subsystemId: 1,
        channel: 'phone',
        reporter: { unit: '省就业局', person: '王五', phone: '0851-86812345' },
        category: 'fault',
        severity: 'ordinary',
        title: '网站首页打不开',
        receivedAt: 1_773_104_340_000,
      },
      { actor: 'zhangsan', at: 1_773_104_400_000 },
    );
    if (!created.ok) throw new Error(created.reason);
    expect(parseRecord(ticketSchema, created.ticket, '工单').ok).toBe(true);
    expect(parseRecord(ticketSchema, { ...created.ticket, title: `网站${HIGH_HALF}` }, '工单')).toEqual({
      ok: false,
      reason: expect.stringMatching(/^工单数据无效：title: 含有无法保存的字符/),
    });
  });
});

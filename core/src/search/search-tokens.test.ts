import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_RECORD_TOKENS,
  MAX_TOKEN_LENGTH,
  matches,
  normalizeSearchText,
  queryTokens,
  recordSearchTokens,
  searchTokens,
} from './search-tokens';
import { ticketSearchParts, ticketSearchTokens } from './ticket-search';

describe('searchTokens', () => {
  it('indexes Han runs as bigrams plus the last character', () => {
    expect(searchTokens('运维台')).toEqual(['运维', '维台', '台']);
    expect(searchTokens('网')).toEqual(['网']);
  });

  it('splits Han from words, lower-cases words and drops punctuation', () => {
    expect(searchTokens('OA系统登录失败！IE11')).toEqual([
      'oa',
      '系统',
      '统登',
      '登录',
      '录失',
      '失败',
      '败',
      'ie11',
    ]);
  });

  it('folds full-width letters, digits and punctuation to half-width', () => {
    expect(normalizeSearchText('ＯＡ１３８－８１２３')).toBe('oa138-8123');
    expect(searchTokens('ＯＡ１３８')).toEqual(['oa138']);
  });

  it('keeps joined words whole and in parts: phone numbers, addresses, e-mail', () => {
    expect(searchTokens('0851-86812345')).toEqual(['085186812345', '0851', '86812345']);
    expect(searchTokens('138 8123 4567')).toEqual(['13881234567', '138', '8123', '4567']);
    expect(searchTokens('wang@hrss.gov.cn')).toEqual(['wanghrssgovcn', 'wang', 'hrss', 'gov', 'cn']);
  });

  it('deduplicates and keeps the order of first appearance', () => {
    expect(searchTokens('网站网站 web WEB')).toEqual(['网站', '站网', '站', 'web']);
  });

  it('cuts long words and caps the token count, title first', () => {
    expect(searchTokens('a'.repeat(100))).toEqual(['a'.repeat(MAX_TOKEN_LENGTH)]);
    const long = Array.from({ length: 2000 }, (_, index) => String.fromCodePoint(0x4e00 + index)).join('');
    expect(searchTokens(long)).toHaveLength(MAX_RECORD_TOKENS);
    const tokens = recordSearchTokens(['标题', long], 10);
    expect(tokens).toHaveLength(10);
    expect(tokens.slice(0, 2)).toEqual(['标题', '题']);
  });

  it('refuses a nonsensical cap', () => {
    expect(() => searchTokens('网站', 0)).toThrow('令牌上限应为正整数，收到 0');
  });
});

describe('queryTokens', () => {
  it('turns a Han query into exact bigrams and a single character into a prefix', () => {
    expect(queryTokens('运维台')).toEqual([
      { token: '运维', prefix: false },
      { token: '维台', prefix: false },
    ]);
    expect(queryTokens('网')).toEqual([{ token: '网', prefix: true }]);
  });

  it('matches words and phone numbers by prefix, joiners removed', () => {
    expect(queryTokens('０８５１-868')).toEqual([{ token: '0851868', prefix: true }]);
    expect(queryTokens('张三 OA 网')).toEqual([
      { token: '张三', prefix: false },
      { token: 'oa', prefix: true },
      { token: '网', prefix: true },
    ]);
  });

  it('is empty for a query of punctuation only', () => {
    expect(queryTokens(' ，。!? ')).toEqual([]);
  });
});

describe('matches', () => {
  const ticket = ticketSearchTokens({
    title: '门户网站首页打不开',
    reporter: { unit: '省人社厅办公室', person: '王晓明', phone: '0851-86812345' },
    chatEvidence: { sender: '李科长', group: '人社厅运维群', sentAt: 0, text: '' },
    description: '上午九点起首页显示 502 Bad Gateway',
  });

  it('finds a ticket by two Chinese characters anywhere in title, reporter or description', () => {
    for (const query of ['网站', '首页', '办公', '晓明', '九点', '运维群', '科长'])
      expect(matches(ticket, query)).toBe(true);
    expect(matches(ticket, '数据库')).toBe(false);
  });

  it('finds a single character wherever it occurs, also at the end of a run', () => {
    expect(matches(ticket, '开')).toBe(true);
    expect(matches(ticket, '明')).toBe(true);
    expect(matches(ticket, '库')).toBe(false);
  });

  it('finds phone numbers by their first digits or by a written group', () => {
    expect(matches(ticket, '0851868')).toBe(true);
    expect(matches(ticket, '86812345')).toBe(true);
    expect(matches(ticket, '0851-8681')).toBe(true);
    expect(matches(ticket, '12345')).toBe(false);
  });

  it('needs every term of a mixed query', () => {
    expect(matches(ticket, '首页 502')).toBe(true);
    expect(matches(ticket, 'bad gate')).toBe(true);
    expect(matches(ticket, '首页 404')).toBe(false);
  });

  it('lets an empty query match everything', () => {
    expect(matches([], '')).toBe(true);
  });

  it('finds every substring of an indexed text (property)', () => {
    const hanChar = fc.integer({ min: 0x4e00, max: 0x4e40 }).map((code) => String.fromCodePoint(code));
    const piece = fc.oneof(hanChar, fc.constantFrom('a', 'b', '1', '2', ' ', '-', '，'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), (pieces, i, j) => {
        const text = pieces.join('');
        const start = i % pieces.length;
        const end = start + 1 + (j % (pieces.length - start));
        const query = pieces.slice(start, end).join('');
        // A substring that starts inside a word is not a prefix of a token: only whole-word starts count.
        const before = pieces[start - 1] ?? ' ';
        fc.pre(!/[a-z0-9]/.test(before) || !/^[a-z0-9]/.test(query));
        fc.pre(!/^-/.test(query.trim()));
        expect(matches(searchTokens(text, 10_000), query)).toBe(true);
      }),
    );
  });
});

describe('ticketSearchParts', () => {
  const ticket = {
    title: '门户网站首页打不开',
    reporter: { unit: '省人社厅办公室', person: '王晓明', phone: '0851-86812345' },
    chatEvidence: null,
    description: '首页显示 502，门户网站其他栏目正常',
  };

  it('splits the short texts from the description; the whole list has each token once', () => {
    const { head, body } = ticketSearchParts(ticket);
    expect(head).toContain('首页');
    expect(head).toContain('晓明');
    expect(body).toContain('栏目');
    expect(body).toContain('首页');
    expect(ticketSearchTokens(ticket)).toEqual([...new Set([...head, ...body])]);
  });

  it('changes only the head for a new title, only the body for a new description', () => {
    const before = ticketSearchParts(ticket);
    const retitled = ticketSearchParts({ ...ticket, title: '社保卡查询接口超时' });
    expect(retitled.head).not.toEqual(before.head);
    expect(retitled.body).toEqual(before.body);
    const redescribed = ticketSearchParts({ ...ticket, description: '数据库备份失败' });
    expect(redescribed.head).toEqual(before.head);
    expect(redescribed.body).not.toEqual(before.body);
  });

  it('keeps both parts together within the cap', () => {
    const long = { ...ticket, description: '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'.repeat(20) };
    const { head, body } = ticketSearchParts(long, 40);
    expect(head.length + body.length).toBeLessThanOrEqual(40);
    expect(head.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { safeParseInChinese } from '../records/validation';
import { describeSchemaIssues } from '../host/schema-issues';
import { pullRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from './protocol';

const HLC = '019b0a1c2d3e-0000-aaaaaaaaaa';
const ID = '3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f';
const op = (seq: number, extra: Record<string, unknown> = {}) => ({
  seq,
  opId: ID,
  recordType: 'ticket',
  recordId: ID,
  subsystemId: 1,
  fields: [{ field: 'title', value: '标题', hlc: HLC }],
  ...extra,
});
const problems = (value: unknown) => {
  const result = safeParseInChinese(pushRequestSchema, value);
  return result.success ? '' : describeSchemaIssues(result.error);
};

describe('pushRequestSchema', () => {
  it('accepts a batch and defaults the op kind to change', () => {
    const parsed = pushRequestSchema.parse({ clientId: 'k3j9x2m1qa', schemaVersion: 1, ops: [op(1), op(3)] });
    expect(parsed.ops.map((o) => o.kind)).toEqual(['change', 'change']);
  });

  it('names each problem by path', () => {
    expect(problems({ clientId: 'k3j9x2m1qa', schemaVersion: 1, ops: [op(2), op(2)] })).toBe(
      'ops.1.seq: seq 应严格递增（前一个为 2，此处为 2）',
    );
    expect(problems({ clientId: 'K3', schemaVersion: 1, ops: [op(1)] })).toMatch(/^clientId: 客户端编号应为/);
    expect(problems({ clientId: 'k3j9x2m1qa', schemaVersion: 1, ops: [] })).toBe('ops: 至少要有一个操作');
    expect(
      problems({
        clientId: 'k3j9x2m1qa',
        schemaVersion: 1,
        ops: [op(1, { fields: [{ field: 'title', hlc: HLC }] })],
      }),
    ).toMatch(/^ops\.0\.fields\.0\.value: /);
    expect(
      problems({
        clientId: 'k3j9x2m1qa',
        schemaVersion: 1,
        ops: [
          op(1, {
            fields: [
              { field: 'title', value: 'a', hlc: HLC },
              { field: 'title', value: 'b', hlc: HLC },
            ],
          }),
        ],
      }),
    ).toBe('ops.0.fields.1.field: 字段 title 重复');
    expect(problems({ clientId: 'k3j9x2m1qa', schemaVersion: 1, ops: [op(1, { kind: 'restore' })] })).toBe(
      'ops.0.fields: 恢复操作须写入 deleted: false',
    );
    expect(problems({ clientId: 'k3j9x2m1qa', schemaVersion: 1, ops: [op(1)], extra: true })).toMatch(
      /extra/,
    );
  });
});

describe('pullRequestSchema and responses', () => {
  it('defaults the cursor and the page size', () => {
    expect(pullRequestSchema.parse({ schemaVersion: 1 })).toEqual({
      schemaVersion: 1,
      cursor: null,
      limit: 500,
    });
  });

  it('accepts exactly the result shapes the server sends', () => {
    const results = [
      { seq: 1, opId: ID, status: 'applied' },
      { seq: 2, opId: ID, status: 'rejected', code: 'forbidden', reason: '…' },
    ];
    expect(pushResponseSchema.parse({ results, lastSeq: 2 }).results).toHaveLength(2);
    expect(
      pushResponseSchema.safeParse({ results: [{ ...results[1], code: 'oops' }], lastSeq: 2 }).success,
    ).toBe(false);
  });

  it('takes a pulled record’s values as JSON.parse gave them, refusing an empty record or a bad clock by path', () => {
    const events = [{ id: ID, at: 1, author: 'u1', kind: 'created', note: null }];
    const page = (record: Record<string, unknown>) => ({
      changes: [
        { kind: 'record', recordType: 'ticket', recordId: ID, subsystemId: 1, hlc: HLC, rank: 0, ...record },
      ],
      cursor: 'c',
      hasMore: false,
      reset: false,
    });
    const parsed = pullResponseSchema.parse(
      JSON.parse(
        JSON.stringify(page({ values: { events, assignee: null }, births: { events: { [ID]: 0 } } })),
      ),
    );
    expect(parsed.changes[0]).toMatchObject({ values: { events, assignee: null } });
    const empty = safeParseInChinese(pullResponseSchema, page({ values: {} }));
    expect(empty.success ? '' : describeSchemaIssues(empty.error)).toContain('changes.0.values');
    const badClock = safeParseInChinese(
      pullResponseSchema,
      page({ values: { title: '标题' }, clocks: { title: { hlc: 'yesterday', rank: 0 } } }),
    );
    expect(badClock.success ? '' : describeSchemaIssues(badClock.error)).toContain(
      'changes.0.clocks.title.hlc',
    );
    const missing = safeParseInChinese(pullResponseSchema, page({ values: { title: undefined } }));
    expect(missing.success ? '' : describeSchemaIssues(missing.error)).toContain('changes.0.values.title');
  });
});

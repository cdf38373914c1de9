import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from './hlc';
import { type JsonValue, canonicalJson } from './json-value';
import {
  type FieldStates,
  type FieldWriteInput,
  type WriteKind,
  mergeFieldWrite,
  mergeStates,
  mergeWrites,
} from './merge';

const T0 = Date.UTC(2026, 2, 10, 1, 0, 0);
const hlc = (offsetMs: number, counter = 0, node = 'aaaaaaaaaa') =>
  encodeHlc({ wallMs: T0 + offsetMs, counter, nodeId: node });
const write = (field: string, value: JsonValue, at: string): FieldWriteInput => ({ field, value, hlc: at });
const event = (id: string, kind: string, offsetMs: number, extra: Record<string, JsonValue> = {}) => ({
  id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
  kind,
  at: T0 + offsetMs,
  author: 'zhangsan',
  ...extra,
});

function apply(states: FieldStates, writes: FieldWriteInput[], kind: WriteKind = 'change') {
  return mergeWrites('ticket', states, writes, kind);
}

describe('ordinary fields', () => {
  it('keep the greater HLC and report the older write as superseded', () => {
    const first = apply({}, [write('title', '甲', hlc(10))]);
    const second = apply(first.states, [write('title', '乙', hlc(5))]);
    expect(second.outcomes).toEqual(['superseded']);
    expect(second.states.title?.value).toBe('甲');
    const third = apply(second.states, [write('title', '丙', hlc(20))]);
    expect(third.outcomes).toEqual(['applied']);
    expect(third.states.title).toEqual({ value: '丙', hlc: hlc(20), rank: 0 });
  });

  it('break an HLC tie by node id, which the encoding orders', () => {
    const a = write('title', 'A', hlc(10, 0, 'aaaaaaaaaa'));
    const b = write('title', 'B', hlc(10, 0, 'bbbbbbbbbb'));
    expect(apply(apply({}, [a]).states, [b]).states.title?.value).toBe('B');
    expect(apply(apply({}, [b]).states, [a]).states.title?.value).toBe('B');
  });

  it('derive updatedAt from the latest field HLC', () => {
    const { states } = apply({}, [write('title', 'A', hlc(10)), write('severity', 'major', hlc(30))]);
    expect(states.updatedAt).toEqual({ value: T0 + 30, hlc: hlc(30), rank: 0 });
    const client = apply(states, [write('updatedAt', 1, hlc(99))]);
    expect(client.outcomes).toEqual(['derived']);
    expect(client.states.updatedAt?.value).toBe(T0 + 30);
  });
});

describe('deleted', () => {
  it('lets a delete beat a creation and concurrent edits whatever their clocks', () => {
    const created = apply({}, [write('deleted', false, hlc(50)), write('title', 'A', hlc(50))]);
    const deleted = apply(created.states, [write('deleted', true, hlc(10))]);
    expect(deleted.states.deleted).toEqual({ value: true, hlc: hlc(10), rank: 1 });
    const recreated = apply(deleted.states, [write('deleted', false, hlc(90)), write('title', 'B', hlc(90))]);
    expect(recreated.states.deleted?.value).toBe(true);
    expect(recreated.states.title?.value).toBe('B');
  });

  it('undoes a delete only by a later restore', () => {
    const deleted = apply({}, [write('deleted', true, hlc(10))]);
    expect(apply(deleted.states, [write('deleted', false, hlc(5))], 'restore').states.deleted?.value).toBe(
      true,
    );
    const restored = apply(deleted.states, [write('deleted', false, hlc(20))], 'restore');
    expect(restored.states.deleted).toEqual({ value: false, hlc: hlc(20), rank: 1 });
    expect(apply(restored.states, [write('deleted', true, hlc(30))]).states.deleted?.value).toBe(true);
  });
});

describe('ticket events', () => {
  it('union two timelines by id, created first, then by time', () => {
    const created = event('1', 'created', 0);
    const base = apply({}, [write('events', [created], hlc(0, 0, 'aaaaaaaaaa'))]).states;
    const a = apply(base, [write('events', [created, event('2', 'comment', 20, { text: 'A' })], hlc(20))]);
    const b = apply(a.states, [
      write(
        'events',
        [created, event('3', 'responded', -5), event('4', 'comment', 10, { text: 'B' })],
        hlc(30, 0, 'bbbbbbbbbb'),
      ),
    ]);
    expect(b.outcomes).toEqual(['merged']);
    const ids = (b.states.events?.value as { id: string }[]).map((e) => e.id.slice(-1));
    expect(ids).toEqual(['1', '3', '4', '2']);
    expect(b.states.status?.value).toBe('responded');
    expect(b.states.events?.hlc).toBe(hlc(30, 0, 'bbbbbbbbbb'));
  });

  it('keeps one PC’s order for events at the same instant', () => {
    const created = event('1', 'created', 0);
    // Ids chosen so that id order would put progress before responded.
    const responded = event('9', 'responded', 5);
    const progress = event('5', 'progress', 5);
    const first = apply({}, [write('events', [created, responded], hlc(6))]);
    const second = apply(first.states, [write('events', [created, responded, progress], hlc(7))]);
    expect(second.states.status?.value).toBe('in_progress');
  });

  it('takes an event’s content from the earliest write that carried it', () => {
    const created = event('1', 'created', 0);
    const original = event('2', 'comment', 5, { text: 'original' });
    const altered = { ...original, text: 'altered' };
    const early = write('events', [created, original], hlc(5));
    const late = write('events', [created, altered], hlc(9));
    const forward = apply(apply({}, [early]).states, [late]).states;
    const backward = apply(apply({}, [late]).states, [early]).states;
    expect(forward).toEqual(backward);
    expect((forward.events?.value as { text?: string }[])[1]?.text).toBe('original');
  });
});

describe('convergence (property)', () => {
  const nodes = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'];
  const hlcArb = fc
    .record({
      offset: fc.integer({ min: 0, max: 20 }),
      counter: fc.integer({ min: 0, max: 2 }),
      node: fc.constantFrom(...nodes),
    })
    .map(({ offset, counter, node }) => hlc(offset, counter, node));
  const eventArb = fc
    .record({
      id: fc.integer({ min: 2, max: 9 }),
      at: fc.integer({ min: 0, max: 5 }),
      text: fc.constantFrom('x', 'y'),
    })
    .map(({ id, at, text }) => event(String(id), 'comment', at, { text }));
  interface SimOp {
    kind: WriteKind;
    hlc: string;
    title?: string;
    deleted?: boolean;
    events?: ReturnType<typeof event>[];
  }
  const opArb: fc.Arbitrary<SimOp> = fc.record({
    kind: fc.constantFrom<WriteKind>('change', 'change', 'restore'),
    hlc: hlcArb,
    title: fc.option(fc.constantFrom('甲', '乙', '丙'), { nil: undefined }),
    deleted: fc.option(fc.boolean(), { nil: undefined }),
    events: fc.option(fc.array(eventArb, { maxLength: 3 }), { nil: undefined }),
  });
  const toWrites = (op: SimOp): FieldWriteInput[] => {
    const writes: FieldWriteInput[] = [];
    if (op.title !== undefined) writes.push(write('title', op.title, op.hlc));
    const deleted = op.kind === 'restore' ? false : op.deleted;
    if (deleted !== undefined) writes.push(write('deleted', deleted, op.hlc));
    if (op.events !== undefined)
      writes.push(write('events', [event('1', 'created', 0), ...op.events], op.hlc));
    return writes;
  };

  it('reaches the same state in any order, with any duplicates', () => {
    fc.assert(
      fc.property(
        fc
          .array(opArb, { minLength: 1, maxLength: 12 })
          .chain((ops) =>
            fc.tuple(
              fc.constant(ops),
              fc.shuffledSubarray(ops, { minLength: ops.length, maxLength: ops.length }),
              fc.array(fc.nat(ops.length - 1), { maxLength: 4 }),
            ),
          ),
        ([ops, shuffled, duplicates]) => {
          const run = (sequence: readonly SimOp[]) =>
            sequence.reduce<FieldStates>(
              (states, op) => mergeWrites('ticket', states, toWrites(op), op.kind).states,
              {},
            );
          const replayed = [...shuffled, ...duplicates.map((index) => ops[index] as SimOp)];
          const a = run(ops);
          const b = run(replayed);
          expect(canonicalJson(b as unknown as JsonValue)).toBe(canonicalJson(a as unknown as JsonValue));
        },
      ),
    );
  });

  it('lets a replica that merged its own writes reach the full state by merging pulled states', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), fc.nat(), (ops, split) => {
        const run = (sequence: readonly SimOp[]) =>
          sequence.reduce<FieldStates>(
            (states, op) => mergeWrites('ticket', states, toWrites(op), op.kind).states,
            {},
          );
        const full = run(ops);
        const replica = run(ops.slice(0, split % ops.length));
        const synced = mergeStates('ticket', replica, full);
        expect(canonicalJson(synced as unknown as JsonValue)).toBe(
          canonicalJson(full as unknown as JsonValue),
        );
      }),
    );
  });

  it('never lets an edit resurrect a deleted record', () => {
    fc.assert(
      fc.property(
        fc.array(
          opArb.filter((op) => op.kind === 'change'),
          { maxLength: 8 },
        ),
        hlcArb,
        (edits, deleteAt) => {
          const deleted = mergeWrites('ticket', {}, [write('deleted', true, deleteAt)], 'change').states;
          const after = edits.reduce<FieldStates>((states, op) => {
            const writes = toWrites(op).filter((w) => w.field !== 'deleted' || w.value === false);
            return mergeWrites('ticket', states, writes, 'change').states;
          }, deleted);
          expect(after.deleted?.value).toBe(true);
        },
      ),
    );
  });

  it('mergeFieldWrite leaves a derived field untouched', () => {
    expect(mergeFieldWrite('ticket', undefined, write('status', 'closed', hlc(1)), 'change')).toEqual({
      state: undefined,
      outcome: 'derived',
    });
  });
});

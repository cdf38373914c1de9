import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_DRIFT_MS,
  HLC_MAX_COUNTER,
  HlcCounterOverflowError,
  HlcDriftError,
  type Hlc,
  compareHlc,
  decodeHlc,
  encodeHlc,
  initialHlc,
  newNodeId,
  receive,
  tick,
} from './hlc';

const NOW = Date.UTC(2026, 2, 10, 1, 0, 0);
const hlc = (wallMs: number, counter: number, nodeId = 'aaaaaaaaaa'): Hlc => ({ wallMs, counter, nodeId });

const nodeIdArb = fc.stringMatching(/^[0-9a-z]{10}$/);
const hlcArb = fc.record({
  wallMs: fc.integer({ min: 0, max: 0xffff_ffff_ffff }),
  counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }),
  nodeId: nodeIdArb,
});

describe('tick', () => {
  it('takes the wall clock when it has moved on', () => {
    expect(tick(hlc(NOW - 5, 7), NOW)).toEqual(hlc(NOW, 0));
  });

  it('counts within the same millisecond', () => {
    expect(tick(hlc(NOW, 3), NOW)).toEqual(hlc(NOW, 4));
  });

  it('stays ahead when the wall clock steps back', () => {
    expect(tick(hlc(NOW, 3), NOW - 60_000)).toEqual(hlc(NOW, 4));
  });

  it('refuses to overflow the counter, saying why', () => {
    expect(() => tick(hlc(NOW, HLC_MAX_COUNTER), NOW)).toThrow(HlcCounterOverflowError);
    expect(() => tick(hlc(NOW, HLC_MAX_COUNTER), NOW)).toThrow(/同一毫秒内的修改超过 65536 次/);
  });

  it('refuses a broken local clock or wall time', () => {
    expect(() => tick(hlc(NOW, 0, 'BAD'), NOW)).toThrow(/节点编号 "BAD" 无效/);
    expect(() => tick(hlc(NOW, 0), Number.NaN)).toThrow(/本机时间无效/);
  });
});

describe('receive', () => {
  it('moves past a remote clock that is ahead', () => {
    expect(receive(hlc(NOW - 10, 2), hlc(NOW + 1000, 5, 'bbbbbbbbbb'), NOW)).toEqual(hlc(NOW + 1000, 6));
  });

  it('moves past the larger counter when all three times agree', () => {
    expect(receive(hlc(NOW, 2), hlc(NOW, 9, 'bbbbbbbbbb'), NOW)).toEqual(hlc(NOW, 10));
    expect(receive(hlc(NOW, 9), hlc(NOW, 2, 'bbbbbbbbbb'), NOW)).toEqual(hlc(NOW, 10));
  });

  it('takes the wall clock when it is ahead of both', () => {
    expect(receive(hlc(NOW - 10, 2), hlc(NOW - 5, 5, 'bbbbbbbbbb'), NOW)).toEqual(hlc(NOW, 0));
  });

  it('keeps its own node id', () => {
    expect(receive(hlc(NOW, 0), hlc(NOW + 1, 0, 'bbbbbbbbbb'), NOW).nodeId).toBe('aaaaaaaaaa');
  });

  it('accepts a remote clock exactly at the drift limit and rejects one a millisecond beyond', () => {
    const local = hlc(NOW, 0);
    expect(receive(local, hlc(NOW + DEFAULT_MAX_DRIFT_MS, 0, 'bbbbbbbbbb'), NOW).wallMs).toBe(
      NOW + DEFAULT_MAX_DRIFT_MS,
    );
    expect(() => receive(local, hlc(NOW + DEFAULT_MAX_DRIFT_MS + 1, 0, 'bbbbbbbbbb'), NOW)).toThrow(
      HlcDriftError,
    );
  });

  it('explains a drift rejection in Chinese and honours a custom limit', () => {
    const remote = hlc(NOW + 30 * 60_000, 0, 'bbbbbbbbbb');
    expect(() => receive(hlc(NOW, 0), remote, NOW)).toThrow(
      '收到的时间戳比本机时钟快约 30 分钟，超过允许的 5 分钟：请检查本机或对方电脑的系统时间后再同步',
    );
    expect(receive(hlc(NOW, 0), remote, NOW, { maxDriftMs: 60 * 60_000 }).wallMs).toBe(remote.wallMs);
  });

  it('rejects a malformed remote clock', () => {
    expect(() => receive(hlc(NOW, 0), hlc(NOW, -1, 'bbbbbbbbbb'), NOW)).toThrow(/计数部分无效/);
  });

  it('is always after both the local clock and the remote event (property)', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, fc.integer({ min: 0, max: 0xffff_ffff_0000 }), (local, remote, now) => {
        fc.pre(remote.wallMs - now <= DEFAULT_MAX_DRIFT_MS);
        fc.pre(local.counter < HLC_MAX_COUNTER && remote.counter < HLC_MAX_COUNTER);
        const next = receive(local, remote, now);
        expect(compareHlc(next, { ...local, nodeId: next.nodeId })).toBe(1);
        expect(
          next.wallMs > remote.wallMs || (next.wallMs === remote.wallMs && next.counter > remote.counter),
        ).toBe(true);
      }),
    );
  });
});

describe('a node that ticks and receives in any order', () => {
  it('hands out strictly increasing clocks (property)', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('tick' as const),
        wallStep: fc.integer({ min: -120_000, max: 120_000 }),
      }),
      fc.record({
        kind: fc.constant('receive' as const),
        wallStep: fc.integer({ min: -120_000, max: 120_000 }),
        remoteOffset: fc.integer({ min: -600_000, max: DEFAULT_MAX_DRIFT_MS }),
        remoteCounter: fc.integer({ min: 0, max: 50 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        let now = NOW;
        let clock = initialHlc('aaaaaaaaaa');
        for (const s of steps) {
          now = Math.max(0, now + s.wallStep);
          const next =
            s.kind === 'tick'
              ? tick(clock, now)
              : receive(clock, hlc(Math.max(0, now + s.remoteOffset), s.remoteCounter, 'bbbbbbbbbb'), now);
          expect(compareHlc(next, clock)).toBe(1);
          clock = next;
        }
      }),
    );
  });
});

describe('encoding', () => {
  it('has a fixed width and reads back', () => {
    const clock = hlc(NOW, 42, 'k3j9x2m1qa');
    const text = encodeHlc(clock);
    expect(text).toBe(`${NOW.toString(16).padStart(12, '0')}-002a-k3j9x2m1qa`);
    expect(text).toHaveLength(28);
    expect(decodeHlc(text)).toEqual(clock);
  });

  it('sorts as strings exactly as compareHlc orders (property)', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const byString = encodeHlc(a) < encodeHlc(b) ? -1 : encodeHlc(a) > encodeHlc(b) ? 1 : 0;
        expect(byString).toBe(compareHlc(a, b));
        expect(compareHlc(b, a)).toBe(-compareHlc(a, b) || 0);
      }),
    );
  });

  it('breaks ties by node id', () => {
    expect(compareHlc(hlc(NOW, 1, 'aaaaaaaaab'), hlc(NOW, 1, 'aaaaaaaaaa'))).toBe(1);
    expect(compareHlc(hlc(NOW, 1), hlc(NOW, 1))).toBe(0);
  });

  it('rejects malformed text with the expected shape in the message', () => {
    expect(() => decodeHlc('0195-0000-abc')).toThrow(
      /格式无效：应为 12 位十六进制时间-4 位十六进制计数-10 位节点编号/,
    );
    expect(() => decodeHlc(`${'0'.repeat(12)}-0000-AAAAAAAAAA`)).toThrow(RangeError);
  });

  it('refuses to encode a clock that would not keep its width', () => {
    expect(() => encodeHlc(hlc(0x1_0000_0000_0000, 0))).toThrow(/时间部分无效/);
    expect(() => encodeHlc(hlc(NOW, HLC_MAX_COUNTER + 1))).toThrow(/计数部分无效/);
  });
});

describe('node ids', () => {
  it('are ten characters of lower-case Crockford base 32', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newNodeId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9abcdefghjkmnpqrstvwxyz]{10}$/);
  });

  it('come from the random source given', () => {
    expect(newNodeId((length) => new Uint8Array(length).fill(33))).toBe('1111111111');
    expect(() => newNodeId(() => new Uint8Array(3))).toThrow(/只给出了 3 个字节/);
  });

  it('are checked when a clock is made', () => {
    expect(() => initialHlc('short')).toThrow(/应为 10 位小写字母或数字/);
    expect(initialHlc('abcdefghjk')).toEqual({ wallMs: 0, counter: 0, nodeId: 'abcdefghjk' });
  });
});

import { secureRandomBytes } from '../records/record-id';

/**
 * Hybrid logical clock (Kulkarni et al., 2014): a wall-clock time in milliseconds, a counter that orders
 * events within the same millisecond (or while the local wall clock lags behind a clock already seen),
 * and the id of the client database that made the event. Every field write carries one; the larger
 * HLC wins a merge, and the node id breaks ties, so every replica picks the same winner.
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly nodeId: string;
}

/** 12 hex digits of milliseconds reach the year 10889. */
export const HLC_MAX_WALL_MS = 0xffff_ffff_ffff;
/** 4 hex digits: 65,536 events in one millisecond before the clock must refuse. */
export const HLC_MAX_COUNTER = 0xffff;
/** A remote clock further ahead of ours than this is a misconfigured PC, not a fast typist. */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;

export const NODE_ID_LENGTH = 10;
const NODE_ID = /^[0-9a-z]{10}$/;
const ENCODED = /^([0-9a-f]{12})-([0-9a-f]{4})-([0-9a-z]{10})$/;
/** Crockford's base 32 in lower case: no i, l, o or u, so an id read aloud or typed back is unambiguous. */
const NODE_ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export class HlcDriftError extends Error {
  constructor(
    readonly remoteWallMs: number,
    readonly nowMs: number,
    readonly maxDriftMs: number,
  ) {
    const aheadMinutes = Math.round((remoteWallMs - nowMs) / 60_000);
    super(
      `收到的时间戳比本机时钟快约 ${aheadMinutes} 分钟，超过允许的 ${Math.round(maxDriftMs / 60_000)} 分钟：` +
        '请检查本机或对方电脑的系统时间后再同步',
    );
    this.name = 'HlcDriftError';
  }
}

export class HlcCounterOverflowError extends Error {
  constructor(readonly wallMs: number) {
    super(`同一毫秒内的修改超过 ${HLC_MAX_COUNTER + 1} 次，混合逻辑时钟无法继续计数：请检查系统时间是否停滞`);
    this.name = 'HlcCounterOverflowError';
  }
}

export function assertNodeId(nodeId: string): void {
  if (!NODE_ID.test(nodeId)) {
    throw new RangeError(`节点编号 "${nodeId}" 无效：应为 ${NODE_ID_LENGTH} 位小写字母或数字`);
  }
}

/** The clock of a database that has seen nothing yet. */
export function initialHlc(nodeId: string): Hlc {
  assertNodeId(nodeId);
  return { wallMs: 0, counter: 0, nodeId };
}

/** The clock for a local event (a save): later than everything this node has sent or seen. */
export function tick(local: Hlc, nowMs: number): Hlc {
  assertHlc(local, '本机时钟');
  assertWall(nowMs, '本机时间');
  if (nowMs > local.wallMs) return { wallMs: nowMs, counter: 0, nodeId: local.nodeId };
  return { wallMs: local.wallMs, counter: nextCounter(local.counter, local.wallMs), nodeId: local.nodeId };
}

/**
 * The clock after receiving a remote event: later than both the local clock and the remote event.
 * Throws HlcDriftError when the remote clock is more than `maxDriftMs` ahead of `nowMs`: accepting it
 * would drag every later local write into that future.
 */
export function receive(
  local: Hlc,
  remote: Hlc,
  nowMs: number,
  options: { readonly maxDriftMs?: number } = {},
): Hlc {
  assertHlc(local, '本机时钟');
  assertWall(nowMs, '本机时间');
  assertHlc(remote, '收到的时间戳');
  const maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
  if (remote.wallMs - nowMs > maxDriftMs) throw new HlcDriftError(remote.wallMs, nowMs, maxDriftMs);

  const wallMs = Math.max(local.wallMs, remote.wallMs, nowMs);
  let counter: number;
  if (wallMs === local.wallMs && wallMs === remote.wallMs) {
    counter = nextCounter(Math.max(local.counter, remote.counter), wallMs);
  } else if (wallMs === local.wallMs) {
    counter = nextCounter(local.counter, wallMs);
  } else if (wallMs === remote.wallMs) {
    counter = nextCounter(remote.counter, wallMs);
  } else {
    counter = 0;
  }
  return { wallMs, counter, nodeId: local.nodeId };
}

/** Total order: wall time, then counter, then node id (as plain code-unit string order). */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.nodeId === b.nodeId) return 0;
  return a.nodeId < b.nodeId ? -1 : 1;
}

/**
 * `wwwwwwwwwwww-cccc-nnnnnnnnnn`: 12 hex digits of wall time, 4 of counter, the 10-character node id.
 * Every part has a fixed width and uses only digits and lower-case letters, so the strings sort in
 * `compareHlc` order as IndexedDB keys and in PostgreSQL (the `C` collation is still advisable for
 * index speed, but any collation that orders digits before letters gives the same order).
 */
export function encodeHlc(hlc: Hlc): string {
  assertHlc(hlc, '时间戳');
  return `${hlc.wallMs.toString(16).padStart(12, '0')}-${hlc.counter.toString(16).padStart(4, '0')}-${hlc.nodeId}`;
}

export function decodeHlc(text: string): Hlc {
  const match = ENCODED.exec(text);
  if (!match) {
    throw new RangeError(`时间戳 "${text}" 格式无效：应为 12 位十六进制时间-4 位十六进制计数-10 位节点编号`);
  }
  const [, wall, counter, nodeId] = match as unknown as [string, string, string, string];
  return { wallMs: parseInt(wall, 16), counter: parseInt(counter, 16), nodeId };
}

/**
 * A short random node id for a new client database. `randomBytes` defaults to the Web Crypto
 * `getRandomValues` that browsers, Electron and Node ≥ 20 all provide on `globalThis.crypto`.
 */
export function newNodeId(randomBytes: (length: number) => Uint8Array = secureRandomBytes): string {
  const bytes = randomBytes(NODE_ID_LENGTH);
  if (bytes.length < NODE_ID_LENGTH) throw new RangeError(`随机数来源只给出了 ${bytes.length} 个字节`);
  let id = '';
  for (let index = 0; index < NODE_ID_LENGTH; index += 1) {
    id += NODE_ID_ALPHABET[(bytes[index] as number) % NODE_ID_ALPHABET.length];
  }
  return id;
}

function nextCounter(counter: number, wallMs: number): number {
  if (counter >= HLC_MAX_COUNTER) throw new HlcCounterOverflowError(wallMs);
  return counter + 1;
}

function assertWall(wallMs: number, what: string): void {
  if (!Number.isInteger(wallMs) || wallMs < 0 || wallMs > HLC_MAX_WALL_MS) {
    throw new RangeError(`${what}无效：${wallMs}（应为非负整数毫秒）`);
  }
}

function assertHlc(hlc: Hlc, what: string): void {
  assertWall(hlc.wallMs, `${what}的时间部分`);
  if (!Number.isInteger(hlc.counter) || hlc.counter < 0 || hlc.counter > HLC_MAX_COUNTER) {
    throw new RangeError(`${what}的计数部分无效：${hlc.counter}（应为 0–${HLC_MAX_COUNTER}）`);
  }
  assertNodeId(hlc.nodeId);
}

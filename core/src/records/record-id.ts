import { z } from 'zod';

/**
 * Records are created offline on many PCs at once, so their ids are made by the client: random UUIDs
 * (version 4), written in lower case so the same id is the same string everywhere.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const recordIdSchema = z.string().regex(UUID, { error: '编号应为小写 UUID（如 0b6f…-…）' });
export type RecordId = z.infer<typeof recordIdSchema>;

export function isRecordId(value: string): boolean {
  return UUID.test(value);
}

/** A new random UUID v4. `randomBytes` is replaceable so tests can be deterministic. */
export function newRecordId(randomBytes: (length: number) => Uint8Array = secureRandomBytes): string {
  const bytes = randomBytes(16);
  if (bytes.length < 16) throw new RangeError(`随机数来源只给出了 ${bytes.length} 个字节，需要 16 个`);
  const b = Array.from(bytes.subarray(0, 16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = b.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface WebCrypto {
  getRandomValues(array: Uint8Array): Uint8Array;
}

/** Core has no DOM or Node typings; browsers, Electron and Node ≥ 20 expose Web Crypto on globalThis. */
export function secureRandomBytes(length: number): Uint8Array {
  const webCrypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (webCrypto === undefined) throw new Error('运行环境没有提供安全随机数（Web Crypto），无法生成编号');
  return webCrypto.getRandomValues(new Uint8Array(length));
}

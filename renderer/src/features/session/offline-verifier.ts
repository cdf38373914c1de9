import type { OfflineVerifierParams } from '@core/sync/protocol';
import { argon2id } from 'hash-wasm';

/**
 * What this PC keeps to check a password without the server: argon2id of the password with the
 * server-given salt and cost (docs/sync-protocol.md §2). Never the password, never the server's hash.
 */
export interface OfflineVerifier {
  readonly params: OfflineVerifierParams;
  /** Lower-case hex of the argon2id output. */
  readonly hash: string;
}

/** argon2 refuses salts shorter than 8 bytes; the server sends 16. */
const MIN_SALT_BYTES = 8;

function saltBytes(salt: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(salt);
  } catch {
    throw new Error('服务器发来的离线验证参数无效：salt 不是 Base64 文本');
  }
  if (binary.length < MIN_SALT_BYTES) {
    throw new Error(
      `服务器发来的离线验证参数无效：salt 只有 ${binary.length} 字节，至少应为 ${MIN_SALT_BYTES} 字节`,
    );
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function argon2Hex(password: string, params: OfflineVerifierParams): Promise<string> {
  return argon2id({
    password,
    salt: saltBytes(params.salt),
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: params.hashLength,
    outputType: 'hex',
  });
}

/** Derived after every successful online login, replacing the previous one (a reset changes the salt). */
export async function deriveOfflineVerifier(
  password: string,
  params: OfflineVerifierParams,
): Promise<OfflineVerifier> {
  if (password === '') throw new Error('密码为空，无法生成离线验证信息');
  return { params, hash: await argon2Hex(password, params) };
}

/** True when the password is the one the verifier was derived from. Compares in constant time. */
export async function checkOfflineVerifier(password: string, verifier: OfflineVerifier): Promise<boolean> {
  // No account has an empty password (the policy wants 8 characters), and argon2 refuses one.
  if (password === '') return false;
  return constantTimeEqual(await argon2Hex(password, verifier.params), verifier.hash);
}

/** Every character is compared, so the time taken says nothing about where two hashes differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}

import { randomBytes } from 'node:crypto';
import { argon2Verify, argon2id } from 'hash-wasm';
import type { Argon2Params } from '../auth/security-policy';

/** argon2id (pure WASM, so the same on every platform), in the PHC string format `$argon2id$v=19$…`. */
export async function hashPassword(password: string, params: Argon2Params): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: params.hashLength,
    outputType: 'encoded',
  });
}

/** Checks a password against a stored PHC string; the string carries its own salt and cost. */
export async function verifyPassword(password: string, encodedHash: string): Promise<boolean> {
  return argon2Verify({ password, hash: encodedHash });
}

/** The salt a client derives its offline verifier with (never the salt of the server's hash). */
export function newVerifierSalt(): string {
  return randomBytes(16).toString('base64');
}

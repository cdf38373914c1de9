import type { OfflineVerifierParams } from '@core/sync/protocol';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { checkOfflineVerifier, constantTimeEqual, deriveOfflineVerifier } from './offline-verifier';

// Cheap cost for tests; the algorithm is the same as with the server's 19 MiB.
const PARAMS: OfflineVerifierParams = {
  algorithm: 'argon2id',
  salt: btoa('0123456789abcdef'),
  memoryKiB: 64,
  iterations: 1,
  parallelism: 1,
  hashLength: 32,
};

describe('offline verifier', () => {
  it('is argon2id of the password with the server’s salt and cost, never the password', async () => {
    const verifier = await deriveOfflineVerifier('Yunwei#2026', PARAMS);
    const expected = await argon2id({
      password: 'Yunwei#2026',
      salt: new TextEncoder().encode('0123456789abcdef'),
      memorySize: 64,
      iterations: 1,
      parallelism: 1,
      hashLength: 32,
      outputType: 'hex',
    });
    expect(verifier).toEqual({ params: PARAMS, hash: expected });
    expect(verifier.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(verifier)).not.toContain('Yunwei#2026');
  });

  it('accepts the same password and refuses any other, including after a reset changed the salt', async () => {
    const verifier = await deriveOfflineVerifier('Yunwei#2026', PARAMS);
    expect(await checkOfflineVerifier('Yunwei#2026', verifier)).toBe(true);
    expect(await checkOfflineVerifier('yunwei#2026', verifier)).toBe(false);
    expect(await checkOfflineVerifier('', verifier)).toBe(false);
    const afterReset = await deriveOfflineVerifier('Yunwei#2026', {
      ...PARAMS,
      salt: btoa('fedcba9876543210'),
    });
    expect(afterReset.hash).not.toBe(verifier.hash);
  });

  it('refuses parameters it cannot use, saying what is wrong', async () => {
    await expect(deriveOfflineVerifier('x', { ...PARAMS, salt: '***' })).rejects.toThrow('salt 不是 Base64');
    await expect(deriveOfflineVerifier('x', { ...PARAMS, salt: btoa('short') })).rejects.toThrow(
      'salt 只有 5 字节',
    );
  });

  it('compares hashes of any length without stopping at the first difference', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});

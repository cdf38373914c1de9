import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecureTokenStore, type TokenCipher } from './secure-token-store';

/** A reversible stand-in for safeStorage: reverses the bytes, so stored text is not the plain text. */
function reversingCipher(available = true): TokenCipher {
  return {
    isAvailable: () => available,
    encrypt: (plainText) => Buffer.from(plainText, 'utf8').reverse(),
    decrypt: (cipherText) => Buffer.from(cipherText).reverse().toString('utf8'),
  };
}

let folder: string;
let filePath: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'yunwei-tokens-'));
  filePath = path.join(folder, 'nested', 'secure-tokens.json');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('SecureTokenStore', () => {
  it('round-trips tokens, storing only cipher text', async () => {
    const store = new SecureTokenStore(filePath, reversingCipher());
    expect(await store.read('session')).toBeNull();
    await store.write('session', '令牌-abc');
    await store.write('refresh', 'r-1');
    expect(await store.read('session')).toBe('令牌-abc');
    const onDisk = await readFile(filePath, 'utf8');
    expect(onDisk).not.toContain('令牌-abc');
    await store.delete('session');
    expect(await store.read('session')).toBeNull();
    expect(await new SecureTokenStore(filePath, reversingCipher()).read('refresh')).toBe('r-1');
  });

  it('keeps every write when many run at once', async () => {
    const store = new SecureTokenStore(filePath, reversingCipher());
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.write(`k${index}`, `v${index}`)));
    const values = await Promise.all(Array.from({ length: 20 }, (_, index) => store.read(`k${index}`)));
    expect(values).toEqual(Array.from({ length: 20 }, (_, index) => `v${index}`));
  });

  it('refuses to store a token when the OS cannot encrypt it', async () => {
    const store = new SecureTokenStore(filePath, reversingCipher(false));
    await expect(store.write('session', 'x')).rejects.toThrow('无法安全保存登录凭据');
  });

  it('reports a damaged file with its path instead of forgetting the tokens', async () => {
    const store = new SecureTokenStore(filePath, reversingCipher());
    await store.write('session', 'x');
    await writeFile(filePath, '{"version":1,"tokens":{"session":42}}');
    await expect(store.read('session')).rejects.toThrow(`凭据文件 ${filePath} 格式不正确（tokens.session:`);
    await writeFile(filePath, 'not json');
    await expect(store.write('other', 'y')).rejects.toThrow('不是有效的 JSON');
  });
});

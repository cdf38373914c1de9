import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeSchemaIssues } from '@core/host';

/** The OS-backed encryption Electron's safeStorage provides (DPAPI, or the Linux keyring). */
export interface TokenCipher {
  isAvailable(): boolean;
  encrypt(plainText: string): Buffer;
  decrypt(cipherText: Buffer): string;
}

const tokenFileSchema = z.strictObject({
  version: z.literal(1),
  tokens: z.record(z.string(), z.base64()),
});
type TokenFile = z.infer<typeof tokenFileSchema>;

/**
 * Tokens encrypted with the OS cipher, kept in one JSON file in the user-data folder. Writes go through
 * a queue so two concurrent calls cannot interleave their read-modify-write, and land by rename so a
 * crash mid-write leaves the previous file intact.
 */
export class SecureTokenStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly cipher: TokenCipher,
  ) {}

  async read(key: string): Promise<string | null> {
    const file = await this.serialized(() => this.load());
    const stored = file.tokens[key];
    if (stored === undefined) return null;
    this.requireCipher();
    return this.cipher.decrypt(Buffer.from(stored, 'base64'));
  }

  async write(key: string, value: string): Promise<void> {
    this.requireCipher();
    const encrypted = this.cipher.encrypt(value).toString('base64');
    await this.serialized(async () => {
      const file = await this.load();
      await this.save({ ...file, tokens: { ...file.tokens, [key]: encrypted } });
    });
  }

  async delete(key: string): Promise<void> {
    await this.serialized(async () => {
      const file = await this.load();
      if (!(key in file.tokens)) return;
      const tokens = Object.fromEntries(Object.entries(file.tokens).filter(([name]) => name !== key));
      await this.save({ ...file, tokens });
    });
  }

  private requireCipher(): void {
    if (!this.cipher.isAvailable()) {
      throw new Error(
        '本机系统不提供凭据加密（Windows 数据保护或 Linux 密钥环不可用），无法安全保存登录凭据',
      );
    }
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<TokenFile> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
        return { version: 1, tokens: {} };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`凭据文件 ${this.filePath} 不是有效的 JSON，请删除该文件后重新登录`, { cause: error });
    }
    const parsed = tokenFileSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(
        `凭据文件 ${this.filePath} 格式不正确（${describeSchemaIssues(parsed.error)}），请删除该文件后重新登录`,
      );
    }
    return parsed.data;
  }

  private async save(file: TokenFile): Promise<void> {
    await mkdir(path.dirname(this.filePath), { recursive: true });
    const temporary = `${this.filePath}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.filePath);
  }
}

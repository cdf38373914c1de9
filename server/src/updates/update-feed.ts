import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { load } from 'js-yaml';
import { valid } from 'semver';
import { z } from 'zod';

/**
 * The channel files electron-builder writes and electron-updater's generic provider reads: `latest.yml`
 * (Windows), `latest-linux.yml` (deb x64), `latest-linux-arm64.yml` (deb arm64), and the same for other
 * channels (`beta-linux.yml`, …).
 */
export const FEED_FILE_PATTERN = /^[a-z][a-z0-9]*(-linux(-arm64)?)?\.yml$/;

/** An installer named in a feed file: a bare name in the same folder, never a path. */
const feedFileNameSchema = z
  .string()
  .regex(/^[^/\\]+$/, { error: '文件名不能含路径' })
  .refine((name) => !name.startsWith('.'), { error: '文件名不能以“.”开头' });

const feedEntrySchema = z.object({
  url: feedFileNameSchema,
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, { error: 'sha512 应为 base64 编码的 64 字节' }),
  size: z.number().int().positive({ error: 'size 应为正整数（字节）' }),
});

/** What a publish checks of electron-builder's UpdateInfo; other keys (releaseNotes, …) pass through. */
export const feedInfoSchema = z.looseObject({
  version: z
    .union([z.string(), z.number()])
    .transform(String)
    .refine((version) => valid(version) !== null, { error: 'version 不是语义化版本号（如 1.2.3）' }),
  files: z.array(feedEntrySchema).min(1, { error: 'files 不能为空' }),
  releaseDate: z.string().optional(),
  stagingPercentage: z
    .number()
    .min(0, { error: 'stagingPercentage 应在 0–100 之间' })
    .max(100, { error: 'stagingPercentage 应在 0–100 之间' })
    .optional(),
});
export type FeedInfo = z.infer<typeof feedInfoSchema>;

/** Parses a feed file's text, or gives the reason in the admin's words. */
export function parseFeedInfo(text: string): { ok: true; info: FeedInfo } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = load(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `不是有效的 YAML（${reason}）` };
  }
  const parsed = feedInfoSchema.safeParse(raw);
  if (parsed.success) return { ok: true, info: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length === 0 ? '' : `${issue.path.join('.')}：`;
    return `${where}${issue.message}`;
  });
  return { ok: false, reason: problems.join('；') };
}

/** What electron-builder writes into `sha512`: the file's SHA-512 in base64. */
export function sha512Base64(file: string): Promise<string> {
  return new Promise((resolveHash, rejectHash) => {
    const hash = createHash('sha512');
    createReadStream(file)
      .on('error', rejectHash)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolveHash(hash.digest('base64')));
  });
}

import { z } from 'zod';

/**
 * Payload and result schemas for every HostApi call. Electron's main process parses each payload with
 * these before a handler runs, because the renderer is untrusted from main's point of view.
 */

/** Characters Windows forbids in file names, plus both path separators and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be rejected
const FORBIDDEN_FILE_NAME_CHARS = /[<>:"/\\|?*\u0000-\u001f]/;
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

export const suggestedFileNameSchema = z
  .string()
  .min(1, { error: '文件名不能为空' })
  .max(200, { error: '文件名不能超过 200 个字符' })
  .refine((name) => !FORBIDDEN_FILE_NAME_CHARS.test(name), {
    error: '文件名不能包含路径分隔符、控制字符或 < > : " | ? *',
  })
  .refine((name) => name.trim() === name && !name.endsWith('.'), {
    error: '文件名不能以空格开头或结尾，也不能以句点结尾',
  })
  .refine((name) => !WINDOWS_RESERVED_NAME.test(name), { error: '文件名是 Windows 保留名称' })
  .refine((name) => /\.[A-Za-z0-9]{1,8}$/.test(name), { error: '文件名须带扩展名，如 .pdf、.docx' });

/** Reports and exports stay well below this; a larger payload is a bug, not a document. */
export const MAX_SAVE_BYTES = 64 * 1024 * 1024;

export const saveFileRequestSchema = z.strictObject({
  suggestedName: suggestedFileNameSchema,
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, { error: 'MIME 类型格式无效' }),
  data: z.union([
    z
      .instanceof(Uint8Array)
      .refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, { error: '文件超过 64 MB 上限' }),
    z.string().max(MAX_SAVE_BYTES, { error: '文件超过 64 MB 上限' }),
  ]),
});

export const printToPdfRequestSchema = z.strictObject({
  suggestedName: suggestedFileNameSchema.refine((name) => name.toLowerCase().endsWith('.pdf'), {
    error: 'PDF 文件名须以 .pdf 结尾',
  }),
  landscape: z.boolean(),
});

/**
 * What became of a save or print:
 * - `saved`: the host wrote the file where the user chose;
 * - `cancelled`: the user closed the dialog;
 * - `handed-to-browser`: a browser's own download or print dialog took over and does not report back.
 */
export const saveOutcomeSchema = z.enum(['saved', 'cancelled', 'handed-to-browser']);

export const notifyRequestSchema = z.strictObject({
  title: z.string().min(1, { error: '通知标题不能为空' }).max(100, { error: '通知标题不能超过 100 个字符' }),
  body: z.string().max(500, { error: '通知内容不能超过 500 个字符' }),
  /** The app's page a click on the notification opens (a hash route such as `/tickets/<id>`). */
  link: z
    .string()
    .max(300, { error: '通知链接不能超过 300 个字符' })
    .regex(/^\/[A-Za-z0-9/_-]*(\?[A-Za-z0-9=&_%.:-]*)?$/, {
      error: '通知链接应为应用内的页面地址，如 /tickets/编号',
    })
    .optional(),
});

export const notifyResultSchema = z.discriminatedUnion('shown', [
  z.strictObject({ shown: z.literal(true) }),
  z.strictObject({ shown: z.literal(false), reason: z.string() }),
]);

export const secureTokenKeySchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, {
  error: '凭据名称只能由小写字母、数字、. _ - 组成，最长 64 个字符',
});

export const secureTokenKeyRequestSchema = z.strictObject({ key: secureTokenKeySchema });

export const secureTokenWriteRequestSchema = z.strictObject({
  key: secureTokenKeySchema,
  value: z
    .string()
    .min(1, { error: '凭据不能为空' })
    .max(16 * 1024, { error: '凭据不能超过 16 KB' }),
});

export const secureTokenReadResultSchema = z.strictObject({ value: z.string().nullable() });

export const emptyRequestSchema = z.strictObject({});

export const hostKindSchema = z.enum(['electron', 'web']);

export const appVersionSchema = z.strictObject({
  version: z.string().min(1),
  host: hostKindSchema,
});

/**
 * - `up-to-date` / `available`: the update server answered;
 * - `not-applicable`: this host does not update itself (a browser reloads what the server serves, a
 *   development build is not installed); `reason` says why in Chinese.
 */
export const updateCheckResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('up-to-date'), currentVersion: z.string() }),
  z.strictObject({ status: z.literal('available'), currentVersion: z.string(), latestVersion: z.string() }),
  z.strictObject({ status: z.literal('not-applicable'), reason: z.string() }),
]);

/** A check that could not be completed: the server unreachable, the feed damaged; `reason` in Chinese. */
export const updateOutcomeSchema = z.discriminatedUnion('status', [
  ...updateCheckResultSchema.options,
  z.strictObject({ status: z.literal('failed'), reason: z.string() }),
]);

/**
 * For 关于: a self-updating host names where updates come from and its last check (null before the
 * first); a host that does not update itself says why.
 */
export const updateStatusSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('self-updating'),
    source: z.string(),
    lastCheck: z.strictObject({ at: z.number(), outcome: updateOutcomeSchema }).nullable(),
  }),
  z.strictObject({ kind: z.literal('not-applicable'), reason: z.string() }),
]);

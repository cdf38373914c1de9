import { z } from 'zod';
import { describeSchemaIssues } from '../host/schema-issues';

/**
 * Zod's own messages (a wrong type, an unknown key) in Chinese, for this parse only: the messages the
 * schemas set themselves take precedence, and nothing global is changed.
 */
const chineseMessages = z.locales.zhCN().localeError;

/** Parses with Chinese default messages. */
export function safeParseInChinese<Schema extends z.ZodType>(schema: Schema, value: unknown) {
  return schema.safeParse(value, { error: chineseMessages });
}

/** What a domain function returns when it refuses: a Chinese sentence the UI can show as is. */
export interface Refusal {
  readonly ok: false;
  readonly reason: string;
}

export function refuse(reason: string): Refusal {
  return { ok: false, reason };
}

export class RecordValidationError extends Error {
  constructor(
    readonly what: string,
    readonly issues: string,
  ) {
    super(`${what}数据无效：${issues}`);
    this.name = 'RecordValidationError';
  }
}

/** Parses or refuses with every problem as "path: reason", prefixed by what was being checked. */
export function parseRecord<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): { readonly ok: true; readonly value: z.output<Schema> } | Refusal {
  const result = safeParseInChinese(schema, value);
  if (result.success) return { ok: true, value: result.data };
  return refuse(`${what}数据无效：${describeSchemaIssues(result.error)}`);
}

/** Like parseRecord, for code paths where bad data is a bug rather than user input. */
export function parseRecordOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const result = safeParseInChinese(schema, value);
  if (result.success) return result.data;
  throw new RecordValidationError(what, describeSchemaIssues(result.error));
}

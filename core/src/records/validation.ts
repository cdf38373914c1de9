import { z } from 'zod';
import { describeSchemaIssues } from '../host/schema-issues';
import { UNSTORABLE_TEXT_REASON, quoteText, unstorableTextPath } from './storable-text';

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

/**
 * Parses or refuses with every problem as "path: reason", prefixed by what was being checked. A
 * record whose text the databases cannot store (storable-text.ts) is refused as the server refuses it.
 */
export function parseRecord<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): { readonly ok: true; readonly value: z.output<Schema> } | Refusal {
  const issues = recordIssues(schema, value);
  return issues.ok ? issues : refuse(`${what}数据无效：${issues.issues}`);
}

/** Like parseRecord, for code paths where bad data is a bug rather than user input. */
export function parseRecordOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const issues = recordIssues(schema, value);
  if (issues.ok) return issues.value;
  throw new RecordValidationError(what, issues.issues);
}

function recordIssues<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): { readonly ok: true; readonly value: z.output<Schema> } | { readonly ok: false; readonly issues: string } {
  const result = safeParseInChinese(schema, value);
  if (!result.success) return { ok: false, issues: describeSchemaIssues(result.error) };
  const unstorable = unstorableTextPath(result.data);
  if (unstorable === undefined) return { ok: true, value: result.data };
  const path =
    unstorable.length === 0 ? '（整体）' : unstorable.map((part) => quoteText(String(part))).join('.');
  return { ok: false, issues: `${path}: ${UNSTORABLE_TEXT_REASON}` };
}

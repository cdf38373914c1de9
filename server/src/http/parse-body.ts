import { describeSchemaIssues } from '@core/host/schema-issues';
import { safeParseInChinese } from '@core/records/validation';
import type { z } from 'zod';
import { ApiError } from './api-error';

/** Validates a request body with its protocol schema: 400 naming every problem, or the parsed value. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = safeParseInChinese(schema, body);
  if (!result.success) {
    throw new ApiError(400, 'invalid_body', `请求内容无效：${describeSchemaIssues(result.error)}`);
  }
  return result.data;
}

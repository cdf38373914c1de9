import { describeSchemaIssues } from '@core/host/schema-issues';
import { safeParseInChinese } from '@core/records/validation';
import { MAX_JSON_DEPTH, nestsDeeperThan, quoteText } from '@core/records/storable-text';
import type { z } from 'zod';
import { ApiError } from './api-error';

const MAX_MESSAGE_CHARACTERS = 2000;

/**
 * Validates a request body with its protocol schema: 400 naming every problem, or the parsed value.
 * The nesting is checked first, without recursion: the schemas walk JSON values recursively, and a
 * value nested thousands of levels deep would overflow the stack.
 */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new ApiError(
      400,
      'invalid_body',
      `请求内容无效：数据嵌套超过 ${MAX_JSON_DEPTH} 层，记录中不会有这样的内容`,
    );
  }
  const result = safeParseInChinese(schema, body);
  if (!result.success) {
    // Bounded: a schema's message may quote what the client sent (an unknown key of any length).
    const issues = quoteText(describeSchemaIssues(result.error), MAX_MESSAGE_CHARACTERS);
    throw new ApiError(400, 'invalid_body', `请求内容无效：${issues}`);
  }
  return result.data;
}

import type { z } from 'zod';

/**
 * A message zod wrote for the program, not for a person: it names a type, an option or a field
 * ("无效输入：期望 string，实际接收 undefined", "应为 phone、wechat 之一"). The schemas' own messages are
 * plain Chinese sentences ("请填写标题").
 */
const TECHNICAL = /期望|实际接收|无效输入|之一|[A-Za-z_]{3,}/u;

/**
 * Why the server cannot take a change whose merged record breaks the schema, in the user's words:
 * never a field name, a type or an enum value. A change to a record the server does not have cannot
 * stand alone: the change that creates it was refused, and re-sending that sends the whole record.
 */
export function describeInvalidMerge(label: string, recordExists: boolean, error: z.ZodError): string {
  if (!recordExists) {
    return `服务器上还没有这条${label}（新建它的修改未被接受），这条修改不能单独保存：请在“同步状态”中重新发送，会连同${label}的全部内容一起发送`;
  }
  return `合并后的${label}不符合要求：${describeIssuesPlainly(error)}`;
}

/**
 * A schema's complaints as a person reads them: its own sentences, each once, and for the rest (zod's
 * messages for the program) only that something is incomplete or malformed.
 */
export function describeIssuesPlainly(error: z.ZodError): string {
  const plain = [...new Set(error.issues.map((issue) => issue.message))].filter(
    (message) => !TECHNICAL.test(message),
  );
  const technical = error.issues.some((issue) => TECHNICAL.test(issue.message));
  if (!technical) return plain.join('；');
  return [...plain, plain.length === 0 ? '内容不完整或格式不对' : '还有内容不完整或格式不对'].join('；');
}

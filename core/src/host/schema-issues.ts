import type { z } from 'zod';

/** One line per problem: the JSON path of the offending value and why it was rejected. */
export function describeSchemaIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `${issue.path.length === 0 ? '（整体）' : issue.path.map(String).join('.')}: ${issue.message}`,
    )
    .join('；');
}

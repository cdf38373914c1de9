import { UsageError } from './cli-errors';

/**
 * Runs node:util parseArgs (strict) and turns its errors into usage errors that carry the command's
 * usage, in Chinese. Callers pass the parse as a thunk so that its precise option types stay at the
 * call site.
 */
export function parseOptions<T>(usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // Anything but parseArgs' own refusal is a fault of the program, not of the arguments.
    if (!(error instanceof Error) || !String(codeOf(error)).startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new UsageError(describeParseError(error), usage);
  }
}

/**
 * parseArgs says what is wrong in English ("Unknown option '--data'. To specify a positional argument
 * starting with a '-', place it at the end of the command…"); its error code says which mistake it
 * is and its message quotes the argument, which is all the Chinese message needs.
 */
function describeParseError(error: Error): string {
  const code = codeOf(error);
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  // "Option '-s, --since <value>' argument missing" quotes the short and long names and a placeholder.
  const option = /--[\w-]+|-\w/.exec(quoted)?.[0] ?? quoted;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `没有选项 ${option}（可用的选项见下面的用法）`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数：${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (error.message.includes('argument missing')) return `选项 ${option} 后面缺少取值`;
      if (error.message.includes('does not take an argument')) return `选项 ${option} 不带取值`;
      if (error.message.includes('ambiguous')) {
        return `选项 ${option} 的取值以“-”开头，容易被当成另一个选项；如确是取值，请写成 ${option}=取值`;
      }
      return `选项 ${option} 的取值不对`;
    default:
      return '参数不对，请对照下面的用法';
  }
}

function codeOf(error: Error): unknown {
  return (error as Error & { readonly code?: unknown }).code;
}

export function requireOption(value: string | undefined, name: string, usage: string): string {
  if (value === undefined || value === '') throw new UsageError(`缺少参数 --${name}`, usage);
  return value;
}

export function positiveInteger(value: string, name: string, usage: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} 应为正整数，收到 "${value}"`, usage);
  }
  return Number(value);
}

import { UsageError } from './cli-errors';

/**
 * Runs node:util parseArgs (strict) and turns its errors into usage errors that carry the command's
 * usage. Callers pass the parse as a thunk so that its precise option types stay at the call site.
 */
export function parseOptions<T>(usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
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

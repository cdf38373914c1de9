import type { z } from 'zod';

/** One problem in a profile: where (a JSON path such as `subsystems[4].sla.fault.major`) and what is expected. */
export interface ProfileIssue {
  readonly path: string;
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['subsystems', 4, 'schedules', '24x7']` → `subsystems[4].schedules["24x7"]`; the root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text === '' ? '(root)' : text;
}

/** Turns zod issues into profile issues; an unknown-keys issue becomes one issue per key, at that key. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ProfileIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: issue.message }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

/**
 * Messages for zod's built-in checks, saying what was expected. Passed to `safeParse` so that it covers
 * every schema of the profile without touching zod's global configuration, which other parts share.
 * Schema-level messages (unknown keys, schedule syntax, cross-field rules) take precedence over it.
 */
export const profileErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `required: expected ${describeType(issue.expected)}`
        : `expected ${describeType(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'too_small':
      return describeBound(issue.origin, issue.minimum, issue.inclusive ?? true, 'min');
    case 'too_big':
      return describeBound(issue.origin, issue.maximum, issue.inclusive ?? true, 'max');
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `expected one of: ${issue.options.map((option) => JSON.stringify(option)).join(', ')}`
        : 'expected a value of one of the allowed shapes';
    case 'invalid_key':
      return `invalid key: ${issue.issues.map((inner) => inner.message).join('; ')}`;
    case 'unrecognized_keys':
      return 'unknown key';
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    default:
      return undefined;
  }
};

function describeType(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function describeBound(
  origin: string,
  limit: number | bigint | Date,
  inclusive: boolean,
  side: 'min' | 'max',
): string {
  const bound = Number(limit);
  if (origin === 'number' || origin === 'int') {
    if (side === 'min' && bound === 0)
      return inclusive ? 'expected zero or a positive number' : 'expected a positive number';
    return `expected a number ${side === 'min' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<'} ${bound}`;
  }
  if (origin === 'string') {
    if (side === 'min' && bound === 1) return 'expected a non-empty string';
    return `expected ${side === 'min' ? 'at least' : 'at most'} ${bound} characters`;
  }
  if (origin === 'array' || origin === 'set') {
    return `expected ${side === 'min' ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`;
  }
  return `expected a ${origin} ${side === 'min' ? 'from' : 'up to'} ${bound}`;
}

/*
 * What text the system stores. JSON can carry any sequence of UTF-16 code units, but PostgreSQL
 * refuses U+0000 in text and jsonb, and a lone surrogate (half of an emoji, left by cutting a string
 * in the middle of one) has no UTF-8 form: jsonb refuses it, a text column silently turns it into
 * U+FFFD. Every string of a record (values and object keys) must therefore be storable text, checked
 * by the same predicate on the client before a save and on the server before a push is applied, so
 * both databases and every client hold the same text.
 */

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Why a string was refused: what a person reads after the path of the value. */
export const UNSTORABLE_TEXT_REASON =
  '含有无法保存的字符（空字符，或被截断的表情符号等不完整的字符），请删除后重新输入';

/**
 * Deepest nesting of objects and arrays a request body may have; a push of the deepest record needs
 * about ten.
 */
export const MAX_JSON_DEPTH = 64;

/** True when the text has no U+0000 and no lone surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes(NUL) && !LONE_SURROGATE.test(text);
}

/**
 * The path of the first string or object key in a JSON value that is not storable text, or
 * undefined when all are. Iterative, so a value of any depth is walked without recursion.
 */
export function unstorableTextPath(value: unknown): (string | number)[] | undefined {
  // Each entry links to its parent: the path is rebuilt only for the string that fails.
  const pending: WalkStep[] = [{ value, parent: undefined, key: undefined }];
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    const current = step.value;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return pathOf(step);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, parent: step, key: index }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (!isStorableText(key)) return [...pathOf(step), key];
        pending.push({ value: item, parent: step, key });
      }
    }
  }
  return undefined;
}

interface WalkStep {
  readonly value: unknown;
  readonly parent: WalkStep | undefined;
  readonly key: string | number | undefined;
}

function pathOf(step: WalkStep): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: WalkStep | undefined = step; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** True when objects and arrays in the value nest deeper than `maxDepth`. Iterative, like the walk above. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, depth } = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      if (item !== null && typeof item === 'object') pending.push({ value: item, depth: depth + 1 });
    }
  }
  return false;
}

/** Longest piece of a client's text a message quotes. */
export const MAX_QUOTED_CHARACTERS = 64;

/**
 * A client's text as a message may quote it: storable (each unstorable character shown as U+FFFD)
 * and at most `max` characters, cut with an ellipsis, so a reason that quotes a 1 MB field name
 * stays short wherever it is kept.
 */
export function quoteText(text: string, max: number = MAX_QUOTED_CHARACTERS): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replaceAll(NUL, '\uFFFD').replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * Chinese search without word spaces (docs/records.md, "Search"). A record is indexed under a small set
 * of tokens (an IndexedDB multiEntry index); a query becomes terms that must all match a token, either
 * exactly or as a prefix, so each term is one index lookup: `IDBKeyRange.only(token)` or
 * `IDBKeyRange.bound(token, token + '\uffff')`.
 *
 * - Han runs become overlapping bigrams (运维台 → 运维, 维台) plus the run's last character, so a
 *   one-character query can be answered by prefix: every occurrence of a character starts a bigram or
 *   ends a run.
 * - Other letters and digits form words, lower-cased; words joined by . - _ @ : / + (or digit groups
 *   joined by single spaces, as phone numbers are written) also give the joined word without the
 *   joiners: 0851-86812345 → 085186812345, 0851, 86812345. Query words match by prefix, so a phone
 *   number is found by its first digits or by any of its written groups.
 * - Full-width forms are folded to half-width (NFKC): １３８ → 138, ＯＡ → oa.
 */

/** Tokens per record: enough for a title, a reporter and the head of a description. */
export const MAX_RECORD_TOKENS = 256;
/** Longer words (hashes, URLs) are cut; a query word is cut the same way, so it still matches. */
export const MAX_TOKEN_LENGTH = 32;

export interface QueryTerm {
  readonly token: string;
  /** Match any record token starting with `token` (one Han character, or a word). */
  readonly prefix: boolean;
}

const SEGMENT =
  /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:[.\-_@:/+](?:(?!\p{Script=Han})[\p{L}\p{N}])+)*)/gu;
const JOINER = /[.\-_@:/+]/;

export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d) (?=\d)/g, '$1-');
}

/** The tokens of one text, in order of first appearance, at most `maxTokens`. */
export function searchTokens(text: string, maxTokens: number = MAX_RECORD_TOKENS): string[] {
  return recordSearchTokens([text], maxTokens);
}

/**
 * The tokens of several texts in priority order (title first: when the cap is reached, the tail of the
 * last texts is what goes unindexed).
 */
export function recordSearchTokens(
  texts: readonly string[],
  maxTokens: number = MAX_RECORD_TOKENS,
): string[] {
  if (!Number.isInteger(maxTokens) || maxTokens <= 0)
    throw new RangeError(`令牌上限应为正整数，收到 ${maxTokens}`);
  const tokens = new Set<string>();
  const add = (token: string): boolean => {
    tokens.add(token.slice(0, MAX_TOKEN_LENGTH));
    return tokens.size < maxTokens;
  };
  for (const text of texts) {
    for (const match of normalizeSearchText(text).matchAll(SEGMENT)) {
      const [, han, word] = match;
      const more = han !== undefined ? addHan(han, add) : addWord(word as string, add);
      if (!more) return [...tokens];
    }
  }
  return [...tokens];
}

/** The terms a query must all match; an empty list for a query with nothing searchable. */
export function queryTokens(query: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const add = (token: string, prefix: boolean) => {
    const term = { token: token.slice(0, MAX_TOKEN_LENGTH), prefix };
    terms.set(`${term.prefix ? 'p' : 'e'}:${term.token}`, term);
  };
  for (const match of normalizeSearchText(query).matchAll(SEGMENT)) {
    const [, han, word] = match;
    if (han !== undefined) {
      const chars = [...han];
      if (chars.length === 1) add(han, true);
      for (let index = 0; index + 1 < chars.length; index += 1)
        add(`${chars[index]}${chars[index + 1]}`, false);
    } else {
      add((word as string).split(JOINER).join(''), true);
    }
  }
  return [...terms.values()];
}

/** Whether a record with these tokens answers the query: every term matches some token. */
export function matches(recordTokens: Iterable<string>, query: string | readonly QueryTerm[]): boolean {
  const terms = typeof query === 'string' ? queryTokens(query) : query;
  const tokens = recordTokens instanceof Set ? (recordTokens as ReadonlySet<string>) : new Set(recordTokens);
  return terms.every((term) => {
    if (!term.prefix) return tokens.has(term.token);
    for (const token of tokens) if (token.startsWith(term.token)) return true;
    return false;
  });
}

function addHan(run: string, add: (token: string) => boolean): boolean {
  const chars = [...run];
  for (let index = 0; index + 1 < chars.length; index += 1) {
    if (!add(`${chars[index]}${chars[index + 1]}`)) return false;
  }
  return add(chars[chars.length - 1] as string);
}

function addWord(word: string, add: (token: string) => boolean): boolean {
  const parts = word.split(JOINER);
  if (!add(parts.join(''))) return false;
  if (parts.length === 1) return true;
  return parts.every((part) => add(part));
}

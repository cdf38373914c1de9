import { formatPath, type ProfileIssue } from './profile-issues';

export interface JsonTextProblem extends ProfileIssue {
  /** 1-based line and column (in UTF-16 code units) of the problem in the text. */
  readonly line: number;
  readonly column: number;
}

export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly JsonTextProblem[] };

/**
 * Parses a hand-edited JSON file. Engines word JSON.parse errors differently and some give no position,
 * so the text is scanned here to report the first syntax error by line and column, e.g.
 * `(json): syntax error at line 3, column 8: expected ',' or '}' after a property value`. A key written
 * twice in one object is an error too: JSON.parse would silently keep only the last one. A leading
 * byte-order mark (Windows Notepad writes one) is ignored.
 */
export function parseJsonText(input: string): JsonTextResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const scan = new JsonScanner(text).scan();
  if (scan.problems.length > 0) return { ok: false, issues: scan.problems };
  return { ok: true, value: JSON.parse(text) };
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A recursive-descent JSON recogniser (RFC 8259) that keeps the path it is at, for its messages. */
class JsonScanner {
  private index = 0;
  private readonly path: (string | number)[] = [];
  private readonly problems: JsonTextProblem[] = [];

  constructor(private readonly text: string) {}

  scan(): { problems: JsonTextProblem[] } {
    try {
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();
      if (this.index < this.text.length) throw this.error('unexpected text after the end of the JSON value');
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      const { line, column } = this.position(error.offset);
      // A syntax error makes later findings unreliable: report it alone.
      return {
        problems: [
          {
            path: '(json)',
            message: `syntax error at line ${line}, column ${column}: ${error.message}`,
            line,
            column,
          },
        ],
      };
    }
    return { problems: this.problems };
  }

  private value(): void {
    const char = this.text[this.index];
    if (char === '{') this.object();
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.number();
    else if (char === 't') this.literal('true');
    else if (char === 'f') this.literal('false');
    else if (char === 'n') this.literal('null');
    else if (char === undefined) throw this.error('unexpected end of text: expected a value');
    else
      throw this.error(
        `expected a value (object, array, string, number, true, false or null), got ${describe(char)}`,
      );
  }

  private object(): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index += 1;
      return;
    }
    const seen = new Set<string>();
    for (;;) {
      if (this.text[this.index] !== '"') {
        throw this.error(
          seen.size > 0 && this.text[this.index] === '}'
            ? "expected a property name after ',' (JSON allows no trailing comma)"
            : `expected a double-quoted property name, got ${describe(this.text[this.index])}`,
        );
      }
      const keyOffset = this.index;
      const key = this.string();
      if (seen.has(key)) this.duplicateKey(key, keyOffset);
      seen.add(key);
      this.skipWhitespace();
      if (this.text[this.index] !== ':') throw this.error(`expected ':' after the property name "${key}"`);
      this.index += 1;
      this.skipWhitespace();
      this.path.push(key);
      this.value();
      this.path.pop();
      this.skipWhitespace();
      const next = this.text[this.index];
      this.index += 1;
      if (next === '}') return;
      if (next !== ',') {
        this.index -= 1;
        throw this.error(`expected ',' or '}' after a property value, got ${describe(next)}`);
      }
      this.skipWhitespace();
    }
  }

  private array(): void {
    this.index += 1;
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index += 1;
      return;
    }
    for (let position = 0; ; position += 1) {
      if (position > 0 && this.text[this.index] === ']')
        throw this.error("expected a value after ',' (JSON allows no trailing comma)");
      this.path.push(position);
      this.value();
      this.path.pop();
      this.skipWhitespace();
      const next = this.text[this.index];
      this.index += 1;
      if (next === ']') return;
      if (next !== ',') {
        this.index -= 1;
        throw this.error(`expected ',' or ']' after an array element, got ${describe(next)}`);
      }
      this.skipWhitespace();
    }
  }

  /** Returns the string's raw content, which is enough to compare keys. */
  private string(): string {
    const start = this.index + 1;
    this.index = start;
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) throw this.error('unterminated string: expected a closing "');
      if (char === '"') break;
      if (char < ' ')
        throw this.error('expected no line break or control character inside a string (write \\n or \\t)');
      if (char === '\\') {
        const escape = this.text[this.index + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 2, this.index + 6))) {
            throw this.error('expected four hex digits after \\u');
          }
          this.index += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) {
          throw this.error(
            `invalid escape \\${escape ?? ''}: expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`,
          );
        }
        this.index += 2;
        continue;
      }
      this.index += 1;
    }
    const raw = this.text.slice(start, this.index);
    this.index += 1;
    return raw;
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.index, this.index + 400),
    );
    if (match === null) throw this.error('invalid number: expected digits, e.g. 30 or -1.5');
    const after = this.text[this.index + match[0].length];
    if (after !== undefined && /[0-9.eE+-]/.test(after)) {
      throw this.error('invalid number: expected no leading zeros, and digits after "." and "e"');
    }
    this.index += match[0].length;
  }

  private literal(word: 'true' | 'false' | 'null'): void {
    if (this.text.slice(this.index, this.index + word.length) !== word) throw this.error(`expected ${word}`);
    this.index += word.length;
  }

  private skipWhitespace(): void {
    while (this.index < this.text.length && ' \t\n\r'.includes(this.text[this.index] ?? '')) this.index += 1;
  }

  private duplicateKey(key: string, offset: number): void {
    const { line, column } = this.position(offset);
    this.problems.push({
      path: formatPath([...this.path, key]),
      message: `duplicate key at line ${line}, column ${column}: expected each key once in an object (JSON would keep only the last)`,
      line,
      column,
    });
  }

  private error(message: string): JsonSyntaxError {
    return new JsonSyntaxError(message, this.index);
  }

  private position(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < offset; index += 1) {
      if (this.text[index] === '\n') {
        line += 1;
        lineStart = index + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  }
}

function describe(char: string | undefined): string {
  return char === undefined ? 'the end of the text' : JSON.stringify(char);
}

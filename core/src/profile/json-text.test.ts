import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json-text';

function problemOf(text: string) {
  const result = parseJsonText(text);
  if (result.ok) throw new Error('expected a problem');
  return result.issues;
}

describe('parseJsonText', () => {
  it('parses valid JSON, ignoring a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, -2.5e3, true, null, "\\u4e2d"]}')).toEqual({
      ok: true,
      value: { a: [1, -2500, true, null, '中'] },
    });
  });

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, `expected ',' or '}' after a property value, got "\\""`],
    ['{"a": 1,}', 1, 9, "expected a property name after ',' (JSON allows no trailing comma)"],
    ['[1, 2,]', 1, 7, "expected a value after ',' (JSON allows no trailing comma)"],
    ["{'a': 1}", 1, 2, `expected a double-quoted property name, got "'"`],
    ['{"a": 01}', 1, 7, 'invalid number: expected no leading zeros, and digits after "." and "e"'],
    ['{"a": tru}', 1, 7, 'expected true'],
    ['{"a": "x\ny"}', 1, 9, 'expected no line break or control character inside a string (write \\n or \\t)'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape \\x: expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX'],
    ['{"a": [1, 2', 1, 12, "expected ',' or ']' after an array element, got the end of the text"],
    ['', 1, 1, 'unexpected end of text: expected a value'],
    ['{} {}', 1, 4, 'unexpected text after the end of the JSON value'],
    ['{"名称": 一}', 1, 8, 'expected a value (object, array, string, number, true, false or null), got "一"'],
  ])('reports %j at line %i, column %i', (text, line, column, message) => {
    expect(problemOf(text)).toEqual([
      { path: '(json)', message: `syntax error at line ${line}, column ${column}: ${message}`, line, column },
    ]);
  });

  it('reports every key written twice in one object, at its JSON path', () => {
    const text =
      '{\n  "subsystems": [\n    { "id": 1, "sla": {}, "sla": {} },\n    { "id": 2, "id": 3 }\n  ]\n}';
    expect(problemOf(text)).toEqual([
      {
        path: 'subsystems[0].sla',
        message:
          'duplicate key at line 3, column 27: expected each key once in an object (JSON would keep only the last)',
        line: 3,
        column: 27,
      },
      {
        path: 'subsystems[1].id',
        message:
          'duplicate key at line 4, column 16: expected each key once in an object (JSON would keep only the last)',
        line: 4,
        column: 16,
      },
    ]);
  });
});

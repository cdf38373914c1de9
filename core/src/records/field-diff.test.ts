import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffFields, valuesEqual } from './field-diff';

describe('diffFields', () => {
  it('lists each changed top-level field once, sorted, with old and new values', () => {
    const before = {
      title: '网站打不开',
      severity: 'ordinary',
      reporter: { unit: '人社厅', person: '张三', phone: '' },
    };
    const after = {
      title: '网站首页打不开',
      severity: 'major',
      reporter: { unit: '人社厅', person: '张三', phone: '' },
    };
    expect(diffFields(before, after)).toEqual([
      { field: 'severity', oldValue: 'ordinary', newValue: 'major' },
      { field: 'title', oldValue: '网站打不开', newValue: '网站首页打不开' },
    ]);
  });

  it('compares nested objects and arrays by value and reports the whole field', () => {
    const before = { reporter: { unit: '人社厅', person: '张三' }, attachments: [{ sha256: 'a', size: 1 }] };
    const after = { reporter: { unit: '人社厅', person: '李四' }, attachments: [{ sha256: 'a', size: 1 }] };
    expect(diffFields(before, after)).toEqual([
      { field: 'reporter', oldValue: before.reporter, newValue: after.reporter },
    ]);
    expect(diffFields({ list: [1, 2] }, { list: [2, 1] })).toHaveLength(1);
  });

  it('treats a property holding undefined as absent', () => {
    expect(diffFields({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(diffFields({ a: { x: undefined } }, { a: {} })).toEqual([]);
  });

  it('reports every field of a new record and fields that disappear', () => {
    expect(diffFields(undefined, { b: 2, a: 1 })).toEqual([
      { field: 'a', oldValue: undefined, newValue: 1 },
      { field: 'b', oldValue: undefined, newValue: 2 },
    ]);
    expect(diffFields({ a: 1, gone: 'x' }, { a: 1 })).toEqual([
      { field: 'gone', oldValue: 'x', newValue: undefined },
    ]);
  });

  it('skips ignored fields', () => {
    expect(
      diffFields({ updatedAt: 1, title: 'a' }, { updatedAt: 2, title: 'b' }, { ignore: ['updatedAt'] }),
    ).toEqual([{ field: 'title', oldValue: 'a', newValue: 'b' }]);
  });

  it('tells null from absent and arrays from objects', () => {
    expect(valuesEqual(null, undefined)).toBe(false);
    expect(valuesEqual([], {})).toBe(false);
    expect(valuesEqual(Number.NaN, Number.NaN)).toBe(true);
  });

  it('gives exactly the writes that turn before into after (property)', () => {
    const value = fc.jsonValue();
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), value);
    fc.assert(
      fc.property(record, record, (before, after) => {
        const changes = diffFields(before, after);
        const rebuilt = new Map<string, unknown>(Object.entries(before));
        for (const change of changes) {
          if (change.newValue === undefined) rebuilt.delete(change.field);
          else rebuilt.set(change.field, change.newValue);
        }
        expect(valuesEqual(Object.fromEntries(rebuilt), after)).toBe(true);
        expect(diffFields(after, after)).toEqual([]);
        expect(new Set(changes.map((change) => change.field)).size).toBe(changes.length);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { RECORD_TYPES } from './record-envelope';
import { RECORD_KINDS } from './record-kinds';

describe('RECORD_KINDS', () => {
  it('registers every record type under its own name', () => {
    expect(Object.keys(RECORD_KINDS).sort()).toEqual([...RECORD_TYPES].sort());
    for (const recordType of RECORD_TYPES) expect(RECORD_KINDS[recordType].type).toBe(recordType);
  });

  it('names only fields its schema has, so a misspelt blob or derived field cannot pass unnoticed', () => {
    for (const recordType of RECORD_TYPES) {
      const kind = RECORD_KINDS[recordType];
      const fields = Object.keys(kind.schema.shape);
      const named = [
        ...kind.blobs.map((blob) => blob.field),
        ...kind.derived.flatMap((derived) => [derived.field, derived.from]),
        ...kind.timelines,
        ...(kind.scope.by === 'unit' ? [kind.scope.field] : []),
      ];
      expect(fields, recordType).toEqual(expect.arrayContaining(named));
    }
  });

  it('names every field of every schema in the user’s words', () => {
    for (const recordType of RECORD_TYPES) {
      const kind = RECORD_KINDS[recordType];
      const unnamed = Object.keys(kind.schema.shape).filter((field) => kind.fieldLabels[field] === undefined);
      expect(unnamed, recordType).toEqual([]);
    }
  });

  it('names a record by its title or name for messages', () => {
    expect(RECORD_KINDS.ticket.titleOf({ title: '打印机卡纸' })).toBe('打印机卡纸');
    expect(RECORD_KINDS.inspection_template.titleOf({ name: '机房日检' })).toBe('机房日检');
    expect(RECORD_KINDS.ticket.titleOf({ title: 42 })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { blobReferences } from '../../sync/blob-references';
import type { JsonValue } from '../../sync/json-value';
import { RECORD_TYPES } from '../record-envelope';
import { RECORD_KINDS } from '../record-kinds';
import { SAMPLE_TEXT_FIELDS, sampleRecord } from './sample-records';

const SHA = 'a'.repeat(64);
const options = { id: '00000000-0000-4000-8000-000000001234', actor: 'zhangsan', at: Date.UTC(2026, 2, 10) };

describe('sampleRecord', () => {
  it.each(RECORD_TYPES)('builds a valid %s whose text field exists', (recordType) => {
    const record = sampleRecord(recordType, options);
    expect(record.id).toBe(options.id);
    expect(Object.keys(RECORD_KINDS[recordType].schema.shape)).toContain(SAMPLE_TEXT_FIELDS[recordType]);
  });

  it.each(RECORD_TYPES.filter((recordType) => RECORD_KINDS[recordType].blobs.length > 0))(
    'refers to the given blob from every blob field of a %s',
    (recordType) => {
      const record = sampleRecord(recordType, { ...options, sha256: SHA });
      for (const blob of RECORD_KINDS[recordType].blobs) {
        expect(blobReferences(recordType, blob.field, record[blob.field] as JsonValue), blob.field).toEqual([
          SHA,
        ]);
      }
    },
  );
});

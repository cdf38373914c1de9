import type { RecordType } from '../records/record-envelope';
import type { JsonValue } from './json-value';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The blobs (by SHA-256) one field value refers to: a ticket's attachments, an inspection run's
 * evidence photos and photo-item values. The server lets a user download a blob only when a record
 * they may read refers to it, and refuses an op that refers to a blob it has not received.
 */
export function blobReferences(recordType: RecordType, field: string, value: JsonValue): string[] {
  if (!Array.isArray(value)) return [];
  if (recordType === 'ticket' && field === 'attachments') {
    return unique(value.map((attachment) => property(attachment, 'sha256')));
  }
  if (recordType === 'inspection_run' && field === 'results') {
    // A photo item's value is its photo's SHA-256; any other item's value never looks like one.
    return unique(value.flatMap((result) => [property(result, 'photoSha256'), property(result, 'value')]));
  }
  return [];
}

function property(item: JsonValue, key: string): JsonValue | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  return item[key];
}

function unique(values: readonly (JsonValue | undefined)[]): string[] {
  const hashes = values.filter((value): value is string => typeof value === 'string' && SHA256.test(value));
  return [...new Set(hashes)].sort();
}

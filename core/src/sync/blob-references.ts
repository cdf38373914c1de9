import type { RecordType } from '../records/record-envelope';
import { recordKind } from '../records/record-kinds';
import type { JsonValue } from './json-value';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The blobs (by SHA-256) one field value refers to, as the type's registration names them
 * (records/record-kinds.ts): a ticket's attachments, an inspection run's evidence photos and
 * photo-item values, a training's materials and sign-in sheet, a visit's photos. The server lets a user download a blob only when a record
 * they may read refers to it, and refuses an op that refers to a blob it has not received.
 */
export function blobReferences(recordType: RecordType, field: string, value: JsonValue): string[] {
  const blobs = recordKind(recordType).blobs.find((blob) => blob.field === field);
  if (blobs === undefined) return [];
  // A list's items each hold hashes (attachments); a single value holds its own (a sign-in sheet).
  const items = Array.isArray(value) ? value : [value];
  return unique(items.flatMap((item) => blobs.hashesOf(item)));
}

function unique(values: readonly (JsonValue | undefined)[]): string[] {
  const hashes = values.filter((value): value is string => typeof value === 'string' && SHA256.test(value));
  return [...new Set(hashes)].sort();
}

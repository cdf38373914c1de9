import { describe, expect, it } from 'vitest';
import { blobReferences } from './blob-references';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('blobReferences', () => {
  it('finds a ticket’s attachments and an inspection run’s photos', () => {
    expect(blobReferences('ticket', 'attachments', [{ sha256: B }, { sha256: A }, { sha256: A }])).toEqual([
      A,
      B,
    ]);
    expect(
      blobReferences('inspection_run', 'results', [
        { itemId: 'cpu', value: 42, photoSha256: A },
        { itemId: 'photo', value: B, photoSha256: null },
        { itemId: 'note', value: '正常', photoSha256: null },
      ]),
    ).toEqual([A, B]);
  });

  it('finds nothing in other fields or malformed values', () => {
    expect(blobReferences('ticket', 'title', A)).toEqual([]);
    expect(blobReferences('ticket', 'attachments', null)).toEqual([]);
    expect(blobReferences('ticket', 'attachments', [null, 'x', { sha256: 'short' }])).toEqual([]);
    expect(blobReferences('inspection_template', 'items', [{ value: A }])).toEqual([]);
  });
});

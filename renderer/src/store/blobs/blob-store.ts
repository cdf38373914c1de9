import { MAX_ATTACHMENT_BYTES, type Attachment } from '@core/records';
import type { YunweiDatabase } from '../database/yunwei-database';
import type { BlobRow } from '../rows/row-types';
import { StoreError } from '../errors/store-error';
import { toStoreError } from '../errors/to-store-error';

export { MAX_ATTACHMENT_BYTES };

const MIME = /^[a-z]+\/[a-z0-9.+-]+$/;
const FALLBACK_MIME = 'application/octet-stream';

/**
 * Stores an attachment's bytes under their SHA-256 (WebCrypto) and returns the attachment a record
 * keeps. The same bytes added twice (a screenshot pasted into two tickets) are stored once.
 */
export async function putBlob(db: YunweiDatabase, file: Blob, name: string): Promise<Attachment> {
  const trimmedName = name.trim();
  if (trimmedName === '') throw new StoreError('invalid', '附件没有文件名：请给附件起一个名字后再添加。');
  if (trimmedName.length > 255) {
    throw new StoreError('invalid', `附件名“${trimmedName.slice(0, 40)}…”超过 255 个字符：请改短后再添加。`);
  }
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new StoreError(
      'invalid',
      `附件“${trimmedName}”有 ${formatMegabytes(file.size)}，超过单个附件 ${formatMegabytes(MAX_ATTACHMENT_BYTES)} 的上限：请压缩、截取或分成几个文件后再添加。`,
    );
  }
  const sha256 = await sha256Hex(file);
  const attachment: Attachment = {
    sha256,
    name: trimmedName,
    mime: attachmentMime(file.type),
    size: file.size,
  };
  const row: BlobRow = { ...attachment, data: file, createdAt: Date.now() };
  try {
    await db.transaction('rw', db.blobs, async () => {
      const existing = await db.blobs.get(sha256);
      if (existing === undefined) await db.blobs.add(row);
    });
  } catch (error) {
    throw toStoreError(error, `保存附件“${trimmedName}”`, db.disconnectedReason);
  }
  return attachment;
}

/** The stored bytes and what they were first saved as; undefined if this database lacks them. */
export async function getBlob(db: YunweiDatabase, sha256: string): Promise<BlobRow | undefined> {
  try {
    return await db.blobs.get(sha256);
  } catch (error) {
    throw toStoreError(error, '读取附件', db.disconnectedReason);
  }
}

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The browser's type without parameters (`text/plain;charset=utf-8` → `text/plain`), or a generic one. */
function attachmentMime(type: string): string {
  const bare = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return MIME.test(bare) ? bare : FALLBACK_MIME;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

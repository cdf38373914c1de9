import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@core/records';
import { formatInstant, type Instant } from '@core/time/shanghai-time';

/** "350 KB", "1.2 MB": what a person reads. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`文件大小无效：${bytes}`);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / 1024 / 1024;
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}

export function isImage(mime: string): boolean {
  return /^image\/(png|jpeg|gif|webp|bmp|svg\+xml)$/.test(mime);
}

/**
 * Why a file cannot be added before it is read and hashed: too large, or the ticket has no room left.
 * Checked up front so a 200 MB video is refused at once instead of after hashing it.
 */
export function attachmentProblem(
  file: { readonly name: string; readonly size: number },
  alreadyAttached: number,
): string | null {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `“${file.name}”有 ${formatBytes(file.size)}，超过单个附件 ${formatBytes(MAX_ATTACHMENT_BYTES)} 的上限：请压缩、截取或分成几个文件后再添加`;
  }
  if (alreadyAttached >= MAX_ATTACHMENTS) {
    return `每张工单最多 ${MAX_ATTACHMENTS} 个附件，“${file.name}”未添加`;
  }
  if (file.size === 0) return `“${file.name}”是空文件，未添加`;
  return null;
}

/**
 * The name an attachment is stored under. A pasted screenshot arrives as "image.png" from every
 * clipboard; it is named after the moment it was pasted (Beijing time) so several stay apart.
 */
export function attachmentName(
  file: { readonly name: string; readonly type: string },
  pastedAt: Instant,
): string {
  const generic = file.name === '' || /^image\.(png|jpe?g|gif|webp|bmp)$/i.test(file.name);
  if (!generic) return file.name;
  const extension = /^image\/(png|jpeg|gif|webp|bmp)$/.exec(file.type)?.[1]?.replace('jpeg', 'jpg') ?? 'png';
  const stamp = formatInstant(pastedAt).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `截图-${stamp}.${extension}`;
}

/** The files a paste or a drop carries (screenshots, files copied in Explorer); empty for plain text. */
export function filesOf(transfer: Pick<DataTransfer, 'files' | 'items'> | null): File[] {
  if (transfer === null) return [];
  const files = [...transfer.files];
  if (files.length > 0) return files;
  // Some sources expose a copied image only as an item.
  return [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null);
}

/**
 * A paste event's files (a screenshot, files copied in Explorer); handled here so the text stays.
 * None when an inner element already took this paste: a paste bubbles through every handler around
 * it, and one paste is one attachment.
 */
export function takePastedFiles(event: {
  readonly clipboardData: Pick<DataTransfer, 'files' | 'items'> | null;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}): File[] {
  if (event.defaultPrevented) return [];
  const files = filesOf(event.clipboardData);
  if (files.length > 0) event.preventDefault();
  return files;
}

/**
 * Object URLs for stored attachments, one per SHA-256: the bytes never change, so a URL made once
 * serves every thumbnail and download of them. The oldest are released beyond a bound, so a long
 * session does not keep every picture it ever showed.
 */
const MAX_URLS = 64;
const urls = new Map<string, string>();

export function blobUrl(sha256: string, data: Blob): string {
  const existing = urls.get(sha256);
  if (existing !== undefined) {
    // Most recently used last.
    urls.delete(sha256);
    urls.set(sha256, existing);
    return existing;
  }
  const url = URL.createObjectURL(data);
  urls.set(sha256, url);
  while (urls.size > MAX_URLS) {
    const [oldestKey, oldestUrl] = urls.entries().next().value as [string, string];
    urls.delete(oldestKey);
    URL.revokeObjectURL(oldestUrl);
  }
  return url;
}

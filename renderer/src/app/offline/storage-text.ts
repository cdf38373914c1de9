/** 关于's storage line: how much of this browser's allowance the app uses, and whether it may be evicted. */
export function describeStorage(estimate: { usage?: number; quota?: number }, persisted: boolean): string {
  const used = `已用 ${megabytes(estimate.usage ?? 0)}`;
  const quota = estimate.quota === undefined ? '' : `，上限约 ${megabytes(estimate.quota)}`;
  const keep = persisted
    ? '；已设为持久存储，浏览器不会自动清除'
    : '；未获准持久存储：磁盘空间不足时浏览器可能清除本机数据，请经常同步';
  return `${used}${quota}${keep}`;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb.toFixed(1)} MB`;
}

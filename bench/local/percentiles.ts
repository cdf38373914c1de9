/** Nearest-rank percentile of a sample, rounded to 0.01 ms. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) throw new RangeError('没有样本，无法计算百分位数');
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round((sorted[rank - 1] as number) * 100) / 100;
}

import { describe, expect, it } from 'vitest';
import { describeStorage } from './storage-text';

describe('关于: the storage line', () => {
  it('shows use and allowance, and says whether the browser may evict the data', () => {
    expect(describeStorage({ usage: 12.34 * 1024 * 1024, quota: 2.5 * 1024 ** 3 }, true)).toBe(
      '已用 12.3 MB，上限约 2.5 GB；已设为持久存储，浏览器不会自动清除',
    );
    expect(describeStorage({}, false)).toBe(
      '已用 0.0 MB；未获准持久存储：磁盘空间不足时浏览器可能清除本机数据，请经常同步',
    );
  });
});

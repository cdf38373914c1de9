import { describe, expect, it } from 'vitest';
import { describeUpdateStatus } from './update-status-text';

const AT = new Date(2026, 11, 6, 9, 5).getTime();

describe('关于: the update lines', () => {
  it('names the HQ feed and the last check with its result', () => {
    const source = 'https://yunwei.example.gov.cn:4310/updates/';
    expect(describeUpdateStatus({ kind: 'self-updating', source, lastCheck: null })).toEqual({
      source: `总部服务器 ${source}`,
      lastCheck: '尚未检查',
      canCheck: true,
    });
    const at = (outcome: Parameters<typeof describeUpdateStatus>[0] & { kind: 'self-updating' }) =>
      describeUpdateStatus(outcome).lastCheck;
    expect(
      at({
        kind: 'self-updating',
        source,
        lastCheck: { at: AT, outcome: { status: 'up-to-date', currentVersion: '0.2.0' } },
      }),
    ).toBe('2026-12-06 09:05 已是最新版本（0.2.0）');
    expect(
      at({
        kind: 'self-updating',
        source,
        lastCheck: {
          at: AT,
          outcome: { status: 'available', currentVersion: '0.2.0', latestVersion: '0.3.0' },
        },
      }),
    ).toBe('2026-12-06 09:05 发现新版本 0.3.0，正在后台下载，退出运维台时安装');
    expect(
      at({
        kind: 'self-updating',
        source,
        lastCheck: { at: AT, outcome: { status: 'failed', reason: '连不上总部服务器' } },
      }),
    ).toBe('2026-12-06 09:05 检查失败：连不上总部服务器');
  });

  it('says why a build does not update itself, with nothing to check', () => {
    expect(describeUpdateStatus({ kind: 'not-applicable', reason: '浏览器版本由服务器提供' })).toEqual({
      source: '浏览器版本由服务器提供',
      lastCheck: null,
      canCheck: false,
    });
  });
});

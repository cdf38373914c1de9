import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../sync';
import {
  describeLastSuccess,
  describeNextAttempt,
  describeSyncStatus,
  formatBeijingShort,
  recordPath,
} from './sync-status-text';

const now = parseInstant('2026-03-10 09:30');
const at = (time: string) => parseInstant(time);
const quiet: SyncStatus = {
  phase: 'idle',
  pendingOps: 0,
  rejectedOps: 0,
  syncProblems: 0,
  lastSuccessAt: now - 60_000,
  lastError: null,
  nextAttemptAt: null,
};

describe('sync status wording', () => {
  it('says when the last sync succeeded, relative and in Beijing time', () => {
    expect(describeLastSuccess(null, now)).toBe('从未同步成功');
    expect(describeLastSuccess(now - 20_000, now)).toBe('刚刚（09:29）');
    expect(describeLastSuccess(at('2026-03-10 09:05'), now)).toBe('25 分钟前（09:05）');
    expect(describeLastSuccess(at('2026-03-09 18:00'), now)).toBe('15 小时前（昨天 18:00）');
    expect(describeLastSuccess(at('2026-03-01 08:00'), now)).toBe('9 天前（03-01 08:00）');
    expect(formatBeijingShort(at('2025-12-31 23:59'), now)).toBe('2025-12-31 23:59');
  });

  it('is quiet when everything is synced, counts what is pending', () => {
    expect(describeSyncStatus(quiet, now)).toEqual({ label: '已同步', tone: 'success', details: [] });
    expect(describeSyncStatus({ ...quiet, pendingOps: 3 }, now)).toEqual({
      label: '待同步 3 条',
      tone: 'processing',
      details: [],
    });
    expect(describeSyncStatus({ ...quiet, phase: 'syncing', pendingOps: 3 }, now)).toEqual({
      label: '正在同步…',
      tone: 'processing',
      details: ['待同步 3 条。'],
    });
  });

  it('says offline, why, and when it tries again', () => {
    const view = describeSyncStatus(
      {
        ...quiet,
        phase: 'offline',
        pendingOps: 2,
        lastError: { message: '无法连接服务器 http://10.1.2.3:8080', at: at('2026-03-10 09:29') },
        nextAttemptAt: now + 30_000,
      },
      now,
    );
    expect(view).toEqual({
      label: '离线 · 待同步 2 条',
      tone: 'warning',
      details: [
        '连不上服务器：无法连接服务器 http://10.1.2.3:8080（09:29）',
        '30 秒后自动重试',
        '修改都保存在本机，联网后自动同步。',
      ],
    });
  });

  it('puts rejected changes first and makes them an error', () => {
    const view = describeSyncStatus({ ...quiet, rejectedOps: 2 }, now);
    // Never "已同步" beside the changes that were not synced.
    expect(view.label).toBe('2 条修改被拒，待处理');
    expect(describeSyncStatus({ ...quiet, rejectedOps: 2, pendingOps: 1 }, now).label).toBe(
      '待同步 1 条 · 2 条修改被拒，待处理',
    );
    expect(view.tone).toBe('error');
    expect(view.details[0]).toBe('有 2 条修改被服务器拒绝，需要处理：修改后重新发送，或放弃。');
    expect(describeSyncStatus({ ...quiet, syncProblems: 1 }, now).details).toEqual([
      '有 1 条从服务器收到的记录与本机未同步的修改合并后不符合要求，暂时显示本机的版本。',
    ]);
  });

  it('asks to sign in again or to upgrade, keeping the changes', () => {
    expect(
      describeSyncStatus(
        { ...quiet, phase: 'signed-out', lastError: { message: '登录已过期', at: now } },
        now,
      ),
    ).toEqual({
      label: '登录已失效',
      tone: 'error',
      details: ['登录已过期（09:30）：请重新登录后继续同步，修改都保留在本机。'],
    });
    expect(describeSyncStatus({ ...quiet, phase: 'outdated' }, now).details[0]).toContain('同步已暂停');
    expect(describeSyncStatus({ ...quiet, phase: 'failing' }, now)).toMatchObject({
      label: '同步出错',
      details: ['同步失败，原因不明'],
    });
  });

  it('counts down to the next attempt and links a record to its page', () => {
    expect(describeNextAttempt(now + 500, now)).toBe('马上');
    expect(describeNextAttempt(now + 150_000, now)).toBe('3 分钟后');
    expect(recordPath('ticket', 'abc')).toBe('/tickets/abc');
    expect(recordPath('inspection_run', 'r1')).toBe('/inspections/run/r1');
    expect(recordPath('inspection_template', 't1')).toBe('/inspections/templates');
  });
});

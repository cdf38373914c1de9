import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkForUpdates } from './check-for-updates';

const electronApp = vi.hoisted(() => ({ isPackaged: true, getVersion: () => '0.1.0' }));
const updater = vi.hoisted(() => ({ checkForUpdates: vi.fn() }));

vi.mock('electron', () => ({ app: electronApp }));
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }));

const context = { sender: {} } as Parameters<typeof checkForUpdates>[1];

describe('checkForUpdates', () => {
  beforeEach(() => {
    electronApp.isPackaged = true;
    updater.checkForUpdates.mockReset();
  });

  it('does not ask the server from a development build', async () => {
    electronApp.isPackaged = false;
    expect(await checkForUpdates({}, context)).toEqual({
      status: 'not-applicable',
      reason: expect.stringContaining('开发版本'),
    });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('reports a newer version on the HQ server', async () => {
    updater.checkForUpdates.mockResolvedValue({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
    expect(await checkForUpdates({}, context)).toEqual({
      status: 'available',
      currentVersion: '0.1.0',
      latestVersion: '0.2.0',
    });
  });

  it('reports being up to date', async () => {
    updater.checkForUpdates.mockResolvedValue({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } });
    expect(await checkForUpdates({}, context)).toEqual({ status: 'up-to-date', currentVersion: '0.1.0' });
  });

  it('explains an unreachable server in Chinese', async () => {
    updater.checkForUpdates.mockRejectedValue(new Error('net::ERR_CONNECTION_REFUSED'));
    await expect(checkForUpdates({}, context)).rejects.toThrow(
      '无法从总部服务器检查更新：net::ERR_CONNECTION_REFUSED',
    );
  });
});

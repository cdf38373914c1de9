import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { HostHandler } from '../ipc/host-ipc-router';

/**
 * Asks the HQ server's generic update feed (its URL is written into the installer's app-update.yml by
 * electron-builder, see build/electron-builder.yml). An available update downloads in the background
 * and installs when the user quits, electron-updater's default.
 */
export const checkForUpdates: HostHandler<'checkForUpdates'> = async () => {
  if (!app.isPackaged) {
    return { status: 'not-applicable', reason: '开发版本不检查更新，更新仅适用于安装包' };
  }
  const currentVersion = app.getVersion();
  let result: Awaited<ReturnType<typeof electronUpdater.autoUpdater.checkForUpdates>>;
  try {
    result = await electronUpdater.autoUpdater.checkForUpdates();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`无法从总部服务器检查更新：${reason}`, { cause: error });
  }
  if (result === null) return { status: 'not-applicable', reason: '本安装包未配置更新服务器' };
  return result.isUpdateAvailable
    ? { status: 'available', currentVersion, latestVersion: result.updateInfo.version }
    : { status: 'up-to-date', currentVersion };
};

import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import electronUpdater from 'electron-updater';
import { APP_ID } from './app-identity';
import { createHostHandlers } from './host/host-handlers';
import { safeStorageCipher } from './host/safe-storage-cipher';
import { SecureTokenStore } from './host/secure-token-store';
import { registerHostHandlers } from './ipc/host-ipc-router';
import { readFeedUrl } from './updates/feed-url';
import { UpdateService } from './updates/update-service';
import { registerAppSchemeAsPrivileged, serveRendererFromAppScheme } from './protocol/register-app-protocol';
import { hardenWebContents } from './window/harden-web-contents';
import { openMainWindow } from './window/main-window';
import { restrictPermissions } from './window/permissions';

// Both must happen before `ready`.
registerAppSchemeAsPrivileged();
app.enableSandbox();

function focusExistingWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  // The app path is the repository root in development and app.asar when installed.
  const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
  if (!existsSync(path.join(rendererRoot, 'index.html'))) {
    throw new Error(`找不到界面文件 ${rendererRoot}，请先运行 npm run build:renderer`);
  }
  app.setAppUserModelId(APP_ID);
  // The default menu is English and offers reload/devtools; the app needs neither.
  Menu.setApplicationMenu(null);
  restrictPermissions(session.defaultSession);
  serveRendererFromAppScheme(rendererRoot);
  // Only an installed app has a feed (app-update.yml, written by electron-builder) and something to replace.
  const feed = app.isPackaged
    ? readFeedUrl(process.resourcesPath)
    : { ok: false as const, reason: '开发版本不检查更新，更新仅适用于安装包' };
  const updates = feed.ok
    ? new UpdateService({
        updater: electronUpdater.autoUpdater,
        currentVersion: app.getVersion(),
        source: feed.url,
        now: Date.now,
        log: (line) => process.stdout.write(`${line}\n`),
      })
    : null;
  registerHostHandlers(
    createHostHandlers(
      new SecureTokenStore(path.join(app.getPath('userData'), 'secure-tokens.json'), safeStorageCipher),
      { service: updates, whyNot: feed.ok ? '' : feed.reason },
    ),
  );
  await openMainWindow(path.join(app.getAppPath(), 'dist-electron', 'preload.cjs'));
  updates?.start();
}

if (!app.requestSingleInstanceLock()) {
  // Another 运维台 is running; it gets focus through its 'second-instance' handler.
  app.quit();
} else {
  app.on('second-instance', focusExistingWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  start().catch((error: unknown) => {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error('[main] 启动失败', error);
    dialog.showErrorBox('运维台无法启动', reason);
    app.exit(1);
  });
}

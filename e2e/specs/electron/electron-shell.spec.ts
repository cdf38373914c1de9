import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { HostApi } from '@core/host';
import { SessionPage } from '../../pages/session-page';
import { SubsystemsPage } from '../../pages/subsystems-page';
import { findElectronBinary } from '../../support/electron-binary';
import { expectedAppVersion } from '../../support/expected-profile';
import { REPO_ROOT } from '../../support/repo-root';

const binary = findElectronBinary();
test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');

test('the desktop shell loads the renderer from app:// with the host bridge and no Node', async () => {
  if ('missing' in binary) throw new Error(binary.missing);
  for (const built of ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(REPO_ROOT, built))) {
      throw new Error(`${built} 不存在：请先运行 npm run build:renderer 和 npm run build:electron`);
    }
  }
  // Chromium refuses to start as root with its OS sandbox on, which is how CI containers run.
  const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: binary.path,
    args: ['.', ...sandboxArgs],
    cwd: REPO_ROOT,
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveURL('app://yunwei/');
    await new SessionPage(window).signIn();
    const subsystems = new SubsystemsPage(window);
    await subsystems.openFromMenu();
    await expect(subsystems.rows).toHaveCount(13);
    await expect(subsystems.hostVersion).toHaveText(`桌面版 ${expectedAppVersion()}`);

    const isolation = await window.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      hostMethods: Object.keys((window as unknown as { host: HostApi }).host).sort(),
    }));
    expect(isolation).toEqual({
      require: 'undefined',
      process: 'undefined',
      hostMethods: [
        'checkForUpdates',
        'deleteSecureToken',
        'getAppVersion',
        'getUpdateStatus',
        'notify',
        'printToPdf',
        'readSecureToken',
        'saveFile',
        'writeSecureToken',
      ],
    });

    const refused = await window.evaluate(() =>
      (window as unknown as { host: HostApi }).host
        .saveFile({ suggestedName: '../x.txt', mimeType: 'text/plain', data: 'x' })
        .then(
          () => 'accepted',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        ),
    );
    expect(refused).toContain('suggestedName: 文件名不能包含路径分隔符');
  } finally {
    await app.close();
  }
});

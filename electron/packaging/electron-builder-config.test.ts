import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../src/main/app-identity';

/**
 * electron-builder cannot run here (it downloads Electron and NSIS), so the configuration is checked
 * against electron-builder's own JSON schema and against what the app and the contract require.
 */
const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const configPath = fileURLToPath(new URL('../../build/electron-builder.yml', import.meta.url));

async function loadConfig(): Promise<Configuration> {
  return (await getConfig(projectDir, configPath, null)) as Configuration;
}

const silentLogger = { isEnabled: false, add: () => undefined };

describe('build/electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    const config = await loadConfig();
    await expect(
      validateConfiguration(config, silentLogger as unknown as Parameters<typeof validateConfiguration>[1]),
    ).resolves.toBeUndefined();
  });

  it('builds an NSIS x64 installer and deb packages for x64 and arm64', async () => {
    const config = await loadConfig();
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
  });

  it('updates from the HQ server given at packaging time, never a public host', async () => {
    const config = await loadConfig();
    expect(config.publish).toEqual([
      { provider: 'generic', url: '${env.YUNWEI_UPDATE_URL}', channel: 'latest' },
    ]);
  });

  it('uses the app id the main process registers and ships only the bundles', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe(APP_ID);
    expect(config.files).toEqual([
      { filter: ['package.json', 'dist-electron/**/*.cjs', 'dist/renderer/**/*'] },
    ]);
    expect(existsSync(new URL('../../build/icon.png', import.meta.url))).toBe(true);
  });

  it('declares what the deb needs on UOS and Kylin, Electron\u2019s own libraries included', async () => {
    const config = await loadConfig();
    expect(config.deb?.packageName).toBe('yunwei-desk');
    expect(config.deb?.depends).toEqual(
      expect.arrayContaining(['libnss3', 'libgtk-3-0', 'libgbm1', 'libasound2 | libasound2t64']),
    );
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
  });

  it('has the homepage and author a deb requires in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      homepage?: string;
      author?: { name?: string; email?: string };
      scripts: Record<string, string>;
    };
    expect(pkg.homepage).toMatch(/^https?:\/\//);
    expect(pkg.author).toEqual({ name: expect.any(String), email: expect.stringMatching(/@/) });
    expect(pkg.scripts['package:linux']).toBe('tsx electron/packaging/package-app.ts linux');
    expect(pkg.scripts['package:win']).toBe('tsx electron/packaging/package-app.ts win');
  });

  it('writes the feed URL into the installer from YUNWEI_UPDATE_URL, with its own cache folder name', async () => {
    const config = await loadConfig();
    expect(config.publish).toEqual([
      expect.objectContaining({ provider: 'generic', url: '${env.YUNWEI_UPDATE_URL}' }),
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('skips copying node_modules through its beforeBuild hook', async () => {
    const config = await loadConfig();
    expect(config.beforeBuild).toBe('build/skip-node-modules.cjs');
    const hook = createRequire(import.meta.url)(
      '../../build/skip-node-modules.cjs',
    ) as () => Promise<boolean>;
    expect(await hook()).toBe(false);
  });
});

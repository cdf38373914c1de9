import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type * as ElectronUpdater from 'electron-updater';
import type { AppUpdater } from 'electron-updater';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpdateHandlers } from '../host/check-for-updates';
import { UpdateService } from './update-service';

const context = { sender: {} } as Parameters<ReturnType<typeof createUpdateHandlers>['getUpdateStatus']>[1];

/**
 * The main process's update check against the real server: `yunwei serve` in a child process hosts
 * the feed that `yunwei release publish` fills, and electron-updater's own DebUpdater asks it. Only
 * Electron is replaced: its `net.request` by Node's HTTP client (the same request options), since no
 * Electron binary exists on the build machines.
 */
const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO_ROOT, 'server', 'src', 'cli', 'main.ts');
const CURRENT_VERSION = '0.2.0';
const CHANNEL_FILE = process.arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${process.arch}.yml`;

const requireCjs = createRequire(import.meta.url);
const electronPath = requireCjs.resolve('electron');
requireCjs.cache[electronPath] = {
  id: electronPath,
  filename: electronPath,
  loaded: true,
  exports: { net: { request }, session: { fromPartition: () => ({}) } },
} as unknown as NodeJS.Module;
const { DebUpdater } = requireCjs('electron-updater') as typeof ElectronUpdater;
/** What electron-updater builds for itself when it makes its own app adapter (it leaves it out for ours). */
const { ElectronHttpExecutor } = requireCjs('electron-updater/out/electronHttpExecutor') as {
  ElectronHttpExecutor: new () => object;
};

let work: string;
let dataDir: string;
let server: ChildProcess;
let serverUrl: string;

function startServer(): Promise<string> {
  server = spawn(TSX, [CLI, 'serve', '--port', '0', '--data', dataDir], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL')),
  });
  return new Promise((resolveUrl, rejectUrl) => {
    let printed = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const match = /运维台服务已启动：(http:\/\/\S+)/.exec(printed);
      if (match?.[1] !== undefined) resolveUrl(match[1]);
    });
    server.on('exit', (code) => rejectUrl(new Error(`yunwei serve exited (${code}): ${printed}`)));
  });
}

async function publish(...files: string[]): Promise<void> {
  await promisify(execFile)(TSX, [CLI, 'release', 'publish', ...files, '--data', dataDir], {
    cwd: REPO_ROOT,
  });
}

/** What electron-builder leaves in release/: a .deb and the channel file describing it. */
function buildRelease(version: string, extra: Record<string, unknown> = {}): string[] {
  const dir = join(work, `release-${version}`);
  mkdirSync(dir, { recursive: true });
  const name = `yunwei-desk-${version}-linux-amd64.deb`;
  const content = randomBytes(2048);
  writeFileSync(join(dir, name), content);
  const sha512 = createHash('sha512').update(content).digest('base64');
  const info = {
    version,
    files: [{ url: name, sha512, size: content.length }],
    path: name,
    sha512,
    ...extra,
  };
  writeFileSync(join(dir, CHANNEL_FILE), dump(info));
  return [join(dir, name), join(dir, CHANNEL_FILE)];
}

/** The installed app: its app-update.yml (as electron-builder writes it) names the feed. */
function installedApp(feedUrl: string): { updater: AppUpdater; service: UpdateService } {
  const appDir = mkdtempSync(join(work, 'app-'));
  const configPath = join(appDir, 'app-update.yml');
  writeFileSync(
    configPath,
    dump({ provider: 'generic', url: feedUrl, updaterCacheDirName: 'yunwei-desk-updater' }),
  );
  const updater = new DebUpdater(undefined, {
    version: CURRENT_VERSION,
    name: '运维台',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: join(appDir, 'user-data'),
    baseCachePath: join(appDir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  });
  Object.assign(updater, { httpExecutor: new ElectronHttpExecutor() });
  updater.logger = null;
  const service = new UpdateService({
    updater,
    currentVersion: CURRENT_VERSION,
    source: feedUrl,
    now: () => 1_800_000_000_000,
    log: () => undefined,
  });
  return { updater, service };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'yunwei-updates-'));
  dataDir = join(work, 'data');
  serverUrl = await startServer();
}, 120_000);

afterAll(() => {
  if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

describe('the update check against the HQ server’s feed', () => {
  it('is up to date when the published version is the installed one', async () => {
    await publish(...buildRelease(CURRENT_VERSION));
    const { service } = installedApp(`${serverUrl}/updates/`);
    expect(await service.check()).toEqual({ status: 'up-to-date', currentVersion: CURRENT_VERSION });
    expect(await createUpdateHandlers(service, '').getUpdateStatus({}, context)).toEqual({
      kind: 'self-updating',
      source: `${serverUrl}/updates/`,
      lastCheck: {
        at: 1_800_000_000_000,
        outcome: { status: 'up-to-date', currentVersion: CURRENT_VERSION },
      },
    });
  });

  it('finds a newer version and downloads it in the background, checked against the feed', async () => {
    await publish(...buildRelease('0.3.0'));
    const { updater, service } = installedApp(`${serverUrl}/updates/`);
    const downloaded = new Promise<string>((resolveDownload) =>
      updater.on('update-downloaded', (event) => resolveDownload(event.version)),
    );
    expect(await service.check()).toEqual({
      status: 'available',
      currentVersion: CURRENT_VERSION,
      latestVersion: '0.3.0',
    });
    expect(await downloaded).toBe('0.3.0');
  });

  it('leaves out a PC outside a staged roll-out', async () => {
    await publish(...buildRelease('0.4.0', { stagingPercentage: 0 }));
    const { service } = installedApp(`${serverUrl}/updates/`);
    expect(await service.check()).toEqual({ status: 'up-to-date', currentVersion: CURRENT_VERSION });
  });

  it('says in Chinese that the feed file is damaged', async () => {
    writeFileSync(join(dataDir, 'updates', CHANNEL_FILE), 'version: [0.5.0\nfiles: {');
    const { service } = installedApp(`${serverUrl}/updates/`);
    await expect(service.check()).rejects.toThrow('总部服务器上的更新描述文件已损坏，请联系管理员重新发布');
    expect(service.lastCheck?.outcome).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('已损坏'),
    });
  });

  it('says in Chinese that the server cannot be reached, and keeps that as the last result', async () => {
    const closed = new URL(serverUrl);
    closed.port = '1';
    const { service } = installedApp(`${closed.origin}/updates/`);
    await expect(service.check()).rejects.toThrow('连不上总部服务器，下次再检查更新');
    expect(service.lastCheck?.outcome).toMatchObject({ status: 'failed' });
  });
});

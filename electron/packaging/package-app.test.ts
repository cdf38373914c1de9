import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderArgs, mirrorUrl, packagingProblems } from './package-app';

/** An intranet Electron mirror holding only the Windows x64 zip of 41.7.1. */
let mirror: Server;
let mirrorBase: string;

beforeAll(async () => {
  mirror = createServer((request, response) => {
    response.statusCode = request.url === '/electron/v41.7.1/electron-v41.7.1-win32-x64.zip' ? 200 : 404;
    response.end();
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  mirrorBase = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/electron/`;
});
afterAll(() => new Promise<void>((resolve) => mirror.close(() => resolve())));

const UPDATE_URL = { YUNWEI_UPDATE_URL: 'https://yunwei.example.gov.cn:4310/updates/' };

describe('packaging prerequisites', () => {
  it('stops on a bare machine naming each variable to set', async () => {
    const linux = await packagingProblems('linux', {}, '41.7.1');
    expect(linux).toEqual([
      expect.stringContaining('YUNWEI_UPDATE_URL 未设置'),
      expect.stringContaining(
        '请设置 ELECTRON_MIRROR 为内网 Electron 镜像（其中应有 v41.7.1/electron-v41.7.1-linux-x64.zip、electron-v41.7.1-linux-arm64.zip）',
      ),
      expect.stringContaining('请设置 ELECTRON_BUILDER_BINARIES_MIRROR'),
    ]);
    const win = await packagingProblems('win', UPDATE_URL, '41.7.1');
    expect(win).toEqual([
      expect.stringContaining('或 YUNWEI_ELECTRON_DIST 为解压好的 Electron 目录'),
      expect.stringContaining('ELECTRON_BUILDER_NSIS_DIR'),
    ]);
  });

  it('asks the mirror for each Electron zip the target needs and names the one it lacks', async () => {
    const env = {
      ...UPDATE_URL,
      ELECTRON_MIRROR: mirrorBase,
      ELECTRON_BUILDER_BINARIES_MIRROR: 'http://intranet/eb/',
    };
    expect(await packagingProblems('win', env, '41.7.1')).toEqual([]);
    expect(await packagingProblems('linux', env, '41.7.1')).toEqual([
      `无法从 ELECTRON_MIRROR 取得 ${mirrorBase}v41.7.1/electron-v41.7.1-linux-x64.zip（HTTP 404）：请检查 ELECTRON_MIRROR（及 ELECTRON_CUSTOM_DIR）`,
      `无法从 ELECTRON_MIRROR 取得 ${mirrorBase}v41.7.1/electron-v41.7.1-linux-arm64.zip（HTTP 404）：请检查 ELECTRON_MIRROR（及 ELECTRON_CUSTOM_DIR）`,
    ]);
  });

  it('names an unreachable mirror instead of failing later with a stack trace', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const env = {
      ...UPDATE_URL,
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      ELECTRON_BUILDER_NSIS_DIR: '/nonexistent/nsis',
    };
    const problems = await packagingProblems('win', env, '41.7.1');
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^无法从 ELECTRON_MIRROR 取得 http://127\\.0\\.0\\.1:${port}/v41\\.7\\.1/electron-v41\\.7\\.1-win32-x64\\.zip（.*ECONNREFUSED.*）`,
        ),
      ),
      'ELECTRON_BUILDER_NSIS_DIR=/nonexistent/nsis 不存在',
    ]);
  });

  it('builds the mirror URL as @electron/get does, custom directory included', () => {
    expect(
      mirrorUrl(
        { ELECTRON_MIRROR: 'http://m/', ELECTRON_CUSTOM_DIR: 'electron-{{ version }}' },
        '41.7.1',
        'x.zip',
      ),
    ).toBe('http://m/electron-41.7.1/x.zip');
  });

  it('packages deb for x64 and arm64, NSIS for x64, never publishing from the build machine', () => {
    expect(builderArgs('linux', {})).toEqual([
      '--config',
      'build/electron-builder.yml',
      '--publish',
      'never',
      '--linux',
      'deb',
      '--x64',
      '--arm64',
    ]);
    expect(builderArgs('win', { YUNWEI_ELECTRON_DIST: '/opt/electron-win' })).toEqual([
      '--config',
      'build/electron-builder.yml',
      '--publish',
      'never',
      '--win',
      'nsis',
      '--x64',
      '-c.electronDist=/opt/electron-win',
    ]);
  });
});

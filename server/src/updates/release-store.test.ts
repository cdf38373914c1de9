import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReleaseRefused, listReleases, publishRelease } from './release-store';
import { writeRelease } from './testing-release';

let work: string;
let updates: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'yunwei-release-'));
  updates = join(work, 'updates');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function buildDir(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function refusal(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ReleaseRefused)) throw new Error(`应拒绝发布，实际为 ${String(error)}`);
  return error.problems;
}

describe('yunwei release publish', () => {
  it('publishes an installer and its feed file when size and SHA-512 match, and lists them', async () => {
    const release = writeRelease(buildDir('0.2.0'), { version: '0.2.0', stagingPercentage: 20 });
    const published = await publishRelease(updates, [release.installerFile, release.feedFile]);
    expect(published.feeds.map((feed) => feed.info.version)).toEqual(['0.2.0']);
    expect(readdirSync(updates).sort()).toEqual(['latest-linux.yml', release.installerName]);
    expect(readFileSync(join(updates, release.installerName))).toEqual(readFileSync(release.installerFile));

    expect(await listReleases(updates)).toEqual({
      feeds: [
        {
          name: 'latest-linux.yml',
          version: '0.2.0',
          releaseDate: '2026-12-06T08:00:00.000Z',
          stagingPercentage: 20,
          files: [{ name: release.installerName, size: 4096, state: 'ok' }],
        },
      ],
      unreadable: [],
    });
  });

  it('publishes nothing when an installer is not the file its feed describes', async () => {
    const release = writeRelease(buildDir('0.2.0'), { version: '0.2.0' });
    appendFileSync(release.installerFile, 'x');
    expect(await refusal(publishRelease(updates, [release.installerFile, release.feedFile]))).toEqual([
      expect.stringContaining('大小为 4097 字节，latest-linux.yml 写的是 4096 字节'),
    ]);

    const sameSize = writeRelease(buildDir('0.2.1'), { version: '0.2.1' });
    const bytes = readFileSync(sameSize.installerFile);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    writeFileSync(sameSize.installerFile, bytes);
    expect(await refusal(publishRelease(updates, [sameSize.installerFile, sameSize.feedFile]))).toEqual([
      expect.stringContaining('SHA-512 与 latest-linux.yml 中的不符'),
    ]);
    expect(readdirSync(work)).not.toContain('updates');
  });

  it('says what is wrong with a corrupt feed file, and with installers no feed file names', async () => {
    const dir = buildDir('bad');
    const release = writeRelease(dir, { version: '0.2.0' });
    writeFileSync(join(dir, 'latest.yml'), 'version: [unclosed');
    writeFileSync(join(dir, 'latest-linux-arm64.yml'), 'version: 1.x\nfiles: []\n');
    const problems = await refusal(
      publishRelease(updates, [
        join(dir, 'latest.yml'),
        join(dir, 'latest-linux-arm64.yml'),
        release.installerFile,
      ]),
    );
    expect(problems).toEqual([
      expect.stringMatching(/latest\.yml：不是有效的 YAML/),
      expect.stringContaining('version：version 不是语义化版本号（如 1.2.3）；files：files 不能为空'),
      expect.stringContaining(`${release.installerFile}：没有任何一同发布的 yml 提到它，不发布`),
    ]);
    expect(await refusal(publishRelease(updates, [release.installerFile]))).toEqual([
      '没有更新描述文件（latest*.yml）：安装包只随描述它的 yml 一起发布',
    ]);
  });

  it('republishes a feed file alone (a larger roll-out) against the installer already published', async () => {
    const dir = buildDir('0.2.0');
    const release = writeRelease(dir, { version: '0.2.0', stagingPercentage: 20 });
    await publishRelease(updates, [release.installerFile, release.feedFile]);
    writeFileSync(
      release.feedFile,
      readFileSync(release.feedFile, 'utf8').replace('stagingPercentage: 20', 'stagingPercentage: 100'),
    );
    await publishRelease(updates, [release.feedFile]);
    expect((await listReleases(updates)).feeds[0]).toMatchObject({
      stagingPercentage: 100,
      files: [{ state: 'ok' }],
    });

    rmSync(join(updates, release.installerName));
    expect(await refusal(publishRelease(updates, [release.feedFile]))).toEqual([
      `latest-linux.yml 提到的 ${release.installerName} 既不在本次发布的文件中，也未发布过`,
    ]);
    expect((await listReleases(updates)).feeds[0]?.files).toEqual([
      { name: release.installerName, size: 4096, state: 'missing' },
    ]);
  });

  it('refuses a downgrade unless forced', async () => {
    const newer = writeRelease(buildDir('0.3.0'), { version: '0.3.0' });
    await publishRelease(updates, [newer.installerFile, newer.feedFile]);
    const older = writeRelease(buildDir('0.2.0'), { version: '0.2.0' });
    expect(await refusal(publishRelease(updates, [older.installerFile, older.feedFile]))).toEqual([
      expect.stringContaining('latest-linux.yml：版本 0.2.0 低于已发布的 0.3.0，这是降级'),
    ]);
    await publishRelease(updates, [older.installerFile, older.feedFile], { force: true });
    expect((await listReleases(updates)).feeds[0]?.version).toBe('0.2.0');
  });
});

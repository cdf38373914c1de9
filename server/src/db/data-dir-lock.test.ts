import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE_NAME, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  let dataDir: string;
  let lockPath: string;

  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'yunwei-lock-test-')), 'data');
    lockPath = join(dataDir, LOCK_FILE_NAME);
  });

  afterEach(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('creates the directory and a lock file naming this process', async () => {
    const lock = await lockDataDir(dataDir);
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    expect(await readdir(dataDir)).toEqual([LOCK_FILE_NAME]);
    await lock.release();
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a second lock while the first is held, naming the directory and owner', async () => {
    const lock = await lockDataDir(dataDir);
    const second = lockDataDir(dataDir);
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(`数据目录 ${dataDir} 正被进程 ${process.pid} 使用`);
    await lock.release();
    await (await lockDataDir(dataDir)).release();
  });

  it('takes over a lock whose process has exited', async () => {
    const lock = await lockDataDir(dataDir);
    await lock.release();
    const exited = spawnSync(process.execPath, ['-e', '']);
    await writeFile(lockPath, JSON.stringify({ pid: exited.pid, startedAt: '2026-01-01T00:00:00.000Z' }));
    const taken = await lockDataDir(dataDir);
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    await taken.release();
  });

  it('replaces a lock file that is not ours to read', async () => {
    await lockDataDir(dataDir).then((lock) => lock.release());
    await writeFile(lockPath, 'not json');
    const taken = await lockDataDir(dataDir);
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    await taken.release();
  });

  it('leaves alone a lock that another process has taken since', async () => {
    const lock = await lockDataDir(dataDir);
    const other = JSON.stringify({ pid: process.ppid, startedAt: '2026-01-01T00:00:00.000Z' });
    await writeFile(lockPath, other);
    await lock.release();
    expect(await readFile(lockPath, 'utf8')).toBe(other);
  });
});

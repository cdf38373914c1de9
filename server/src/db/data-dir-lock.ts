import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorReason } from '../error-reason';

/**
 * An embedded database belongs to one process: two PGlite engines writing one directory would
 * corrupt it. A lock file naming the owner's pid keeps a second server (or `yunwei migrate`) out
 * and is taken over once that pid no longer runs, e.g. after a crash.
 */
export const LOCK_FILE_NAME = 'server.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly lockPath: string,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${ownerPid} 使用（锁文件 ${lockPath}）。` +
        `请先停止那个运维台服务；如确认它已不在运行，可删除该锁文件后重试。`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  startedAt: string;
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new Error(`无法创建数据目录 ${dataDir}：${errorReason(error)}`, { cause: error });
  }
  const lockPath = join(dataDir, LOCK_FILE_NAME);
  const owner: LockOwner = { pid: process.pid, startedAt: new Date().toISOString() };

  // Two attempts: the second follows the removal of a lock left by a process that is gone.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (await createWithContent(lockPath, `${JSON.stringify(owner)}\n`)) {
      return { release: () => releaseIfOwned(lockPath, owner.pid) };
    }
    const current = await readOwner(lockPath);
    if (current !== undefined && isRunning(current.pid)) {
      throw new DataDirInUseError(dataDir, current.pid, lockPath);
    }
    await rm(lockPath, { force: true });
  }
  throw new Error(`无法锁定数据目录 ${dataDir}：锁文件 ${lockPath} 被删除后又立即被其他进程创建`);
}

/**
 * Creates `path` with its full content in one step (write a private file, then hard-link it), so a
 * competing process never sees an empty lock file that it could mistake for a stale one.
 */
async function createWithContent(path: string, content: string): Promise<boolean> {
  const draft = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(draft, content, { flag: 'wx' });
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if (hasCode(error, 'EEXIST')) return false;
    throw new Error(`无法创建锁文件 ${path}：${errorReason(error)}`, { cause: error });
  } finally {
    await rm(draft, { force: true });
  }
}

/** The lock's owner, or undefined when the file is gone or unreadable (a stale or foreign file). */
async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw new Error(`无法读取锁文件 ${lockPath}：${errorReason(error)}`, { cause: error });
  }
  const parsed: unknown = safeJsonParse(text);
  if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && Number.isInteger(parsed.pid)) {
    return parsed as LockOwner;
  }
  return undefined;
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Content that is not our JSON means the file is not a lock we can trust; the caller replaces it.
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return hasCode(error, 'EPERM');
  }
}

async function releaseIfOwned(lockPath: string, pid: number): Promise<void> {
  const current = await readOwner(lockPath);
  if (current?.pid === pid) await rm(lockPath, { force: true });
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, readdir, realpath, rename, rm, rmdir } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { errorReason } from '../error-reason';

/**
 * An embedded database belongs to one process: two PGlite engines writing one directory would
 * corrupt it. The owner proves it is alive by listening on a socket that the kernel closes when the
 * process ends, however it ends: a crashed owner, a zombie nobody has reaped yet, or an owner whose
 * pid now belongs to someone else (pid reuse, or a container restarted in a fresh PID namespace where
 * the new server has the old one's pid) all leave a socket nobody answers, and the lock is taken over.
 *
 * On Linux and macOS the lock is the directory `server.lock` holding the owner's Unix socket, named
 * `<pid>-<random>.sock`. It is installed by renaming a private directory that already holds the
 * listening socket onto `server.lock`, which the kernel refuses while `server.lock` is not empty, so
 * two processes can never both install one. A stale lock is cleared by removing the dead socket by its
 * unique name and then the directory only if it is empty: neither step can remove a live owner's
 * socket. On Windows the lock is a named pipe derived from the directory's path (Node has no Unix
 * sockets there); the kernel refuses a second pipe of the same name and removes it with the process.
 */
export const LOCK_NAME = 'server.lock';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number | undefined,
    readonly lockPath: string,
  ) {
    super(
      `数据目录 ${dataDir} 正被${ownerPid === undefined ? '另一个进程' : `进程 ${ownerPid} `}使用（锁 ${lockPath}）。` +
        `请先停止那个运维台服务再重试。`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

/** sun_path holds 108 bytes on Linux and 104 on macOS, each with its terminating NUL. */
const MAX_SOCKET_PATH_BYTES = 103;

/** Clearing a stale lock and installing ours can lose a race to another process this often before we give up. */
const INSTALL_ATTEMPTS = 10;
/** A start creates its draft and listens in it within milliseconds; a socket-less draft older than this is litter. */
const DRAFT_GRACE_MS = 60_000;

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (error) {
    throw new Error(`无法创建数据目录 ${dataDir}：${errorReason(error)}`, { cause: error });
  }
  return process.platform === 'win32' ? lockWithNamedPipe(dataDir) : lockWithSocketDir(dataDir);
}

async function lockWithSocketDir(dataDir: string, draftsLeft = INSTALL_ATTEMPTS): Promise<DataDirLock> {
  const lockPath = join(dataDir, LOCK_NAME);
  await removeDeadDrafts(dataDir);
  const socketName = `${process.pid}-${randomBytes(6).toString('hex')}.sock`;
  const draftPath = join(dataDir, `${LOCK_NAME}.${socketName}.draft`);
  await mkdir(draftPath);
  let server: Server;
  try {
    server = await listenIn(draftPath, socketName);
  } catch (error) {
    await rm(draftPath, { recursive: true, force: true });
    throw new Error(`无法锁定数据目录 ${dataDir}：${errorReason(error)}`, { cause: error });
  }
  const abandon = async () => {
    await closeServer(server);
    await rm(draftPath, { recursive: true, force: true });
  };

  for (let attempt = 0; attempt < INSTALL_ATTEMPTS; attempt += 1) {
    try {
      await rename(draftPath, lockPath);
      return { release: () => releaseSocketDir(server, lockPath, socketName) };
    } catch (error) {
      if (hasCode(error, 'ENOENT') && draftsLeft > 1) {
        // Our draft went: another start took it for litter in the instant before we listened in it.
        await abandon();
        return lockWithSocketDir(dataDir, draftsLeft - 1);
      }
      if (!hasCode(error, 'ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR')) {
        await abandon();
        throw new Error(`无法锁定数据目录 ${dataDir}：${errorReason(error)}`, { cause: error });
      }
    }
    let owner: LiveOwner | undefined;
    try {
      owner = await liveOwnerOrClear(lockPath);
    } catch (error) {
      await abandon();
      throw error;
    }
    if (owner !== undefined) {
      await abandon();
      throw new DataDirInUseError(dataDir, owner.pid, lockPath);
    }
  }
  await abandon();
  throw new Error(`无法锁定数据目录 ${dataDir}：锁 ${lockPath} 清除后一再被其他进程抢先占用`);
}

interface LiveOwner {
  pid: number | undefined;
}

/**
 * The live owner of the lock at `lockPath`, or undefined after removing what a dead owner left there.
 * Every removal names a socket whose owner was just found dead, so it never touches a newer owner's.
 */
async function liveOwnerOrClear(lockPath: string): Promise<LiveOwner | undefined> {
  const stat = await lstatOrUndefined(lockPath);
  if (stat === undefined) return undefined;
  if (!stat.isDirectory()) return legacyOwnerOrClear(lockPath);
  for (const name of await readdirOrEmpty(lockPath)) {
    if (await answers(lockPath, name)) return { pid: pidFromSocketName(name) };
    await rm(join(lockPath, name), { recursive: true, force: true });
  }
  try {
    await rmdir(lockPath);
  } catch (error) {
    // Another process has cleared it too, or installed its own lock since: the next attempt sees which.
    if (!hasCode(error, 'ENOENT', 'ENOTEMPTY', 'EEXIST')) throw lockError(lockPath, error);
  }
  return undefined;
}

/**
 * Releases up to this one wrote a file `server.lock` holding `{"pid": …}` and asked the kernel whether
 * that pid exists. Such a file is honoured while a process with that pid (other than this one) runs,
 * so that an older release still serving the directory keeps it; otherwise it is stale and removed.
 */
async function legacyOwnerOrClear(lockPath: string): Promise<LiveOwner | undefined> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw lockError(lockPath, error);
  }
  const pid = legacyPid(text);
  if (pid !== undefined && pid !== process.pid && pidExists(pid)) return { pid };
  await rm(lockPath, { force: true });
  return undefined;
}

function legacyPid(text: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not the JSON an older release wrote: nobody's lock, so the caller removes it.
    return undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && Number.isInteger(parsed.pid)) {
    return parsed.pid as number;
  }
  return undefined;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return hasCode(error, 'EPERM');
  }
}

/** Drafts are left behind by a process that died between creating its socket and installing it. */
async function removeDeadDrafts(dataDir: string): Promise<void> {
  for (const entry of await readdirOrEmpty(dataDir)) {
    const match = /^server\.lock\.(.+\.sock)\.draft$/.exec(entry);
    if (match === null) continue;
    const draftPath = join(dataDir, entry);
    const socketName = match[1] as string;
    // A draft without its socket yet may belong to a process between creating it and listening in
    // it (a race of several starts): only one older than any start could take is left over.
    if ((await lstatOrUndefined(join(draftPath, socketName))) === undefined) {
      const draft = await lstatOrUndefined(draftPath);
      if (draft === undefined || Date.now() - draft.mtimeMs < DRAFT_GRACE_MS) continue;
    } else if (await answers(draftPath, socketName)) {
      continue;
    }
    await rm(draftPath, { recursive: true, force: true });
  }
}

/** Whether a process listens on the socket `name` in `dir`: the kernel answers a connect for it even while its event loop is busy. */
async function answers(dir: string, name: string): Promise<boolean> {
  try {
    return await withSocketPath(dir, name, probe);
  } catch (error) {
    // The directory went away: whoever cleared it found this owner dead too.
    if (hasCode(error, 'ENOENT')) return false;
    throw lockError(join(dir, name), error);
  }
}

function probe(path: string): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (error) => {
      socket.destroy();
      // EAGAIN: the owner's accept queue is full, so it is alive and busy. ECONNRESET, EPIPE: it
      // accepted and closed the connection (as `listen` does with every one) before this side saw it
      // open, which only a live owner does.
      if (hasCode(error, 'EAGAIN', 'ECONNRESET', 'EPIPE')) resolve(true);
      else if (hasCode(error, 'ECONNREFUSED', 'ENOENT', 'ENOTSOCK')) resolve(false);
      else reject(error);
    });
  });
}

async function listenIn(dir: string, name: string): Promise<Server> {
  return withSocketPath(dir, name, (path) => listen(path));
}

function listen(path: string): Promise<Server> {
  // Connections only prove we are alive; they are closed at once and never keep the process running.
  const server = createServer((connection) => connection.destroy());
  return new Promise<Server>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      server.unref();
      resolve(server);
    });
  });
}

/**
 * Runs `use` with a path to the socket `name` in `dir` that fits in a socket address. Node silently
 * truncates a longer one, so on Linux a long data directory is reached through an open descriptor.
 */
async function withSocketPath<T>(dir: string, name: string, use: (path: string) => Promise<T>): Promise<T> {
  const path = join(dir, name);
  if (Buffer.byteLength(path) <= MAX_SOCKET_PATH_BYTES) return use(path);
  if (process.platform !== 'linux') {
    throw new Error(
      `数据目录路径过长（锁 ${path} 超过 ${MAX_SOCKET_PATH_BYTES} 字节），请换一个较短的数据目录`,
    );
  }
  const handle = await open(dir, 'r');
  try {
    return await use(`/proc/self/fd/${handle.fd}/${name}`);
  } finally {
    await handle.close();
  }
}

async function releaseSocketDir(server: Server, lockPath: string, socketName: string): Promise<void> {
  await closeServer(server);
  await rm(join(lockPath, socketName), { force: true });
  try {
    await rmdir(lockPath);
  } catch (error) {
    // ENOTEMPTY: another process installed its lock the moment ours was gone; it is theirs now.
    if (!hasCode(error, 'ENOENT', 'ENOTEMPTY', 'EEXIST')) throw lockError(lockPath, error);
  }
}

async function lockWithNamedPipe(dataDir: string): Promise<DataDirLock> {
  const key = createHash('sha256')
    .update((await realpath(dataDir)).toLowerCase())
    .digest('hex')
    .slice(0, 32);
  const pipePath = `\\\\.\\pipe\\yunwei-desk-${key}`;
  try {
    const server = await listen(pipePath);
    return { release: () => closeServer(server) };
  } catch (error) {
    if (hasCode(error, 'EADDRINUSE')) throw new DataDirInUseError(dataDir, undefined, pipePath);
    throw new Error(`无法锁定数据目录 ${dataDir}：${errorReason(error)}`, { cause: error });
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function pidFromSocketName(name: string): number | undefined {
  const match = /^(\d+)-/.exec(name);
  return match === null ? undefined : Number(match[1]);
}

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw lockError(path, error);
  }
}

async function readdirOrEmpty(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if (hasCode(error, 'ENOENT', 'ENOTDIR')) return [];
    throw lockError(path, error);
  }
}

function lockError(path: string, error: unknown): Error {
  return new Error(`无法检查数据目录的锁 ${path}：${errorReason(error)}`, { cause: error });
}

function hasCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && 'code' in error && codes.includes(String(error.code));
}

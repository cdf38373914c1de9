import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_NAME, lockDataDir } from './data-dir-lock';

const HOLDER = join(import.meta.dirname, '../test-support/hold-data-dir-lock.ts');
const isRoot = process.getuid?.() === 0;
const canUnshare =
  isRoot &&
  spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true'], { stdio: 'ignore' }).status === 0;

interface Holder {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the holder's first line: `locked <pid>` or `in-use`. */
  firstLine: Promise<string>;
  exited: Promise<void>;
}

/** Runs the lock holder under `command` (e.g. `unshare …`), or as a plain node process. */
function startHolder(dataDir: string, wrapper: string[] = []): Holder {
  const nodeArgs = ['--import', 'tsx', HOLDER, dataDir];
  const [command, ...args] =
    wrapper.length > 0 ? [...wrapper, process.execPath, ...nodeArgs] : [process.execPath, ...nodeArgs];
  const child = spawn(command as string, args);
  let stdout = '';
  let stderr = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] as string);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', () => reject(new Error(`holder exited before a line: ${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, firstLine, exited };
}

/** The pid, as this process sees it, of the only child of `pid`. */
function onlyChildPid(pid: number): number {
  const children = spawnSync('cat', [`/proc/${pid}/task/${pid}/children`], {
    encoding: 'utf8',
  }).stdout.trim();
  return Number(children);
}

function processState(pid: number): string {
  const stat = spawnSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' }).stdout;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] as string;
}

describe('lockDataDir', () => {
  let dataDir: string;
  let lockPath: string;
  const started: Holder[] = [];

  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'yunwei-lock-test-')), 'data');
    lockPath = join(dataDir, LOCK_NAME);
  });

  afterEach(async () => {
    for (const holder of started.splice(0)) {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  function holder(wrapper: string[] = []): Holder {
    const started_ = startHolder(dataDir, wrapper);
    started.push(started_);
    return started_;
  }

  it('creates the directory and a lock naming this process, and leaves nothing after release', async () => {
    const lock = await lockDataDir(dataDir);
    expect(await readdir(dataDir)).toEqual([LOCK_NAME]);
    expect(await readdir(lockPath)).toEqual([
      expect.stringMatching(new RegExp(`^${process.pid}-[0-9a-f]+\\.sock$`)),
    ]);
    await lock.release();
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a second lock while the first is held, naming the directory and owner', async () => {
    const lock = await lockDataDir(dataDir);
    const second = lockDataDir(dataDir);
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(`数据目录 ${dataDir} 正被进程 ${process.pid} 使用`);
    expect(await readdir(dataDir)).toEqual([LOCK_NAME]);
    await lock.release();
    await (await lockDataDir(dataDir)).release();
  });

  it('refuses while another process holds it and takes it over at once when that process is killed', async () => {
    const owner = holder();
    const line = await owner.firstLine;
    expect(line).toMatch(/^locked \d+$/);
    await expect(lockDataDir(dataDir)).rejects.toThrow(`正被进程 ${owner.child.pid} 使用`);
    owner.child.kill('SIGKILL');
    await owner.exited;
    const taken = await lockDataDir(dataDir);
    await taken.release();
  });

  it('takes over from an owner that was killed but not yet reaped (a zombie)', async () => {
    // The owner's parent execs `sleep`, which never waits for children, so the killed owner stays a zombie.
    const parent = spawn('sh', [
      '-c',
      `"${process.execPath}" --import tsx "${HOLDER}" "${dataDir}" & exec sleep 60`,
    ]);
    const parentExited = new Promise<void>((resolve) => parent.on('exit', () => resolve()));
    try {
      const ownerPid = await new Promise<number>((resolve) => {
        parent.stdout.on('data', (chunk: Buffer) =>
          resolve(Number(/locked (\d+)/.exec(chunk.toString())?.[1])),
        );
      });
      process.kill(ownerPid, 'SIGKILL');
      const deadline = Date.now() + 5000;
      while (processState(ownerPid) !== 'Z' && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(processState(ownerPid)).toBe('Z');
      const taken = await lockDataDir(dataDir);
      await taken.release();
    } finally {
      parent.kill('SIGKILL');
      await parentExited;
    }
  });

  it.skipIf(!canUnshare)(
    'restarts in a fresh PID namespace after SIGKILL, where the new owner has the old one’s pid',
    async () => {
      // --kill-child: the namespace's pid 1 dies with unshare, so afterEach's kill leaves no process behind.
      const unshare = ['unshare', '--pid', '--fork', '--kill-child', '--mount-proc'];
      const first = holder(unshare);
      expect(await first.firstLine).toBe('locked 1');
      process.kill(onlyChildPid(first.child.pid as number), 'SIGKILL');
      await first.exited;
      const second = holder(unshare);
      expect(await second.firstLine).toBe('locked 1');
    },
    30_000,
  );

  it('lets exactly one of several processes racing for a stale lock have it', async () => {
    const dead = holder();
    await dead.firstLine;
    dead.child.kill('SIGKILL');
    await dead.exited;
    const racers = [holder(), holder(), holder(), holder()];
    const lines = await Promise.all(racers.map((racer) => racer.firstLine));
    expect(lines.filter((line) => line.startsWith('locked'))).toHaveLength(1);
    expect(lines.filter((line) => line === 'in-use')).toHaveLength(3);
  }, 30_000);

  it('removes a draft left by a process that died before installing its lock', async () => {
    await mkdir(dataDir, { recursive: true });
    const draft = join(dataDir, `${LOCK_NAME}.99999-0123456789ab.sock.draft`);
    await mkdir(draft);
    // Nobody listens on it, as with the socket of a process that is gone.
    await writeFile(join(draft, '99999-0123456789ab.sock'), '');
    const lock = await lockDataDir(dataDir);
    expect(await readdir(dataDir)).toEqual([LOCK_NAME]);
    await lock.release();
  });

  it.skipIf(process.platform !== 'linux')(
    'works in a data directory whose path is too long for a socket address',
    async () => {
      dataDir = join(dataDir, 'a-long-directory-name-'.repeat(5));
      lockPath = join(dataDir, LOCK_NAME);
      const owner = holder();
      expect(await owner.firstLine).toMatch(/^locked/);
      await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirInUseError);
      owner.child.kill('SIGKILL');
      await owner.exited;
      await (await lockDataDir(dataDir)).release();
    },
    30_000,
  );

  describe('a lock file written by an older release', () => {
    it('is honoured while its pid runs', async () => {
      await mkdir(dataDir, { recursive: true });
      await writeFile(lockPath, JSON.stringify({ pid: process.ppid, startedAt: '2026-01-01T00:00:00.000Z' }));
      await expect(lockDataDir(dataDir)).rejects.toThrow(`正被进程 ${process.ppid} 使用`);
      expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.ppid });
    });

    it('is replaced when its pid no longer runs, is this process, or it is not JSON', async () => {
      await mkdir(dataDir, { recursive: true });
      const exited = spawnSync(process.execPath, ['-e', '']);
      for (const content of [
        JSON.stringify({ pid: exited.pid }),
        JSON.stringify({ pid: process.pid }),
        'not json',
      ]) {
        await writeFile(lockPath, content);
        const lock = await lockDataDir(dataDir);
        expect(await readdir(lockPath)).toHaveLength(1);
        await lock.release();
      }
    });
  });

  it('leaves alone a lock that another process has installed since', async () => {
    const lock = await lockDataDir(dataDir);
    const [ours] = await readdir(lockPath);
    await rm(join(lockPath, ours as string));
    const other = holder();
    expect(await other.firstLine).toMatch(/^locked/);
    await lock.release();
    expect(await readdir(lockPath)).toEqual([expect.stringMatching(new RegExp(`^${other.child.pid}-`))]);
  });
});

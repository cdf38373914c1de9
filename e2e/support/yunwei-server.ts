import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo-root';

export interface RunningYunweiServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** An account created with `yunwei user add` before the server starts, as the HQ admin would. */
export interface ServerAccount {
  readonly name: string;
  readonly role: 'engineer' | 'service_manager' | 'project_lead' | 'auditor';
  readonly subsystems?: readonly number[];
  /** The document-system units a service manager covers. */
  readonly units?: readonly number[];
  readonly password: string;
}

const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+/;

/**
 * The environment of the server and the CLI: without DATABASE_URL (which CI sets for the PostgreSQL
 * half of the unit tests), which would send both to that shared database instead of the fresh embedded
 * one, so that a second run found the accounts of the first.
 */
const EMBEDDED_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL'),
);
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts the real server exactly as an admin would (`npm run --silent yunwei -- serve`) on a free port
 * with a fresh embedded database in a temporary folder, and resolves with the URL it prints.
 */
/**
 * The stopped server's last files may still be landing while the folder is removed (ENOTEMPTY seen in
 * a run on the embedded database): Node retries such removals when asked.
 */
const REMOVE_DATA = { recursive: true, force: true, maxRetries: 10, retryDelay: 100 } as const;

export async function startYunweiServer(
  accounts: readonly ServerAccount[] = [],
  /** More environment for `serve` (deployment settings such as YUNWEI_MAX_CLOCK_DRIFT_MINUTES). */
  serverEnv: Readonly<Record<string, string>> = {},
): Promise<RunningYunweiServer> {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/renderer/index.html 不存在：e2e 测试需要先构建前端（npm run build:renderer）');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'yunwei-e2e-data-'));
  try {
    for (const account of accounts) await addAccount(account, dataDir);
  } catch (error) {
    await rm(dataDir, REMOVE_DATA);
    throw error;
  }
  // Its own process group, so stopping it also stops the tsx and node processes npm starts under it.
  const child = spawn('npm', ['run', '--silent', 'yunwei', '--', 'serve', '--port', '0', '--data', dataDir], {
    cwd: REPO_ROOT,
    env: { ...EMBEDDED_ENV, ...serverEnv },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await waitForUrl(child);
    return {
      url,
      stop: async () => {
        await stopGroup(child);
        await rm(dataDir, REMOVE_DATA);
      },
    };
  } catch (error) {
    await stopGroup(child);
    await rm(dataDir, REMOVE_DATA);
    throw error;
  }
}

function addAccount(account: ServerAccount, dataDir: string): Promise<void> {
  const args = ['run', '--silent', 'yunwei', '--', 'user', 'add', account.name, '--role', account.role];
  if (account.subsystems !== undefined) args.push('--subsystems', account.subsystems.join(','));
  if (account.units !== undefined) args.push('--units', account.units.join(','));
  args.push('--password-stdin', '--data', dataDir);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: REPO_ROOT, env: EMBEDDED_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => reject(new Error(`无法运行 npm：${error.message}`)));
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`创建账户 ${account.name} 失败（退出码 ${code ?? '无'}）：\n${output}`));
    });
    child.stdin.end(`${account.password}\n`);
  });
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`运维台服务未能启动（${reason}）。服务输出：\n${output || '（无）'}`));
    };
    const timer = setTimeout(() => fail(`${START_TIMEOUT_MS / 1000} 秒内未打印服务地址`), START_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_PATTERN.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', (error) => fail(`无法运行 npm：${error.message}`));
    child.once('exit', (code, signal) => fail(`进程已退出，退出码 ${code ?? '无'}，信号 ${signal ?? '无'}`));
  });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), STOP_TIMEOUT_MS)),
  ]);
  if (timedOut) {
    console.warn(`[e2e] 服务在 ${STOP_TIMEOUT_MS / 1000} 秒内未停止，强制结束进程组 ${child.pid}`);
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

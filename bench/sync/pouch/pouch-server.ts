import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Ticket } from '@core/records';

const require = createRequire(import.meta.url);

export interface PouchServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * pouchdb-server (the peer), in memory, on loopback, in a temporary working folder: it writes
 * config.json and log.txt into its cwd.
 */
export async function startPouchServer(): Promise<PouchServer> {
  const folder = await mkdtemp(path.join(tmpdir(), 'yunwei-bench-pouch-'));
  const port = await freePort();
  const bin = path.join(
    path.dirname(require.resolve('pouchdb-server/package.json')),
    'bin',
    'pouchdb-server',
  );
  const child = spawn(
    process.execPath,
    [bin, '--in-memory', '--no-stdout-logs', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child);
  } catch (error) {
    child.kill();
    await exited;
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    async close() {
      if (child.exitCode === null) child.kill();
      await exited;
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('没有空闲端口')),
      );
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server 启动后即退出（退出码 ${child.exitCode}）`);
    try {
      if ((await fetch(`${url}/`)).ok) return;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`pouchdb-server 在 30 秒内没有在 ${url} 上就绪`);
}

/** The tickets as documents (`_id` = ticket id, the ticket's fields as they are) in a new database. */
export async function seedPouch(
  url: string,
  database: string,
  tickets: readonly Ticket[],
  progress: (done: number) => void,
): Promise<void> {
  await expectOk(await fetch(`${url}/${database}`, { method: 'PUT' }), `创建 PouchDB 数据库 ${database}`);
  const batch = 1_000;
  for (let start = 0; start < tickets.length; start += batch) {
    const docs = tickets.slice(start, start + batch).map((ticket) => ({ _id: ticket.id, ...ticket }));
    await expectOk(
      await fetch(`${url}/${database}/_bulk_docs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docs }),
      }),
      `写入 PouchDB 文档 ${start}–${start + docs.length}`,
    );
    progress(start + docs.length);
  }
}

async function expectOk(response: Response, what: string): Promise<void> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}失败：${response.status} ${text.slice(0, 300)}`);
}

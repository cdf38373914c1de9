import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'server/src/cli/main.ts');
const canUnshare =
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * `yunwei serve` on the embedded database in a fresh PID namespace, as a container or a service
 * manager starts it: the server is pid 1 there, every time. --kill-child: a SIGKILL of unshare
 * reaches the server.
 */
function serveInNewPidNamespace(dataDir: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    'unshare',
    [
      '--pid',
      '--fork',
      '--kill-child',
      '--mount-proc',
      process.execPath,
      '--import',
      'tsx',
      MAIN,
      'serve',
      '--port',
      '0',
      '--data',
      dataDir,
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' } },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout);
      if (match !== null) resolve(match[0]);
    });
    child.on('exit', () => reject(new Error(`serve exited before listening: ${stderr}`)));
  });
  return { child, url, exited };
}

describe.skipIf(!canUnshare)('yunwei serve restarted in a fresh PID namespace', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yunwei-pidns-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts again at once after each SIGKILL, though the new server has the old one’s pid', async () => {
    for (let start = 0; start < 3; start += 1) {
      const server = serveInNewPidNamespace(dataDir);
      try {
        const health = await fetch(`${await server.url}/api/v1/health`);
        expect(health.status, `start ${start + 1}`).toBe(200);
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
  }, 120_000);
});

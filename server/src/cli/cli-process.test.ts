import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const MAIN = join(ROOT, 'server/src/cli/main.ts');

function start(args: string[]) {
  const child = spawn(process.execPath, [TSX, MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the yunwei process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yunwei-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves until SIGTERM, prints its URL and data folder, and stops cleanly', async () => {
    const server = start(['serve', '--port', '0', '--data', dataDir]);
    await waitFor(() => /http:\/\/127\.0\.0\.1:\d+/.test(server.output().stdout), 'the URL');
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(server.output().stdout)?.[0] as string;
    expect(server.output().stdout).toContain(dataDir);
    const health = (await (await fetch(`${url}/api/v1/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toMatch(/服务已停止/);
  });

  it('exits 2 with usage on stderr for a bad port', async () => {
    const run = start(['serve', '--port', 'eighty']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toMatch(/--port/);
    expect(run.output().stderr).toMatch(/用法/);
  });
});

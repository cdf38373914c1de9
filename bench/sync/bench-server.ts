import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerChildConfig, ServerChildMessage } from './server-child';

export interface BenchServer {
  readonly url: string;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/** Starts the yunwei server in a child process (see server-child.ts) and waits until it listens. */
export async function startBenchServer(config: ServerChildConfig): Promise<BenchServer> {
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 2, 2, 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: ServerChildMessage) => {
      if (message.kind === 'ready') resolve(message.url);
      else reject(new Error(`bench 服务启动失败：${message.reason}`));
    });
    child.once('exit', (code) => reject(new Error(`bench 服务进程在就绪前退出（退出码 ${code}）`)));
    child.send(config);
  });
  return {
    url,
    async close() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}

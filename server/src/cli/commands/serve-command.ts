import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, startServer } from '../../server';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';

export const SERVE_USAGE = `用法：yunwei serve [--port N] [--host ADDRESS] [--data DIR]
  启动中心服务并提供运维台前端。未设置 DATABASE_URL 时使用 DIR 中的内置数据库（PGlite），
  默认 DIR 为用户应用数据目录；--port 0 表示任选空闲端口（默认 4310）。
  环境变量 YUNWEI_MAX_CLOCK_DRIFT_MINUTES：客户端时钟最多可比服务器快几分钟（默认 5）。`;

const RENDERER_DIR = fileURLToPath(new URL('../../../../dist/renderer', import.meta.url));

export const serveCommand: Command = async (args, io) => {
  const { values, positionals } = parseOptions(SERVE_USAGE, () =>
    parseArgs({
      args: [...args],
      options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    }),
  );
  if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`, SERVE_USAGE);
  const port = parsePort(values.port ?? '4310');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : (values.data ?? defaultDataDir());
  const staticDir = existsSync(RENDERER_DIR) ? RENDERER_DIR : undefined;
  const drift = process.env.YUNWEI_MAX_CLOCK_DRIFT_MINUTES;
  const security =
    drift === undefined || drift === '' ? undefined : { maxClockDriftMs: driftMinutes(drift) * 60_000 };

  const server = await startServer({
    port,
    host: values.host ?? '127.0.0.1',
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(staticDir === undefined ? {} : { staticDir }),
    ...(security === undefined ? {} : { security }),
  });
  io.stdout.write(
    databaseUrl
      ? '数据库：PostgreSQL（DATABASE_URL）\n'
      : `数据目录：${server.dataDir ?? dataDir}（内置 PGlite 数据库）\n`,
  );
  if (!staticDir) io.stderr.write('未找到前端构建（dist/renderer），仅提供 API；请先运行 npm run build\n');
  io.stdout.write(`运维台服务已启动：${server.url}\n`);

  const signal = await io.stopSignal;
  io.stdout.write(`收到 ${signal}，正在停止服务…\n`);
  await server.close();
  io.stdout.write('服务已停止\n');
  return 0;
};

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`--port 应为 0–65535 的整数，收到 "${text}"`, SERVE_USAGE);
  }
  return port;
}

function driftMinutes(text: string): number {
  const minutes = Number(text);
  if (!/^\d+$/.test(text) || minutes < 1) {
    throw new UsageError(
      `环境变量 YUNWEI_MAX_CLOCK_DRIFT_MINUTES 应为正整数（分钟），收到 "${text}"`,
      SERVE_USAGE,
    );
  }
  return minutes;
}

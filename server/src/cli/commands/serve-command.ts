import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, startServer } from '../../server';
import { errorReason } from '../../error-reason';
import { updatesDirOf } from '../../updates/updates-dir';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';

export const SERVE_USAGE = `用法：yunwei serve [--port N] [--host ADDRESS] [--data DIR]
                   [--tls-cert FILE --tls-key FILE [--http-port N]] [--allow-plain-http] [--updates DIR]
  启动中心服务并提供运维台前端。未设置 DATABASE_URL 时使用 DIR 中的内置数据库（PGlite），
  默认 DIR 为用户应用数据目录；--port 0 表示任选空闲端口（默认 4310）。
  --tls-cert/--tls-key：PEM 格式的证书和私钥，提供后 --port 只接受 HTTPS；
  --http-port：另开一个 HTTP 端口，只把访问跳转到 HTTPS（例如 80）；
  --allow-plain-http：不用 HTTPS 时，允许其他电脑上的运维台通过不加密的 HTTP 登录（不建议）。
  --updates：桌面版的更新目录（yunwei release publish 发布到这里），在 /updates/ 下提供；
    默认为数据目录下的 updates。
  环境变量 YUNWEI_TLS_CERT、YUNWEI_TLS_KEY、YUNWEI_HTTP_PORT、YUNWEI_ALLOW_PLAIN_HTTP=1、YUNWEI_UPDATES_DIR
  与上述选项相同；
  YUNWEI_MAX_CLOCK_DRIFT_MINUTES：客户端时钟最多可比服务器快几分钟（默认 5）。`;

const RENDERER_DIR = fileURLToPath(new URL('../../../../dist/renderer', import.meta.url));

export const serveCommand: Command = async (args, io) => {
  const { values, positionals } = parseOptions(SERVE_USAGE, () =>
    parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'http-port': { type: 'string' },
        'allow-plain-http': { type: 'boolean' },
        updates: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    }),
  );
  if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`, SERVE_USAGE);
  const port = parsePort(values.port ?? '4310', '--port');
  const tls = readTls(
    values['tls-cert'] ?? envValue('YUNWEI_TLS_CERT'),
    values['tls-key'] ?? envValue('YUNWEI_TLS_KEY'),
  );
  const httpPortText = values['http-port'] ?? envValue('YUNWEI_HTTP_PORT');
  const httpRedirectPort = httpPortText === undefined ? undefined : parsePort(httpPortText, '--http-port');
  if (httpRedirectPort !== undefined && tls === undefined) {
    throw new UsageError(
      '--http-port 只在启用 HTTPS 时有用：请同时给出 --tls-cert 和 --tls-key',
      SERVE_USAGE,
    );
  }
  const allowPlainHttp = values['allow-plain-http'] === true || envValue('YUNWEI_ALLOW_PLAIN_HTTP') === '1';
  if (allowPlainHttp && tls !== undefined) {
    throw new UsageError(
      '已启用 HTTPS，不能再允许不加密的 HTTP 登录：请去掉 --allow-plain-http',
      SERVE_USAGE,
    );
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : (values.data ?? defaultDataDir());
  const staticDir = existsSync(RENDERER_DIR) ? RENDERER_DIR : undefined;
  const updatesDir = updatesDirOf(process.env, values);
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
    ...(tls === undefined ? {} : { tls }),
    ...(httpRedirectPort === undefined ? {} : { httpRedirectPort }),
    ...(allowPlainHttp ? { allowPlainHttp } : {}),
    updatesDir,
  });
  io.stdout.write(
    databaseUrl
      ? '数据库：PostgreSQL（DATABASE_URL）\n'
      : `数据目录：${server.dataDir ?? dataDir}（内置 PGlite 数据库）\n`,
  );
  if (!staticDir) io.stderr.write('未找到前端构建（dist/renderer），仅提供 API；请先运行 npm run build\n');
  io.stdout.write(`运维台服务已启动：${server.url}\n`);
  io.stdout.write(`更新目录：${updatesDir}（${server.url}/updates/）\n`);
  if (server.redirectPort !== undefined) {
    io.stdout.write(`HTTP 端口 ${server.redirectPort} 只把访问跳转到 HTTPS\n`);
  }
  if (tls === undefined && !allowPlainHttp) {
    io.stderr.write(
      '未启用 HTTPS：其他电脑上的运维台会拒绝通过此服务登录（见 docs/deployment.md 的 TLS 一节）\n',
    );
  }

  const signal = await io.stopSignal;
  io.stdout.write(`收到 ${signal}，正在停止服务…\n`);
  await server.close();
  io.stdout.write('服务已停止\n');
  return 0;
};

function parsePort(text: string, option: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`${option} 应为 0–65535 的整数，收到 "${text}"`, SERVE_USAGE);
  }
  return port;
}

function envValue(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Both files or neither; read and checked here, so a wrong file is named before anything starts. */
function readTls(
  certFile: string | undefined,
  keyFile: string | undefined,
): { cert: string; key: string } | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    throw new UsageError('启用 HTTPS 需要同时给出证书（--tls-cert）和私钥（--tls-key）', SERVE_USAGE);
  }
  const cert = readPem(certFile, '证书');
  const key = readPem(keyFile, '私钥');
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new UsageError(
      `证书 ${certFile} 和私钥 ${keyFile} 不能一起使用（不是 PEM 格式，或私钥与证书不配对）：${errorReason(error)}`,
      SERVE_USAGE,
    );
  }
  return { cert, key };
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`无法读取${what}文件 ${file}：${errorReason(error)}`, SERVE_USAGE);
  }
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

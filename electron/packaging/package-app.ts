import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run package:linux` / `package:win`: checks that everything electron-builder would otherwise fetch
 * from the internet is available on the intranet build machine, then builds the web app and packages it.
 * Where something is missing it stops with a sentence naming the variable to set, never a stack trace.
 */
export type PackageTarget = 'linux' | 'win';

export type Env = Readonly<Record<string, string | undefined>>;

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROBE_TIMEOUT_MS = 10_000;

/** The Electron zips a target needs, named as @electron/get names them on a mirror. */
export function electronZips(target: PackageTarget, version: string): string[] {
  const arches = target === 'linux' ? ['x64', 'arm64'] : ['x64'];
  const platform = target === 'linux' ? 'linux' : 'win32';
  return arches.map((arch) => `electron-v${version}-${platform}-${arch}.zip`);
}

/**
 * Where @electron/get looks on ELECTRON_MIRROR: `<mirror><dir>/<file>` exactly (the mirror ends with
 * `/`), dir `v<version>` unless ELECTRON_CUSTOM_DIR (which may contain `{{ version }}`) says otherwise.
 */
export function mirrorUrl(env: Env, version: string, file: string): string {
  const dir = (env.ELECTRON_CUSTOM_DIR ?? `v${version}`).replace(/\{\{ *version *\}\}/g, version);
  return `${env.ELECTRON_MIRROR ?? ''}${dir}/${file}`;
}

type Probe = (url: string) => Promise<{ ok: true } | { ok: false; reason: string }>;

export const probeUrl: Probe = async (url) => {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return response.ok ? { ok: true } : { ok: false, reason: `HTTP ${response.status}` };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    return { ok: false, reason: cause ?? (error instanceof Error ? error.message : String(error)) };
  }
};

/** Every missing prerequisite, one sentence each; empty when packaging can start. */
export async function packagingProblems(
  target: PackageTarget,
  env: Env,
  electronVersion: string,
  probe: Probe = probeUrl,
): Promise<string[]> {
  const problems: string[] = [];
  if (!/^https?:\/\/\S+\/$/.test(env.YUNWEI_UPDATE_URL ?? '')) {
    problems.push(
      'YUNWEI_UPDATE_URL 未设置或不以 / 结尾：请设置为总部服务器的更新目录，例如 https://yunwei.example.gov.cn:4310/updates/' +
        '（写入安装包，各电脑从这里检查更新）',
    );
  }

  if (env.YUNWEI_ELECTRON_DIST !== undefined && env.YUNWEI_ELECTRON_DIST !== '') {
    if (target === 'linux') {
      problems.push(
        'YUNWEI_ELECTRON_DIST 只能提供一种架构，deb 需要 x64 和 arm64 两种：请改用 ELECTRON_MIRROR',
      );
    } else if (!existsSync(join(env.YUNWEI_ELECTRON_DIST, 'electron.exe'))) {
      problems.push(
        `YUNWEI_ELECTRON_DIST=${env.YUNWEI_ELECTRON_DIST} 中没有 electron.exe：应为解压好的 Windows 版 Electron ${electronVersion}`,
      );
    }
  } else if (env.ELECTRON_MIRROR === undefined || env.ELECTRON_MIRROR === '') {
    problems.push(
      `没有可用的 Electron ${electronVersion}（构建机不能访问互联网）：请设置 ELECTRON_MIRROR 为内网 Electron 镜像` +
        `（其中应有 v${electronVersion}/${electronZips(target, electronVersion).join('、')}）` +
        (target === 'win' ? '，或 YUNWEI_ELECTRON_DIST 为解压好的 Electron 目录' : ''),
    );
  } else {
    for (const file of electronZips(target, electronVersion)) {
      const url = mirrorUrl(env, electronVersion, file);
      const answer = await probe(url);
      if (!answer.ok) {
        problems.push(
          `无法从 ELECTRON_MIRROR 取得 ${url}（${answer.reason}）：请检查 ELECTRON_MIRROR（及 ELECTRON_CUSTOM_DIR）`,
        );
      }
    }
  }

  const binariesMirror = env.ELECTRON_BUILDER_BINARIES_MIRROR ?? '';
  if (target === 'linux') {
    const fpm = env.CUSTOM_FPM_PATH ?? '';
    if (fpm !== '' && !existsSync(fpm)) problems.push(`CUSTOM_FPM_PATH=${fpm} 不存在`);
    if (fpm === '' && env.USE_SYSTEM_FPM !== 'true' && binariesMirror === '') {
      problems.push(
        '制作 deb 需要 fpm：请设置 ELECTRON_BUILDER_BINARIES_MIRROR 为内网的 electron-builder 工具镜像，' +
          '或 CUSTOM_FPM_PATH 为 fpm 程序（见 docs/deployment.md 的“打包”）',
      );
    }
  } else {
    const nsis = env.ELECTRON_BUILDER_NSIS_DIR ?? '';
    if (nsis !== '' && !existsSync(nsis)) problems.push(`ELECTRON_BUILDER_NSIS_DIR=${nsis} 不存在`);
    if (nsis === '' && binariesMirror === '') {
      problems.push(
        '制作 NSIS 安装包需要 NSIS 及其插件：请设置 ELECTRON_BUILDER_BINARIES_MIRROR 为内网的 electron-builder 工具镜像，' +
          '或 ELECTRON_BUILDER_NSIS_DIR（和 ELECTRON_BUILDER_NSIS_RESOURCES_DIR）为完整的 NSIS 目录',
      );
    }
  }
  return problems;
}

/** electron-builder's arguments for a target, with the Electron directory when one is given. */
export function builderArgs(target: PackageTarget, env: Env): string[] {
  const args = ['--config', 'build/electron-builder.yml', '--publish', 'never'];
  args.push(...(target === 'linux' ? ['--linux', 'deb', '--x64', '--arm64'] : ['--win', 'nsis', '--x64']));
  if (env.YUNWEI_ELECTRON_DIST) args.push(`-c.electronDist=${env.YUNWEI_ELECTRON_DIST}`);
  return args;
}

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: process.env }).status ?? 1;
}

async function main(): Promise<number> {
  const target = process.argv[2];
  if (target !== 'linux' && target !== 'win') {
    process.stderr.write('用法：tsx electron/packaging/package-app.ts linux|win\n');
    return 2;
  }
  const electronVersion = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const problems = await packagingProblems(target, process.env, electronVersion);
  if (problems.length > 0) {
    process.stderr.write(
      `无法打包（${target === 'linux' ? 'deb' : 'NSIS'}）：\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  if (run('npm', ['run', 'build']) !== 0) {
    process.stderr.write('构建失败（npm run build），未打包\n');
    return 1;
  }
  const status = run('npx', ['electron-builder', ...builderArgs(target, process.env)]);
  if (status !== 0) {
    process.stderr.write(
      'electron-builder 失败（见上方输出）：若提示下载失败，请检查 ELECTRON_MIRROR、ELECTRON_BUILDER_BINARIES_MIRROR；' +
        '步骤见 docs/deployment.md 的“打包”\n',
    );
    return 1;
  }
  process.stdout.write('安装包已生成在 release/；用 yunwei release publish 发布到总部服务器\n');
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`无法打包：${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

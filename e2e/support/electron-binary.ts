import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { readonly path: string } | { readonly missing: string };

/**
 * The `electron` package exports the path of its binary, or throws when the binary was never
 * downloaded, which is the case wherever ELECTRON_SKIP_BINARY_DOWNLOAD=1 (our build machines).
 */
export function findElectronBinary(): ElectronBinary {
  let binary: unknown;
  try {
    binary = createRequire(import.meta.url)('electron');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { missing: `本机没有 Electron 可执行文件（安装时跳过了下载：${reason}），跳过桌面端测试` };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { missing: `electron 软件包给出的可执行文件不存在（${String(binary)}），跳过桌面端测试` };
  }
  return { path: binary };
}

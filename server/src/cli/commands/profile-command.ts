import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { validateProfileText } from '@core/profile';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';

export const PROFILE_USAGE = `用法：yunwei profile validate FILE
  校验合同配置文件：有效时输出一行摘要并以 0 退出；无效时逐行列出“JSON 路径: 原因”并以 1 退出。`;

export const profileCommand: Command = async (args, io) => {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'validate') {
    throw new UsageError(
      subcommand ? `未知的子命令 "profile ${subcommand}"` : '缺少子命令 validate',
      PROFILE_USAGE,
    );
  }
  const { positionals } = parseOptions(PROFILE_USAGE, () =>
    parseArgs({ args: [...rest], options: {}, strict: true, allowPositionals: true }),
  );
  if (positionals.length !== 1) throw new UsageError('需要且只需要一个文件路径', PROFILE_USAGE);
  const file = positionals[0] as string;
  const text = await readProfileFile(file);
  const result = validateProfileText(text);
  if (result.ok) {
    io.stdout.write(`${result.summary}\n`);
    return 0;
  }
  for (const issue of result.issues) io.stdout.write(`${issue.path}: ${issue.message}\n`);
  io.stderr.write(`${file}：发现 ${result.issues.length} 处问题\n`);
  return 1;
};

async function readProfileFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : String(error);
    throw new UsageError(`无法读取 ${file}：${reason}`, PROFILE_USAGE);
  }
}

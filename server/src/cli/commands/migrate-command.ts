import { parseArgs } from 'node:util';
import { defaultDataDir, migrate } from '../../server';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';

export const MIGRATE_USAGE = `用法：yunwei migrate [--data DIR]
  把数据库升级到当前版本：DATABASE_URL 指向的 PostgreSQL，否则为 DIR 中的内置数据库。`;

export const migrateCommand: Command = async (args, io) => {
  const { values, positionals } = parseOptions(MIGRATE_USAGE, () =>
    parseArgs({
      args: [...args],
      options: { data: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    }),
  );
  if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`, MIGRATE_USAGE);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const { applied } = await migrate(
    databaseUrl ? { databaseUrl } : { dataDir: values.data ?? defaultDataDir() },
  );
  io.stdout.write(applied.length ? `已应用迁移：${applied.join(', ')}\n` : '数据库已是最新版本\n');
  return 0;
};

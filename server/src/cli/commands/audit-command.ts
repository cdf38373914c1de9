import { parseArgs } from 'node:util';
import { formatInstant, parseInstant } from '@core/time/shanghai-time';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_RESULT_LABELS,
  type StoredAuditEntry,
  defaultDataDir,
  listAudit,
  withMigratedDatabase,
} from '../../server';
import type { Command } from '../cli-io';
import { describeAuditDetail } from '../audit-detail';
import { UsageError } from '../cli-errors';
import { parseOptions, positiveInteger } from '../parse-options';
import { formatTable } from '../text-table';

export const AUDIT_USAGE = `用法：yunwei audit [--since TIME] [--user NAME] [--limit N] [--json] [--data DIR]
  列出审计日志（登录成功与失败、账户锁定、用户与角色变更、被拒绝的同步操作），最新的在前。
  --since：只列此时刻之后的，如 2026-03-01 或 2026-03-01T08:00（北京时间）；--user：该用户做的或
  针对该用户的；--limit：最多条数（默认 100）；--json：每行一个 JSON 对象。日志至少保留 180 天。`;

const MAX_LIMIT = 100_000;

export function createAuditCommand(env: Readonly<Record<string, string | undefined>>): Command {
  return async (args, io) => {
    const { values, positionals } = parseOptions(AUDIT_USAGE, () =>
      parseArgs({
        args: [...args],
        options: {
          since: { type: 'string' },
          user: { type: 'string' },
          limit: { type: 'string' },
          json: { type: 'boolean' },
          data: { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      }),
    );
    if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`, AUDIT_USAGE);
    const limit = values.limit === undefined ? 100 : positiveInteger(values.limit, 'limit', AUDIT_USAGE);
    if (limit > MAX_LIMIT) throw new UsageError(`--limit 不能超过 ${MAX_LIMIT}`, AUDIT_USAGE);
    const since = values.since === undefined ? undefined : parseSince(values.since);
    const target = env.DATABASE_URL
      ? { databaseUrl: env.DATABASE_URL }
      : { dataDir: values.data ?? defaultDataDir(env) };

    const entries = await withMigratedDatabase(target, (db) =>
      listAudit(db, {
        limit,
        ...(since === undefined ? {} : { since }),
        ...(values.user ? { user: values.user } : {}),
      }),
    );
    if (values.json === true) {
      for (const entry of entries)
        io.stdout.write(`${JSON.stringify({ ...entry, at: formatInstant(entry.at) })}\n`);
    } else if (entries.length === 0) {
      io.stdout.write('没有符合条件的审计记录\n');
    } else {
      io.stdout.write(
        `${formatTable(['时间', '用户', '来源', '操作', '对象', '结果', '详情'], entries.map(row))}\n`,
      );
    }
    return 0;
  };
}

export const auditCommand: Command = createAuditCommand(process.env);

function parseSince(text: string): number {
  try {
    return parseInstant(text);
  } catch (error) {
    throw new UsageError(`--since ${error instanceof Error ? error.message : String(error)}`, AUDIT_USAGE);
  }
}

function row(entry: StoredAuditEntry): string[] {
  return [
    formatInstant(entry.at).slice(0, 19).replace('T', ' '),
    entry.actor ?? '—',
    entry.ip ?? '本机命令行',
    AUDIT_ACTION_LABELS[entry.action],
    entry.target ?? '—',
    AUDIT_RESULT_LABELS[entry.result],
    describeAuditDetail(entry.detail),
  ];
}

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinCalendar } from '@core/calendar';
import { loadDefaultProfile } from '@core/profile';
import {
  REPORT_KINDS,
  type ReportKind,
  type ReportPeriod,
  buildLedgers,
  buildReport,
  reportPeriod,
  reportSubtitle,
  withProfileTemplates,
} from '@core/reports';
import { startOfDay } from '@core/time/shanghai-time';
import { type PackageRequest, renderDocx, renderLedgersXlsx, reportRequest } from '@core/documents';
import { databaseExists, databaseTargetOf } from '../../calendar/cli-calendar';
import { readAddedNotices } from '../../calendar/calendar-store';
import { withMigratedDatabase } from '../../db/with-database';
import { loadReportRecords } from '../../reports/load-report-records';
import { profileTemplateRecordId } from '../../reports/profile-template-id';
import { serverChartPicture } from '../../reports/chart-svg';
import { renderPdf } from '../../reports/render-pdf';
import { buildReportPackage } from '../../reports/report-package';
import { startRenderWorkers } from '../../reports/render-workers';
import type { CliIo, Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions, requireOption } from '../parse-options';

export const REPORT_USAGE = `用法：yunwei report KIND --from YYYY-MM-DD --to YYYY-MM-DD [--subsystem N]... --format docx|pdf|xlsx --out FILE [--data DIR]
      yunwei report package --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.zip [--data DIR]
  由已同步的记录生成验收文件。KIND：monthly（运维月报）、tickets（问题处理记录）、inspections（巡检记录）、
  duty（值班记录）、trainings（培训记录）、visits（回访记录）、summary（运维服务总结报告）。
  --from/--to：起止日期（含当天）；--subsystem：运维子项编号，可重复，不写为全部子项；
  --format：docx 为按 GB/T 9704 排版的 Word 文件，pdf 为同样版式、字体已嵌入的 PDF，xlsx 为台账；--out：保存到的文件。
  package：生成该期间全部子项及每个子项的验收材料压缩包（含目录）。
  数据库：设置了 DATABASE_URL 时用它，否则用 --data 目录（默认为服务端的数据目录）。`;

const FORMATS = ['docx', 'pdf', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

export function createReportCommand(
  env: Readonly<Record<string, string | undefined>>,
  now: () => number,
): Command {
  return async (args, io) => {
    const { values, positionals } = parseOptions(REPORT_USAGE, () =>
      parseArgs({
        args: [...args],
        options: {
          from: { type: 'string' },
          to: { type: 'string' },
          subsystem: { type: 'string', multiple: true },
          format: { type: 'string' },
          out: { type: 'string' },
          data: { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      }),
    );
    const [kind, ...extra] = positionals;
    if (kind === undefined) throw new UsageError('缺少文件类型 KIND', REPORT_USAGE);
    if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`, REPORT_USAGE);
    if (kind !== 'package' && !(REPORT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`没有文件类型“${kind}”，应为 ${REPORT_KINDS.join('、')} 或 package`, REPORT_USAGE);
    }
    const period = parsePeriod(
      requireOption(values.from, 'from', REPORT_USAGE),
      requireOption(values.to, 'to', REPORT_USAGE),
    );
    const out = requireOption(values.out, 'out', REPORT_USAGE);
    const profile = loadDefaultProfile();
    const subsystemIds = (values.subsystem ?? []).map((text) =>
      parseSubsystem(
        text,
        profile.subsystems.map((s) => s.id),
      ),
    );

    let format: Format | undefined;
    if (kind === 'package') {
      if (values.format !== undefined)
        throw new UsageError('package 不带 --format：压缩包中各文件的格式是固定的', REPORT_USAGE);
      if (subsystemIds.length > 0)
        throw new UsageError('package 不带 --subsystem：压缩包含全部子项及每个子项的材料', REPORT_USAGE);
      if (!out.toLowerCase().endsWith('.zip'))
        throw new UsageError(`package 的 --out 应为 .zip 文件，收到“${out}”`, REPORT_USAGE);
    } else {
      format = parseFormat(requireOption(values.format, 'format', REPORT_USAGE));
    }

    const target = databaseTargetOf(env, values.data);
    if (!databaseExists(target)) {
      io.stderr.write(
        `错误：数据目录 ${target.dataDir ?? ''} 中没有数据库：请用 --data 指定服务端的数据目录，或设置 DATABASE_URL\n`,
      );
      return 1;
    }
    // The package's worker threads start before the records are read: loading their modules and fonts
    // takes a core for over a second, which the read, on this thread, leaves free.
    const renderer = kind === 'package' ? startRenderWorkers() : undefined;
    let bytes: Uint8Array;
    try {
      const { loaded, notices } = await withMigratedDatabase(target, async (db) => ({
        loaded: await loadReportRecords(db),
        notices: await readAddedNotices(db),
      }));
      warnUnreadable(io, loaded.unreadable.length);
      const source: PackageRequest = {
        period,
        profile,
        calendar: builtinCalendar(notices),
        now: now(),
        records: {
          ...loaded.records,
          inspectionTemplates: withProfileTemplates(
            loaded.records.inspectionTemplates,
            profile,
            (templateId) => profileTemplateRecordId(profile.profileId, templateId),
            startOfDay(period.fromDay),
          ),
        },
      };
      if (renderer !== undefined) bytes = await buildReportPackage(source, renderer);
      else {
        const request = reportRequest(source, kind as ReportKind, period, { subsystemIds });
        if (format === 'xlsx')
          bytes = await renderLedgersXlsx(buildLedgers(request), reportSubtitle(request));
        else if (format === 'pdf') bytes = await renderPdf(buildReport(request));
        else bytes = await renderDocx(buildReport(request), serverChartPicture);
      }
    } finally {
      await renderer?.close();
    }
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, bytes);
    io.stdout.write(`已生成 ${out}\n`);
    return 0;
  };
}

export const reportCommand: Command = createReportCommand(process.env, Date.now);

function parsePeriod(from: string, to: string): ReportPeriod {
  try {
    return reportPeriod(from, to);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), REPORT_USAGE);
  }
}

function parseSubsystem(text: string, known: readonly number[]): number {
  const id = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!known.includes(id)) {
    throw new UsageError(`--subsystem 应为运维子项编号（${known.join('、')}），收到“${text}”`, REPORT_USAGE);
  }
  return id;
}

function parseFormat(text: string): Format {
  if (!(FORMATS as readonly string[]).includes(text)) {
    throw new UsageError(`--format 应为 ${FORMATS.join('、')} 之一，收到“${text}”`, REPORT_USAGE);
  }
  return text as Format;
}

function warnUnreadable(io: CliIo, count: number): void {
  if (count > 0) io.stderr.write(`注意：有 ${count} 条记录内容不完整（可能尚未同步完），未计入本文件\n`);
}

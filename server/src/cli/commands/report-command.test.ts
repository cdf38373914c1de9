import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldState } from '@core/sync/merge';
import type { JsonValue } from '@core/sync/json-value';
import { encodeHlc } from '@core/sync/hlc';
import { type InspectionRun, type RecordType, type Ticket, inspectionRunSchema } from '@core/records';
import { newTicket } from '@core/records/ticket-create';
import { transition } from '@core/records/ticket-status';
import { parseInstant } from '@core/time/shanghai-time';
import { withMigratedDatabase } from '../../db/with-database';
import type { DatabaseTarget } from '../../db/open-database';
import { lockRecords, saveRecordChanges } from '../../sync/record-store';
import { suiteTitle, testBackends } from '../../test-support/test-databases';
import type { CliIo, Command } from '../cli-io';
import { runCli } from '../run-cli';
import { createReportCommand } from './report-command';

async function run(command: Command, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stopSignal: new Promise<string>(() => undefined),
  };
  const code = await command(args, io);
  return { code, stdout, stderr };
}

/** The whole CLI, where usage errors become their message, the usage and exit 2. */
const cli: Command = (args, io) => runCli(['report', ...args], io);

const at = parseInstant;

function resolvedTicket(
  id: string,
  subsystemId: number,
  title: string,
  receivedAt: string,
  resolvedAt: string,
): Ticket {
  const created = newTicket(
    {
      subsystemId,
      channel: 'phone',
      reporter: { unit: '省人社厅', person: '王喆', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      title,
      resolution: '已重启服务',
      receivedAt: at(receivedAt),
    },
    { actor: 'zhangsan', at: at(receivedAt), id },
  );
  if (!created.ok) throw new Error(created.reason);
  const responded = transition(created.ticket, 'respond', { actor: 'zhangsan', at: at(receivedAt) + 60_000 });
  if (!responded.ok) throw new Error(responded.reason);
  const resolved = transition(responded.ticket, 'resolve', { actor: 'zhangsan', at: at(resolvedAt) });
  if (!resolved.ok) throw new Error(resolved.reason);
  return resolved.ticket;
}

/** Stores records the way sync leaves them: a row per record and a field state per field. */
async function storeRecords(
  target: DatabaseTarget,
  recordType: RecordType,
  records: readonly (Ticket | InspectionRun)[],
): Promise<void> {
  const hlc = encodeHlc({ wallMs: at('2026-03-01'), counter: 0, nodeId: 'abcdefghij' });
  await withMigratedDatabase(target, async (db) => {
    await lockRecords(
      db,
      records.map((record) => ({ recordId: record.id, recordType, subsystemId: record.subsystemId })),
    );
    await saveRecordChanges(
      db,
      records.map((record) => ({
        recordId: record.id,
        record: {
          recordType,
          placement: { subsystemId: record.subsystemId, unitIds: [] },
          pastSubsystemIds: [],
          pastUnitIds: [],
          states: {},
        },
        changed: new Map<string, FieldState>(
          Object.entries(record).map(([field, value]) => [
            field,
            { value: value as JsonValue, hlc, rank: 0 },
          ]),
        ),
      })),
      [],
    );
  });
}

const storeTickets = (target: DatabaseTarget, tickets: readonly Ticket[]) =>
  storeRecords(target, 'ticket', tickets);

async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`yunwei report on ${suiteTitle(backend)}`, () => {
    let dispose: () => Promise<void>;
    let target: DatabaseTarget;
    let report: Command;
    let dataArgs: string[];
    let out: string;
    let outDir: string;

    beforeEach(async () => {
      const created = await backend.createTarget();
      dispose = created.dispose;
      target = created.target;
      const env = target.databaseUrl === undefined ? {} : { DATABASE_URL: target.databaseUrl };
      dataArgs = target.dataDir === undefined ? [] : ['--data', target.dataDir];
      report = createReportCommand(env, () => at('2026-03-05T12:00'));
      outDir = await mkdtemp(join(tmpdir(), 'yunwei-report-'));
      out = join(outDir, 'report');
      await storeTickets(target, [
        resolvedTicket(
          '00000000-0000-4000-8000-000000000001',
          1,
          '社保查询页面报错',
          '2026-02-14T10:00',
          '2026-02-14T10:20',
        ),
        resolvedTicket(
          '00000000-0000-4000-8000-000000000002',
          5,
          '网站首页无法打开',
          '2026-02-20T08:00',
          '2026-02-20T09:30',
        ),
        resolvedTicket(
          '00000000-0000-4000-8000-000000000003',
          5,
          '上月的问题',
          '2026-01-20T08:00',
          '2026-01-20T09:30',
        ),
      ]);
    });

    afterEach(async () => {
      await rm(outDir, { recursive: true, force: true });
      await dispose();
    });

    it('writes the monthly report of one subsystem as a .docx with the figures in its narrative', async () => {
      const file = `${out}.docx`;
      const result = await run(
        report,
        'monthly',
        '--from',
        '2026-02-01',
        '--to',
        '2026-02-28',
        '--subsystem',
        '5',
        '--format',
        'docx',
        '--out',
        file,
        ...dataArgs,
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const text = await docxText(file);
      expect(text).toContain('运维月报');
      expect(text).toContain('网站群\u30002026年2月');
      expect(text).toContain('本月共受理问题 1 个，已解决 1 个，解决率 100.0%');
      expect(text).not.toContain('社保查询页面报错');
    });

    it('counts the runs of the contract profile’s checklists, which the app uses without saving them', async () => {
      // A run of 互联网+人社's daily check (version 1 from the profile), and no template stored.
      await storeRecords(target, 'inspection_run', [
        inspectionRunSchema.parse({
          id: '00000000-0000-4000-8000-0000000000a1',
          subsystemId: 1,
          createdBy: 'lisi',
          createdAt: at('2026-02-02T09:00'),
          updatedAt: at('2026-02-02T09:30'),
          deleted: false,
          templateId: 's1-daily',
          templateVersion: 1,
          scheduledFor: '2026-02-02',
          startedAt: at('2026-02-02T09:00'),
          finishedAt: at('2026-02-02T09:30'),
          inspector: 'lisi',
          results: [],
        }),
      ]);
      const file = `${out}.docx`;
      const result = await run(
        report,
        'monthly',
        '--from',
        '2026-02-01',
        '--to',
        '2026-02-28',
        '--subsystem',
        '1',
        '--format',
        'docx',
        '--out',
        file,
        ...dataArgs,
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const text = await docxText(file);
      expect(text).toContain('本月计划巡检 16 次，已完成 1 次');
      expect(text).toContain('互联网+人社平台每日检测');
    });

    it('writes the ticket ledger as an .xlsx, one row per ticket of the period', async () => {
      const file = `${out}.xlsx`;
      const result = await run(
        report,
        'tickets',
        '--from',
        '2026-02-01',
        '--to',
        '2026-02-28',
        '--format',
        'xlsx',
        '--out',
        file,
        ...dataArgs,
      );
      expect(result.code).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0];
      if (sheet === undefined) throw new Error('台账没有工作表');
      expect(sheet.getCell(1, 1).value).toBe('问题处理记录台账');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        printTitlesRow: '1:3',
      });
      const titles = [4, 5, 6].map((row) => sheet.getCell(row, 9).value);
      expect(titles).toEqual(['社保查询页面报错', '网站首页无法打开', null]);
      expect(sheet.getCell(4, 6).value).toBe('王喆');
    });

    it('writes the ticket record as a PDF with the ticket titles in it', async () => {
      const file = `${out}.pdf`;
      const result = await run(
        report,
        'tickets',
        '--from',
        '2026-02-01',
        '--to',
        '2026-02-28',
        '--format',
        'pdf',
        '--out',
        file,
        ...dataArgs,
      );
      expect(result.code).toBe(0);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('问题处理记录');
      expect(text).toContain('社保查询页面报错');
    }, 120_000);

    it('writes a valid document saying duty records do not exist yet', async () => {
      const file = `${out}.docx`;
      const result = await run(
        report,
        'duty',
        '--from',
        '2026-02-01',
        '--to',
        '2026-02-28',
        '--format',
        'docx',
        '--out',
        file,
        ...dataArgs,
      );
      expect(result.code).toBe(0);
      expect(await docxText(file)).toContain('本系统尚未登记值班记录');
    });

    it('writes the package with a contents list and the documents of every scope', async () => {
      const file = `${out}.zip`;
      const result = await run(
        report,
        'package',
        '--from',
        '2026-01-01',
        '--to',
        '2026-02-28',
        '--out',
        file,
        ...dataArgs,
      );
      expect(result.code).toBe(0);
      const zip = await JSZip.loadAsync(await readFile(file));
      const names = Object.keys(zip.files);
      expect(names).toContain('目录.docx');
      expect(names).toContain('00-全部运维子项/运维月报-2026年2月-全部子项.docx');
      expect(names).toContain('05-网站群/运维服务总结报告-2026年1月1日至2026年2月28日-网站群.docx');
      expect(names).toContain('05-网站群/问题处理记录台账-2026年1月1日至2026年2月28日.xlsx');
      expect(names.filter((name) => name.startsWith('13-')).length).toBeGreaterThan(0);
    });
  });
}

describe('yunwei report refuses bad arguments with its usage and exit 2', () => {
  const cases: [string, string[], string][] = [
    [
      'no kind',
      ['--from', '2026-02-01', '--to', '2026-02-28', '--format', 'docx', '--out', 'x.docx'],
      '缺少文件类型 KIND',
    ],
    [
      'an unknown kind',
      ['weekly', '--from', '2026-02-01', '--to', '2026-02-28', '--format', 'docx', '--out', 'x.docx'],
      '没有文件类型“weekly”',
    ],
    [
      'no --from',
      ['monthly', '--to', '2026-02-28', '--format', 'docx', '--out', 'x.docx'],
      '缺少参数 --from',
    ],
    [
      'a date that does not exist',
      ['monthly', '--from', '2026-02-30', '--to', '2026-03-31', '--format', 'docx', '--out', 'x.docx'],
      '开始日期“2026-02-30”不是有效的日期',
    ],
    [
      'a range backwards',
      ['monthly', '--from', '2026-03-01', '--to', '2026-02-01', '--format', 'docx', '--out', 'x.docx'],
      '不能早于开始日期',
    ],
    [
      'an unknown subsystem',
      [
        'monthly',
        '--from',
        '2026-02-01',
        '--to',
        '2026-02-28',
        '--subsystem',
        '14',
        '--format',
        'docx',
        '--out',
        'x.docx',
      ],
      '--subsystem 应为运维子项编号',
    ],
    [
      'an unknown format',
      ['monthly', '--from', '2026-02-01', '--to', '2026-02-28', '--format', 'doc', '--out', 'x.docx'],
      '--format 应为 docx、pdf、xlsx 之一',
    ],
    [
      'a package not to .zip',
      ['package', '--from', '2026-01-01', '--to', '2026-06-30', '--out', 'x.docx'],
      '应为 .zip 文件',
    ],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const result = await run(cli, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('用法：yunwei report KIND');
  });
});

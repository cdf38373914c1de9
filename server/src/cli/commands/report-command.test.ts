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
import { type RecordType, type Ticket, inspectionRunSchema, placementOf } from '@core/records';
import {
  dutyAssignmentSchema,
  dutyLogSchema,
  reportRemarkId,
  reportRemarkSchema,
  trainingSchema,
  visitSchema,
} from '@core/records/kinds';
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
  records: readonly ({ readonly id: string } & object)[],
): Promise<void> {
  const hlc = encodeHlc({ wallMs: at('2026-03-01'), counter: 0, nodeId: 'abcdefghij' });
  await withMigratedDatabase(target, async (db) => {
    await lockRecords(
      db,
      records.map((record) => ({
        recordId: record.id,
        recordType,
        subsystemId: placementOf(recordType, record).subsystemId,
      })),
    );
    await saveRecordChanges(
      db,
      records.map((record) => ({
        recordId: record.id,
        record: {
          recordType,
          placement: placementOf(recordType, record),
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

    it('puts the engineer’s synced remarks for the month into 存在问题与建议 and 下月工作计划', async () => {
      await storeRecords(target, 'report_remark', [
        reportRemarkSchema.parse({
          id: reportRemarkId(5, '2026-02'),
          subsystemId: 5,
          createdBy: 'zhangsan',
          createdAt: at('2026-02-27T16:00'),
          updatedAt: at('2026-02-27T16:00'),
          deleted: false,
          month: '2026-02',
          problems: '站群服务器磁盘余量不足，建议扩容。',
          plan: '配合完成春节后的系统升级。',
          author: 'zhangsan',
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
        '5',
        '--format',
        'docx',
        '--out',
        file,
        ...dataArgs,
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const text = await docxText(file);
      expect(text.indexOf('站群服务器磁盘余量不足，建议扩容。')).toBeGreaterThan(
        text.indexOf('存在问题与建议'),
      );
      expect(text.indexOf('配合完成春节后的系统升级。')).toBeGreaterThan(text.indexOf('下月工作计划'));
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

    it('writes 《值班记录》 with one row per duty day from the synced assignments and logs', async () => {
      // February 2026: 2026-02-01 (Sunday) is a contract-wide duty day, kept and signed off.
      const envelope = (id: string) => ({
        id,
        createdBy: 'lead',
        createdAt: at('2026-01-20T09:00'),
        updatedAt: at('2026-01-20T09:00'),
        deleted: false,
      });
      await storeRecords(target, 'duty_assignment', [
        dutyAssignmentSchema.parse({
          ...envelope('00000000-0000-4000-8000-0000000000d1'),
          subsystemId: null,
          date: '2026-02-01',
          person: '王喆',
        }),
      ]);
      await storeRecords(target, 'duty_log', [
        dutyLogSchema.parse({
          ...envelope('00000000-0000-4000-8000-0000000000d2'),
          subsystemId: null,
          date: '2026-02-01',
          onDuty: '王喆',
          callsReceived: 4,
          events: [{ summary: '短信网关告警，切换备用通道', ticketIds: [] }],
          notes: '',
          handOverTo: '李堃',
          handOverNote: '',
          handedOverAt: at('2026-02-02T08:30'),
          signedOffAt: at('2026-02-02T08:45'),
        }),
      ]);
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
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const text = await docxText(file);
      expect(text).toContain('值班记录');
      expect(text).toContain('短信网关告警，切换备用通道');
      expect(text).toContain('王喆 交 李堃（2026-02-02 08:30）');
      // 12 duty days in February 2026 (1, 7, 8 and the Spring Festival 15–23), one of them kept.
      expect(text).toContain('本月共有值班日 12 天，已排班 1 天，值班记录 1 份');
    });

    it('writes the training and visit ledgers from the synced records', async () => {
      await storeRecords(target, 'training', [
        trainingSchema.parse({
          id: '00000000-0000-4000-8000-0000000000e1',
          subsystemId: 8,
          createdBy: 'lisi',
          createdAt: at('2026-02-10T09:00'),
          updatedAt: at('2026-02-10T09:00'),
          deleted: false,
          requirementId: 's8-annual',
          unitId: null,
          topic: '基金监管系统操作培训',
          audience: '软件操作人员',
          startAt: at('2026-02-10T09:00'),
          durationMinutes: 120,
          delivery: 'in_person',
          place: '信息中心 3 楼会议室',
          trainers: [{ name: '王老师', title: '高级工程师', level: 'intermediate' }],
          attendance: {
            kind: 'list',
            attendees: Array.from({ length: 12 }, (_, index) => ({ name: `学员${index + 1}`, unit: '' })),
          },
          materials: [
            { sha256: 'a'.repeat(64), name: '课件.pptx', mime: 'application/vnd.ms-powerpoint', size: 10 },
          ],
          satisfaction: null,
          notes: '',
        }),
      ]);
      await storeRecords(target, 'visit', [
        visitSchema.parse({
          id: '00000000-0000-4000-8000-0000000000e2',
          createdBy: 'manager',
          createdAt: at('2026-02-11T15:00'),
          updatedAt: at('2026-02-11T15:00'),
          deleted: false,
          date: '2026-02-11',
          visitor: '服务经理',
          unitIds: [2],
          peopleMet: [],
          ticketIds: [],
          suggestions: '建议增加公文模板',
          satisfaction: [{ unitId: 2, level: 'satisfied', comment: '' }],
          photos: [],
        }),
      ]);
      const ledgerRow = async (kind: string) => {
        const file = `${out}-${kind}.xlsx`;
        const result = await run(
          report,
          kind,
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
        expect(result).toMatchObject({ code: 0, stderr: '' });
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        const sheet = workbook.worksheets[0];
        if (sheet === undefined) throw new Error('台账没有工作表');
        return [sheet.getCell(1, 1).value, ...(sheet.getRow(4).values as unknown[]).slice(1)];
      };
      expect(await ledgerRow('trainings')).toEqual([
        '培训记录台账',
        '1',
        '基金监管',
        '2026-02-10 09:00',
        '2 小时',
        '基金监管系统操作培训',
        '集中系统操作类培训；系统管理运维培训',
        '现场',
        '信息中心 3 楼会议室',
        '王老师',
        '12',
        '',
        '符合要求',
      ]);
      expect(await ledgerRow('visits')).toEqual([
        '回访记录台账',
        '1',
        '2026-02-11',
        '服务经理',
        '贵州省就业局',
        '',
        '贵州省就业局：满意',
        '0',
        '建议增加公文模板',
      ]);
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

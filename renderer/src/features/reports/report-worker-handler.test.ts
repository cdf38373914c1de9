import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCalendar } from '@core/calendar';
import {
  PDF_FONT_ROLES,
  type PdfFaces,
  type PdfFontRole,
  locatePdfFonts,
  openPdfFace,
} from '@core/documents';
import { loadDefaultProfile } from '@core/profile';
import type { Ticket } from '@core/records';
import { newTicket } from '@core/records/ticket-create';
import {
  type ReportRequest,
  buildLedgers,
  buildReport,
  monthPeriod,
  reportAsOf,
  reportPeriod,
  reportSubtitle,
} from '@core/reports';
import { parseInstant } from '@core/time/shanghai-time';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reportChartSvg } from './report-chart-svg';
import { reportWorkerHandler } from './report-worker-handler';
import type { FromReportWorker } from './report-worker-protocol';

const profile = loadDefaultProfile();
const calendar = builtinCalendar();
const february = monthPeriod('2026-02');

function ticket(title: string, subsystemId: number, receivedAt: string, id: string): Ticket {
  const created = newTicket(
    {
      subsystemId,
      channel: 'phone',
      reporter: { unit: '省人社厅信息中心', person: '王喆', phone: '0851-86812345' },
      category: 'fault',
      severity: 'ordinary',
      title,
      rootCause: '',
      resolution: '',
      receivedAt: parseInstant(receivedAt),
    },
    { actor: 'zhangsan', at: parseInstant(receivedAt), id },
  );
  if (!created.ok) throw new Error(created.reason);
  return created.ticket;
}

const records = {
  tickets: [
    ticket('社保卡查询页面打不开', 1, '2026-02-10T10:00', '00000000-0000-4000-8000-000000000001'),
    ticket('网站群栏目更新失败', 5, '2026-02-12T15:00', '00000000-0000-4000-8000-000000000002'),
  ],
  inspectionTemplates: [],
  inspectionRuns: [],
};

function request(kind: ReportRequest['kind']): ReportRequest {
  return {
    kind,
    period: february,
    scope: { subsystemIds: [1] },
    profile,
    calendar,
    asOf: reportAsOf(february, parseInstant('2026-03-02T09:00')),
    records,
  };
}

/** The faces from Debian's files, opened once for the file (as the worker's loader does). */
let faces: Promise<PdfFaces> | null = null;
const openDebianFaces = (onProgress: (progress: { loaded: number; total: number }) => void) => {
  onProgress({ loaded: 1, total: 1 });
  faces ??= Promise.resolve(
    Object.fromEntries(
      PDF_FONT_ROLES.map((role: PdfFontRole) => {
        // 楷体 as where LXGW WenKai is not installed: the body face.
        const font = locatePdfFonts(existsSync)[role === 'heading2' ? 'body' : role];
        return [role, openPdfFace(new Uint8Array(readFileSync(font.path)), font.face)];
      }),
    ) as unknown as PdfFaces,
  );
  return faces;
};
/** Preparing ahead is the loader's own test's (pdf-font-loader.test.ts). */
const debianFaces = Object.assign(openDebianFaces, { prepare: () => Promise.resolve(false) });

/** A worker handler whose page answers every chart with a fixed PNG signature, as svgToPng would. */
function workerWithPage() {
  const posted: FromReportWorker[] = [];
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const handle = reportWorkerHandler({
    post: (message) => {
      posted.push(message);
      if (message.type === 'draw') void handle({ type: 'picture', pictureId: message.pictureId, png });
    },
    chartSvg: reportChartSvg,
    pdfFaces: debianFaces,
  });
  return { handle, posted };
}

function finished(posted: readonly FromReportWorker[], id: number): Uint8Array {
  const done = posted.find((message) => message.type === 'done' && message.id === id);
  if (done?.type !== 'done')
    throw new Error(`no file for ${id}: ${JSON.stringify(posted.filter((m) => m.type === 'failed'))}`);
  return done.bytes;
}

describe('reportWorkerHandler', () => {
  it("renders a monthly report as a .docx with the period's ticket titles and each chart as SVG and the page's PNG", async () => {
    const { handle, posted } = workerWithPage();
    const document = buildReport(request('monthly'));
    await handle({ type: 'render', id: 1, job: { kind: 'document', formats: ['docx'], document } });
    const files = unzipSync(finished(posted, 1));
    const body = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(body).toContain('社保卡查询页面打不开');
    // Subsystem 5's ticket is out of the scope.
    expect(body).not.toContain('网站群栏目更新失败');
    const draws = posted.filter((message) => message.type === 'draw');
    expect(draws.length).toBeGreaterThan(0);
    const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
    expect(media.some((name) => name.endsWith('.svg'))).toBe(true);
    expect(media.some((name) => name.endsWith('.png'))).toBe(true);
  });

  it('renders ledgers as an .xlsx whose shared strings hold the ticket titles', async () => {
    const { handle, posted } = workerWithPage();
    const tickets = request('tickets');
    await handle({
      type: 'render',
      id: 2,
      job: { kind: 'ledgers', ledgers: buildLedgers(tickets), subtitle: reportSubtitle(tickets) },
    });
    const files = unzipSync(finished(posted, 2));
    expect(strFromU8(files['xl/sharedStrings.xml'] as Uint8Array)).toContain('社保卡查询页面打不开');
  });

  it('renders a PDF job with embedded fonts after reporting the fonts’ progress, and carries on with the next job', async () => {
    const { handle, posted } = workerWithPage();
    const document = buildReport(request('tickets'));
    await handle({ type: 'render', id: 3, job: { kind: 'document', formats: ['pdf'], document } });
    expect(posted).toContainEqual({ type: 'progress', id: 3, done: 1, total: 1, stage: 'fonts' });
    const dir = await mkdtemp(join(tmpdir(), 'yunwei-worker-pdf-'));
    try {
      const file = join(dir, 'tickets.pdf');
      await writeFile(file, finished(posted, 3));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('社保卡查询页面打不开');
      expect(text).toContain('王喆');
      expect(text).not.toContain('网站群栏目更新失败');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await handle({ type: 'render', id: 4, job: { kind: 'document', formats: ['docx'], document } });
    expect(finished(posted, 4).byteLength).toBeGreaterThan(0);
  }, 60_000);

  it("fails the document whose chart the page could not draw, with the page's reason", async () => {
    const posted: FromReportWorker[] = [];
    const handle = reportWorkerHandler({
      post: (message) => {
        posted.push(message);
        if (message.type === 'draw') {
          void handle({ type: 'picture-failed', pictureId: message.pictureId, reason: '浏览器无法创建画布' });
        }
      },
      chartSvg: reportChartSvg,
      pdfFaces: debianFaces,
    });
    await handle({
      type: 'render',
      id: 5,
      job: { kind: 'document', formats: ['docx'], document: buildReport(request('monthly')) },
    });
    expect(posted).toContainEqual({ type: 'failed', id: 5, reason: '图表无法绘制：浏览器无法创建画布' });
  });

  it('builds the half-year package without PDF, reporting progress up to every file, with 目录.docx first', async () => {
    const { handle, posted } = workerWithPage();
    await handle({
      type: 'package',
      id: 6,
      input: {
        period: reportPeriod('2026-01-01', '2026-02-28'),
        profile,
        notices: [],
        now: parseInstant('2026-03-02T09:00'),
        records,
      },
    });
    const files = unzipSync(finished(posted, 6));
    const names = Object.keys(files);
    expect(names[0]).toBe('目录.docx');
    expect(names.some((name) => name.endsWith('.pdf'))).toBe(false);
    expect(names.filter((name) => name.endsWith('.xlsx'))).toHaveLength(2 * (profile.subsystems.length + 1));
    const progress = posted.filter((message) => message.type === 'progress');
    expect(progress.at(-1)).toEqual({ type: 'progress', id: 6, done: names.length, total: names.length });
    const contents = strFromU8(
      unzipSync(files['目录.docx'] as Uint8Array)['word/document.xml'] as Uint8Array,
    );
    expect(contents).toContain('00-全部运维子项/');
  }, 120_000);

  it('builds the half-year package with the server’s PDF copies of the summary and monthly reports when asked', async () => {
    const { handle, posted } = workerWithPage();
    await handle({
      type: 'package',
      id: 7,
      input: {
        period: reportPeriod('2026-01-01', '2026-02-28'),
        profile,
        notices: [],
        now: parseInstant('2026-03-02T09:00'),
        records,
        pdf: true,
      },
    });
    const names = Object.keys(unzipSync(finished(posted, 7)));
    const pdfs = names.filter((name) => name.endsWith('.pdf'));
    // The summary and two months, for the whole contract and every subsystem.
    expect(pdfs).toHaveLength(3 * (profile.subsystems.length + 1));
    expect(pdfs.some((name) => /^00-全部运维子项\/运维月报-.*\.pdf$/.test(name))).toBe(true);
    expect(posted).toContainEqual({ type: 'progress', id: 7, done: 1, total: 1, stage: 'fonts' });
  }, 120_000);

  it('prepares PDFs when the page opens: with the fonts here, one throwaway report with both charts is drawn; without them, nothing is touched', async () => {
    const drawn: string[] = [];
    const facesAsked: number[] = [];
    const prepareWith = (fontsHere: boolean) =>
      reportWorkerHandler({
        post: () => undefined,
        chartSvg: (chart) => {
          drawn.push(chart.caption);
          return reportChartSvg(chart);
        },
        pdfFaces: Object.assign(
          (onProgress: (progress: { loaded: number; total: number }) => void) => {
            facesAsked.push(1);
            return openDebianFaces(onProgress);
          },
          { prepare: () => Promise.resolve(fontsHere) },
        ),
      });
    await prepareWith(false)({ type: 'prepare-pdf', profile });
    expect([drawn, facesAsked]).toEqual([[], []]);
    await prepareWith(true)({ type: 'prepare-pdf', profile });
    expect(facesAsked).toHaveLength(1);
    expect([...drawn].sort()).toEqual(['各运维子项服务时限达标率', '每日巡检完成情况']);
  }, 60_000);
});

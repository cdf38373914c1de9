import { builtinCalendar } from '@core/calendar';
import { testTicket } from '@core/obligations/test-records';
import { loadDefaultProfile } from '@core/profile';
import { parseInstant } from '@core/time/shanghai-time';
import { buildReport, monthPeriod, reportAsOf, reportPeriod } from '@core/reports';
import { describe, expect, it } from 'vitest';
import { reportChartSvg } from './report-chart-svg';
import { type WorkerPort, ReportWorkerClient } from './report-worker-client';
import { reportWorkerHandler } from './report-worker-handler';
import type { FromReportWorker, ToReportWorker } from './report-worker-protocol';

/** A January ticket of subsystem 1, so the documents have charts to draw. */
const RECORDS = {
  tickets: [testTicket({ subsystemId: 1, receivedAt: parseInstant('2026-01-12 10:00') })],
  inspectionTemplates: [],
  inspectionRuns: [],
};

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The worker's handler behind a port, as the thread would be: messages go both ways asynchronously,
 * so the client hears them as it would from a Worker.
 */
function handlerPort(): WorkerPort & { readonly drawn: string[]; terminated: boolean } {
  const listeners: ((event: MessageEvent<FromReportWorker>) => void)[] = [];
  const port = {
    drawn: [] as string[],
    terminated: false,
    postMessage: (message: ToReportWorker) => {
      setTimeout(() => void handle(message), 0);
    },
    addEventListener: (type: string, listener: (event: never) => void) => {
      if (type === 'message') listeners.push(listener as (event: MessageEvent<FromReportWorker>) => void);
    },
    terminate: () => {
      port.terminated = true;
    },
  };
  const handle = reportWorkerHandler({
    post: (message) =>
      setTimeout(() => {
        for (const listener of listeners) listener({ data: message } as MessageEvent<FromReportWorker>);
      }, 0),
    chartSvg: reportChartSvg,
    pdfFaces: Object.assign(() => Promise.reject(new Error('此测试不生成 PDF')), {
      prepare: () => Promise.resolve(false),
    }),
  });
  return port;
}

describe('ReportWorkerClient', () => {
  it('hands the package’s progress to the caller and draws each chart the worker asks for', async () => {
    const port = handlerPort();
    const drawn: string[] = [];
    const client = new ReportWorkerClient(port, async (svg) => {
      drawn.push(svg);
      return PNG;
    });
    const progress: number[] = [];
    const bytes = await client.package(
      {
        period: reportPeriod('2026-01-01', '2026-01-31'),
        profile: loadDefaultProfile(),
        notices: [],
        now: parseInstant('2026-02-02T09:00'),
        records: RECORDS,
      },
      ({ done }) => progress.push(done),
    );
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn[0]).toMatch(/^<svg/);
  }, 120_000);

  it('rejects with the worker’s reason when a chart cannot be drawn on the page', async () => {
    const client = new ReportWorkerClient(handlerPort(), async () => {
      throw new Error('浏览器无法创建画布');
    });
    const profile = loadDefaultProfile();
    const january = monthPeriod('2026-01');
    const document = buildReport({
      kind: 'monthly',
      period: january,
      scope: { subsystemIds: [1] },
      profile,
      calendar: builtinCalendar(),
      asOf: reportAsOf(january, parseInstant('2026-02-02T09:00')),
      records: RECORDS,
    });
    await expect(client.render({ kind: 'document', formats: ['docx'], document })).rejects.toThrow(
      '图表无法绘制：浏览器无法创建画布',
    );
  });

  it('stops the worker when the page closes and tells whoever still waits that nothing was made', async () => {
    const port = handlerPort();
    const client = new ReportWorkerClient(port, async () => PNG);
    const waiting = client.render({ kind: 'ledgers', ledgers: [], subtitle: '2026年1月' });
    client.dispose();
    await expect(waiting).rejects.toThrow('页面已关闭，文件未生成');
    expect(port.terminated).toBe(true);
  });
});

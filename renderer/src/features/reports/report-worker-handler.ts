import { builtinCalendar } from '@core/calendar';
import {
  type ChartPicture,
  type ChartPictures,
  type JobRenderer,
  buildReportPackage,
  renderDocx,
  renderLedgersXlsx,
} from '@core/documents';
import type { ReportChart } from '@core/reports';
import type { FromReportWorker, ToReportWorker } from './report-worker-protocol';

export interface ReportWorkerDeps {
  /** Posts a message to the page; the bytes of a finished file are transferred, not copied. */
  readonly post: (message: FromReportWorker, transfer?: Transferable[]) => void;
  /** The chart as SVG (ECharts' string renderer). */
  readonly chartSvg: (chart: ReportChart) => string;
}

/** The app makes no PDF: its fonts and layout live on the server (`yunwei report --format pdf`). */
export const NO_PDF_IN_APP =
  'PDF 由服务器生成（yunwei report --format pdf），本机可保存 Word 和 Excel 文件或打印预览';

/**
 * The worker's side of the protocol: renders documents and ledgers, builds the package, and asks the
 * page for each chart's PNG, which it answers with a `picture` message.
 */
export function reportWorkerHandler({
  post,
  chartSvg,
}: ReportWorkerDeps): (message: ToReportWorker) => Promise<void> {
  const waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  let lastPicture = 0;
  const pictures: ChartPictures = (chart) => {
    const svg = chartSvg(chart);
    lastPicture += 1;
    const pictureId = lastPicture;
    return new Promise<ChartPicture>((resolve, reject) => {
      waiting.set(pictureId, { resolve: (png) => resolve({ svg, png }), reject });
      post({ type: 'draw', pictureId, svg, width: chart.width, height: chart.height });
    });
  };
  const renderer: JobRenderer = {
    render: async (job) => {
      if (job.kind === 'ledgers') return [await renderLedgersXlsx(job.ledgers, job.subtitle)];
      const files: Uint8Array[] = [];
      for (const format of job.formats) {
        if (format === 'pdf') throw new Error(NO_PDF_IN_APP);
        files.push(await renderDocx(job.document, pictures));
      }
      return files;
    },
  };
  const finish = async (id: number, work: () => Promise<Uint8Array>) => {
    try {
      const bytes = await work();
      post({ type: 'done', id, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      post({ type: 'failed', id, reason: error instanceof Error ? error.message : String(error) });
    }
  };
  const answer = (pictureId: number) => {
    const pending = waiting.get(pictureId);
    waiting.delete(pictureId);
    return pending;
  };

  return async (message) => {
    switch (message.type) {
      case 'render':
        await finish(message.id, async () => {
          const [bytes] = await renderer.render(message.job);
          if (bytes === undefined) throw new Error('生成的文件为空');
          return bytes;
        });
        return;
      case 'package': {
        const { input, id } = message;
        await finish(id, () =>
          buildReportPackage(
            {
              period: input.period,
              profile: input.profile,
              calendar: builtinCalendar(input.notices),
              now: input.now,
              records: input.records,
            },
            renderer,
            {
              pdf: false,
              // A macrotask between documents, so the page's answers (chart pictures) are heard.
              pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
              onProgress: (done, total) => post({ type: 'progress', id, done, total }),
            },
          ),
        );
        return;
      }
      case 'picture':
        answer(message.pictureId)?.resolve(message.png);
        return;
      case 'picture-failed':
        answer(message.pictureId)?.reject(new Error(`图表无法绘制：${message.reason}`));
        return;
    }
  };
}

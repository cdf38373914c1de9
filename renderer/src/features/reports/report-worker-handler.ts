import { builtinCalendar } from '@core/calendar';
import {
  type ChartPicture,
  type ChartPictures,
  type JobRenderer,
  type RenderJob,
  buildReportPackage,
  renderDocx,
  renderLedgersXlsx,
  renderPdf,
  warmUpPdf,
} from '@core/documents';
import type { ContractProfile } from '@core/profile';
import type { ReportChart } from '@core/reports';
import type { PdfFontLoader } from './pdf-font-loader';
import type { FromReportWorker, ToReportWorker } from './report-worker-protocol';

export interface ReportWorkerDeps {
  /** Posts a message to the page; the bytes of a finished file are transferred, not copied. */
  readonly post: (message: FromReportWorker, transfer?: Transferable[]) => void;
  /** The chart as SVG (ECharts' string renderer). */
  readonly chartSvg: (chart: ReportChart) => string;
  /**
   * The PDF's faces, fetched and opened the first time a PDF is asked for, or prepared ahead where
   * their files are already here (pdf-font-loader.ts).
   */
  readonly pdfFaces: PdfFontLoader;
}

/**
 * The worker's side of the protocol: renders documents and ledgers, builds the package, and asks the
 * page for each chart's PNG, which it answers with a `picture` message.
 */
export function reportWorkerHandler({
  post,
  chartSvg,
  pdfFaces,
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
        files.push(
          format === 'pdf'
            ? await renderPdf(job.document, { faces: await pdfFaces(() => undefined), chartSvg })
            : await renderDocx(job.document, pictures),
        );
      }
      return files;
    },
  };
  /** The fonts before the first PDF of a piece of work, their download's progress under its id. */
  const fontsFor = async (id: number, wanted: boolean) => {
    if (!wanted) return;
    await pdfFaces(({ loaded, total }) =>
      post({ type: 'progress', id, done: loaded, total, stage: 'fonts' }),
    );
  };
  const wantsPdf = (job: RenderJob) => job.kind === 'document' && job.formats.includes('pdf');
  const finish = async (id: number, work: () => Promise<Uint8Array>) => {
    try {
      const bytes = await work();
      post({ type: 'done', id, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      post({ type: 'failed', id, reason: error instanceof Error ? error.message : String(error) });
    }
  };
  /** The fonts opened and one PDF made, where the fonts are here (the first real PDF runs warm). */
  const preparePdf = async (profile: ContractProfile) => {
    if (!(await pdfFaces.prepare())) return;
    await warmUpPdf({ faces: await pdfFaces(() => undefined), chartSvg }, profile, builtinCalendar());
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
          await fontsFor(message.id, wantsPdf(message.job));
          const [bytes] = await renderer.render(message.job);
          if (bytes === undefined) throw new Error('生成的文件为空');
          return bytes;
        });
        return;
      case 'package': {
        const { input, id } = message;
        const pdf = input.pdf === true;
        await finish(id, async () => {
          await fontsFor(id, pdf);
          return buildReportPackage(
            {
              period: input.period,
              profile: input.profile,
              calendar: builtinCalendar(input.notices),
              now: input.now,
              records: input.records,
            },
            renderer,
            {
              pdf,
              // A macrotask between documents, so the page's answers (chart pictures) are heard.
              pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
              onProgress: (done, total) => post({ type: 'progress', id, done, total }),
            },
          );
        });
        return;
      }
      case 'prepare-pdf':
        // Preparing only saves the first PDF some time: a failure here is met again, and reported,
        // when a PDF is asked for.
        await preparePdf(message.profile).catch((error: unknown) => {
          console.warn('未能预先打开 PDF 字体，生成 PDF 时再打开', error);
        });
        return;
      case 'picture':
        answer(message.pictureId)?.resolve(message.png);
        return;
      case 'picture-failed':
        answer(message.pictureId)?.reject(new Error(`图表无法绘制：${message.reason}`));
        return;
    }
  };
}

import { type RenderJob, renderDocx, renderLedgersXlsx } from '@core/documents';
import { serverChartPicture } from './chart-svg';
import { renderPdf } from './render-pdf';

export type { RenderJob };

/** The job's files, one per format in the order asked for (a ledger job has one). */
export async function renderJob(job: RenderJob): Promise<Uint8Array[]> {
  switch (job.kind) {
    case 'document': {
      const files: Uint8Array[] = [];
      for (const format of job.formats) {
        files.push(
          format === 'docx'
            ? await renderDocx(job.document, serverChartPicture)
            : await renderPdf(job.document),
        );
      }
      return files;
    }
    case 'ledgers':
      return [await renderLedgersXlsx(job.ledgers, job.subtitle)];
  }
}

import { GB_DOCUMENT_FONTS, type RenderJob, renderDocx, renderLedgersXlsx } from '@core/documents';
import { serverChartPicture } from './chart-svg';
import { NODE_ZIP_CODEC } from './node-zip-codec';
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
            ? await renderDocx(job.document, serverChartPicture, GB_DOCUMENT_FONTS, NODE_ZIP_CODEC)
            : await renderPdf(job.document),
        );
      }
      return files;
    }
    case 'ledgers':
      return [await renderLedgersXlsx(job.ledgers, job.subtitle, NODE_ZIP_CODEC)];
  }
}

// Each writer from its own module, not the index: the index brings in the package builder and with it
// the whole report model, which a render worker never runs (and would load at its start).
import { GB_DOCUMENT_FONTS } from '@core/documents/docx-fonts';
import { renderDocx } from '@core/documents/render-docx';
import { renderLedgersXlsx } from '@core/documents/render-xlsx';
import type { RenderJob } from '@core/documents/report-package';
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

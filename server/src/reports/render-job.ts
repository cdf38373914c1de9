import type { Ledger, ReportDocument } from '@core/reports';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import { renderLedgersXlsx } from './render-xlsx';

/**
 * Files to render from one model: plain data, so that a worker thread can be given it. A document
 * asked for in several formats is rendered from the one copy, so its charts are drawn once.
 */
export type RenderJob =
  | {
      readonly kind: 'document';
      readonly formats: readonly ('docx' | 'pdf')[];
      readonly document: ReportDocument;
    }
  | { readonly kind: 'ledgers'; readonly ledgers: readonly Ledger[]; readonly subtitle: string };

/** The job's files, one per format in the order asked for (a ledger job has one). */
export async function renderJob(job: RenderJob): Promise<Uint8Array[]> {
  switch (job.kind) {
    case 'document': {
      const files: Uint8Array[] = [];
      for (const format of job.formats) {
        files.push(format === 'docx' ? await renderDocx(job.document) : await renderPdf(job.document));
      }
      return files;
    }
    case 'ledgers':
      return [await renderLedgersXlsx(job.ledgers, job.subtitle)];
  }
}

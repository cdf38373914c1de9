import type { Ledger, ReportDocument } from '@core/reports';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import { renderLedgersXlsx } from './render-xlsx';

/** One file to render from its model: plain data, so that a worker thread can be given it. */
export type RenderJob =
  | { readonly format: 'docx' | 'pdf'; readonly document: ReportDocument }
  | { readonly format: 'xlsx'; readonly ledgers: readonly Ledger[]; readonly subtitle: string };

export async function renderJob(job: RenderJob): Promise<Uint8Array> {
  switch (job.format) {
    case 'docx':
      return renderDocx(job.document);
    case 'pdf':
      return renderPdf(job.document);
    case 'xlsx':
      return renderLedgersXlsx(job.ledgers, job.subtitle);
  }
}

import { renderPdf as renderPdfWith } from '@core/documents/render-pdf';
import type { ReportDocument } from '@core/reports';
import { chartSvg } from './chart-svg';
import { type PdfFontCache, type PdfFonts, debianPdfFonts, openPdfFaces, processPdfFonts } from './pdf-fonts';

/**
 * A report document as the server's PDF: core's layout (the one the app's worker runs) with Debian's
 * font files and the charts drawn by ECharts in Node.
 */
export function renderPdf(
  document: ReportDocument,
  fonts: PdfFonts = debianPdfFonts(),
  cache: PdfFontCache = processPdfFonts,
): Promise<Uint8Array> {
  return renderPdfWith(document, { faces: openPdfFaces(fonts, cache), chartSvg });
}

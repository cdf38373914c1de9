export { type DocumentFonts, GB_DOCUMENT_FONTS, WINDOWS_DOCUMENT_FONTS } from './docx-fonts';
export { type SvgCharts, drawChartSvg } from './chart-option';
export { type TableXmlOptions, tableXml, xmlText } from './docx-table-xml';
export { type ChartPicture, type ChartPictures, mm, renderDocx } from './render-docx';
export { PDF_FONT_ROLES, type PdfFontRole, locatePdfFonts } from './pdf-font-files';
export { type PdfFaces, openPdfFace } from './pdf-fonts';
export { warmUpPdf } from './pdf-warm-up';
export { type ChartSvg, type PdfRendering, breakLines, renderPdf } from './render-pdf';
export { columnLetters, renderLedgersXlsx } from './render-xlsx';
export {
  type JobRenderer,
  type PackageOptions,
  type PackageRequest,
  type RenderJob,
  buildReportPackage,
  reportRequest,
} from './report-package';

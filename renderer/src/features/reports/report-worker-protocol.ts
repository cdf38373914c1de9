import type { CalendarNotice } from '@core/calendar';
import type { RenderJob } from '@core/documents';
import type { ContractProfile } from '@core/profile';
import type { ReportPeriod, ReportRecords } from '@core/reports';
import type { Instant } from '@core/time/shanghai-time';

/**
 * What the half-year package is made from, as plain data a worker can be given: the calendar as its
 * notices (the WorkingCalendar is rebuilt in the worker).
 */
export interface PackageInput {
  readonly period: ReportPeriod;
  readonly profile: ContractProfile;
  readonly notices: readonly CalendarNotice[];
  readonly now: Instant;
  readonly records: ReportRecords;
  /** The monthly and summary reports also as PDF, as the server's package has them. */
  readonly pdf?: boolean;
}

/** The page to the worker: work to do, and the pictures of charts it asked the page to draw. */
export type ToReportWorker =
  | { readonly type: 'render'; readonly id: number; readonly job: RenderJob }
  | { readonly type: 'package'; readonly id: number; readonly input: PackageInput }
  /**
   * The page has opened: if the PDF's fonts are already on this PC, open them and make one throwaway
   * PDF of the contract (`warmUpPdf`), so the first one asked for is not the engine's first pass.
   */
  | { readonly type: 'prepare-pdf'; readonly profile: ContractProfile }
  | { readonly type: 'picture'; readonly pictureId: number; readonly png: Uint8Array }
  | { readonly type: 'picture-failed'; readonly pictureId: number; readonly reason: string };

/**
 * The worker to the page: progress and the file of a piece of work, or why it failed; and a chart's
 * SVG to draw as a PNG (a worker has no document to decode an SVG image in). Progress counts files,
 * or with `stage: 'fonts'` the bytes of the PDF's fonts fetched before the first PDF.
 */
export type FromReportWorker =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly done: number;
      readonly total: number;
      readonly stage?: 'fonts';
    }
  | { readonly type: 'done'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly type: 'failed'; readonly id: number; readonly reason: string }
  | {
      readonly type: 'draw';
      readonly pictureId: number;
      readonly svg: string;
      readonly width: number;
      readonly height: number;
    };

import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type * as ECharts from 'echarts';
import type { Font } from 'fontkit';
import { drawChartSvg } from '@core/documents/chart-option';
import type { ChartPicture } from '@core/documents/render-docx';
import type { ReportChart } from '@core/reports';
import { debianPdfFonts, processPdfFonts } from './pdf-fonts';
import { encodePng } from './png-encode';
import { svgTextAsPaths } from './svg-text-paths';

/**
 * ECharts as its one-file CommonJS build (the package's `require` entry, the same full library): its
 * ES modules are some 800 files, and loading them through tsx took 1.8 s of CPU in every thread that
 * draws charts, the bundle 0.2 s.
 */
const echarts = createRequire(import.meta.url)('echarts') as typeof ECharts;

/**
 * The chart as SVG, drawn by ECharts' server-side renderer: no browser, no canvas, with the font
 * stack's quotes a document can read (`drawChartSvg`).
 */
export function chartSvg(chart: ReportChart): string {
  let svg = drawn.get(chart);
  if (svg === undefined) {
    svg = drawChartSvg(echarts, chart);
    drawn.set(chart, svg);
  }
  return svg;
}

/** Each chart's SVG while its document is rendered: the .docx and the PDF of a report draw it once. */
const drawn = new WeakMap<ReportChart, string>();

/**
 * The SVG as a PNG at `scale` times its size, for the .docx's fallback picture (what Word before 2016
 * draws), its text drawn as the outlines of `font`'s glyphs.
 */
export function chartPng(svg: string, font: Font, scale = 1): Buffer {
  const resvg = new Resvg(svgTextAsPaths(svg, font), {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false },
    // Opaque, so the drawing's premultiplied pixels are the PNG's as they are.
    background: '#ffffff',
  });
  const image = resvg.render();
  return encodePng(image.width, image.height, image.pixels);
}

/** A chart as the server's .docx draws it: the SVG, and its PNG with the text in the 黑体 face's outlines. */
export function serverChartPicture(chart: ReportChart): ChartPicture {
  const svg = chartSvg(chart);
  return { svg, png: chartPng(svg, processPdfFonts.open(debianPdfFonts().heading1)) };
}

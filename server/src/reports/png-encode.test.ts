import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportChart } from '@core/reports';
import { februaryRequest } from '../test-support/report-records';
import { chartSvg } from './chart-svg';
import { encodePng } from './png-encode';
import { debianPdfFonts, processPdfFonts } from './pdf-fonts';
import { svgTextAsPaths } from './svg-text-paths';

/** The pixels a PNG decodes to, as resvg reads a picture placed at its own size. */
function decoded(png: Uint8Array, width: number, height: number): Uint8Array {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<image width="${width}" height="${height}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  return new Resvg(svg, { imageRendering: 1 }).render().pixels;
}

function charts(): ReportChart[] {
  return buildReport(februaryRequest('monthly')).sections.flatMap((section) =>
    [section, ...section.subsections].flatMap((each) =>
      each.blocks.filter((block): block is ReportChart => block.kind === 'chart'),
    ),
  );
}

describe('PNG encoding', () => {
  it('writes a chart’s drawing as a PNG that reads back to the pixels resvg’s own PNG does', () => {
    const font = processPdfFonts.open(debianPdfFonts().heading1);
    const drawn = charts();
    expect(drawn.length).toBeGreaterThan(0);
    for (const chart of drawn) {
      const image = new Resvg(svgTextAsPaths(chartSvg(chart), font), {
        font: { loadSystemFonts: false },
        background: '#ffffff',
      }).render();
      const ours = encodePng(image.width, image.height, image.pixels);
      expect(ours.subarray(1, 4).toString('latin1')).toBe('PNG');
      const theirs = decoded(image.asPng(), image.width, image.height);
      expect(Buffer.from(decoded(ours, image.width, image.height)).equals(Buffer.from(theirs))).toBe(true);
      // Not a blank picture: the chart's colours are there.
      expect(new Set(image.pixels).size).toBeGreaterThan(10);
    }
  });

  it('refuses pixels that do not fill the size given', () => {
    expect(() => encodePng(2, 2, new Uint8Array(12))).toThrow(/2×2/);
  });
});

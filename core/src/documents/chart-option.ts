import type { EChartsOption, init } from 'echarts';
import type { ReportChart } from '../reports';

/**
 * The chart's option as a document draws it. ECharts writes the font stack into a double-quoted
 * `style` attribute of its SVG unescaped, which no XML reader (Word, resvg, svg-to-pdfkit) accepts, so
 * the stack's double quotes are made single.
 */
function documentChartOption(chart: ReportChart): EChartsOption {
  const textStyle = chart.option.textStyle;
  const fontFamily = Array.isArray(textStyle) ? undefined : textStyle?.fontFamily;
  return typeof fontFamily === 'string'
    ? { ...chart.option, textStyle: { ...textStyle, fontFamily: fontFamily.replaceAll('"', "'") } }
    : chart.option;
}

/**
 * What of ECharts a document's chart needs: the full library (the server's one-file build) or a core
 * with the dashboard's charts registered (the app's worker, tree-shaken).
 */
export interface SvgCharts {
  readonly init: typeof init;
}

/** The chart as SVG text, drawn by ECharts' string renderer: no DOM, no canvas it draws on. */
export function drawChartSvg(echarts: SvgCharts, chart: ReportChart): string {
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: chart.width,
    height: chart.height,
  });
  try {
    instance.setOption(documentChartOption(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

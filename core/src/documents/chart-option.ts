import type { EChartsOption } from 'echarts';
import type { ReportChart } from '../reports';

/**
 * The chart's option as a document draws it. ECharts writes the font stack into a double-quoted
 * `style` attribute of its SVG unescaped, which no XML reader (Word, resvg, svg-to-pdfkit) accepts, so
 * the stack's double quotes are made single.
 */
export function documentChartOption(chart: ReportChart): EChartsOption {
  const textStyle = chart.option.textStyle;
  const fontFamily = Array.isArray(textStyle) ? undefined : textStyle?.fontFamily;
  return typeof fontFamily === 'string'
    ? { ...chart.option, textStyle: { ...textStyle, fontFamily: fontFamily.replaceAll('"', "'") } }
    : chart.option;
}

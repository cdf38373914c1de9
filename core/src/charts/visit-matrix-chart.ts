import { monthLabel } from '../records/kinds/common';
import {
  COVERAGE_STATE_LABELS,
  type CoverageState,
  type VisitCoverage,
} from '../records/kinds/visit-coverage';
import { CHART_COLORS, type ChartModel, baseOption } from './chart-model';

const STATE_VALUES: Readonly<Record<CoverageState, number>> = { visited: 0, due: 1, missed: 2, upcoming: 3 };
const STATE_COLORS: Readonly<Record<CoverageState, string>> = {
  visited: CHART_COLORS.met,
  due: CHART_COLORS.open,
  missed: CHART_COLORS.broken,
  upcoming: CHART_COLORS.upcoming,
};

/** Units × months of `visitCoverage` as a grid of cells; a click opens the visits of that unit-month. */
export function visitMatrixChart(coverage: VisitCoverage): ChartModel {
  const states = Object.keys(STATE_VALUES) as CoverageState[];
  const cells = coverage.rows.flatMap((row, rowIndex) =>
    row.cells.map((cell, monthIndex) => ({
      point: [monthIndex, rowIndex, STATE_VALUES[cell.state]],
      ids: cell.visitIds,
    })),
  );
  return {
    option: {
      ...baseOption('现场回访：单位 × 月份'),
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        top: 0,
        right: 0,
        pieces: states.map((state) => ({
          value: STATE_VALUES[state],
          label: COVERAGE_STATE_LABELS[state],
          color: STATE_COLORS[state],
        })),
      },
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: coverage.months.map((month) => monthLabel(month).slice(5)) },
      yAxis: {
        type: 'category',
        inverse: true,
        data: coverage.rows.map((row) => row.unitName.replace(/^贵州省/, '')),
      },
      series: [
        {
          type: 'heatmap',
          name: '回访',
          data: cells.map((cell) => cell.point),
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
        },
      ],
    },
    links: [cells.map((cell) => cell.ids)],
  };
}

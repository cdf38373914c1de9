import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { slaBreaches, slaCompliance } from '../reports/ticket-figures';
import { testCalendar, testProfile, testTicket } from '../obligations/test-records';
import { parseInstant } from '../time/shanghai-time';
import { inspectionHeatmapChart } from './inspection-heatmap';
import { slaComplianceChart } from './sla-chart';

/* The builders need no browser: ECharts' server-side SVG renderer draws them in plain Node. */

function renderSvg(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 360 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

describe('server-side rendering of the chart options', () => {
  it('draws the SLA compliance bars with their Chinese labels', () => {
    const asOf = parseInstant('2026-03-04 12:00');
    const tickets = [
      testTicket({ receivedAt: parseInstant('2026-03-02 10:00') }, [['respond', '2026-03-02 10:05']]),
      testTicket({ receivedAt: parseInstant('2026-03-03 10:00') }, [['respond', '2026-03-03 10:25']]),
    ];
    const context = { profile: testProfile, calendar: testCalendar, asOf };
    const chart = slaComplianceChart(
      slaCompliance(tickets, context),
      slaBreaches(tickets, context),
      testProfile,
      '本月',
    );
    const svg = renderSvg(chart.option);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('网站群');
    expect(svg).toContain('响应时限');
    expect(svg).toContain('<path');
  });

  it('draws the calendar heat map of half a year', () => {
    const chart = inspectionHeatmapChart(
      [
        { date: '2026-01-05', value: 0, recordIds: [] },
        { date: '2026-01-06', value: 3, recordIds: [] },
      ],
      { from: '2026-01-01', to: '2026-06-30' },
    );
    const svg = renderSvg(chart.option);
    expect(svg).toContain('漏检');
    expect(svg).toContain('>1月<');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(180); // a cell per day and more
  });
});

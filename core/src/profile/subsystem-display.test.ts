import { describe, expect, it } from 'vitest';
import { loadDefaultProfile } from './default-profile';
import { describeSubsystems } from './subsystem-display';

const subsystems = describeSubsystems(loadDefaultProfile());

function display(id: number) {
  const found = subsystems.find((subsystem) => subsystem.id === id);
  if (found === undefined) throw new Error(`no subsystem ${id}`);
  return found;
}

function clockLines(id: number): string[] {
  return display(id).clocks.map(
    (clock) =>
      `${clock.severityLabel}${clock.categoryLabel} ${clock.kindLabel} ${clock.durationLabel}（${clock.scheduleLabel}）${clock.source === 'contract' ? ' 合同' : ''}`,
  );
}

describe('describeSubsystems', () => {
  it('lists the 13 subsystems in order with their Chinese names', () => {
    expect(subsystems.map((subsystem) => subsystem.shortName)).toEqual([
      '互联网+人社',
      '短信服务',
      '公文系统',
      '劳动关系',
      '网站群',
      '继续教育',
      '跨部门大数据',
      '基金监管',
      '人才博览会',
      '政务网数据服务',
      '统计数据',
      '宣传矩阵',
      '政务网门户',
    ]);
  });

  it('shows the service hours, modes and schedules of a subsystem', () => {
    expect(display(1)).toMatchObject({
      name: '贵州省“互联网+人社”公共服务平台和监管平台',
      serviceModes: ['远程服务', '驻场运维'],
      stationedEngineers: 1,
      serviceHours: '运维时间为周一至周五工作日，特殊情况周六、周日可加班，时间为早上 9 点到下午五点半。',
      schedules: [{ id: 'office', hours: 'workday:09:00-17:30', label: '工作日 09:00–17:30' }],
    });
    expect(display(2).serviceHours).toBeUndefined();
  });

  it("merges the subsystem's clocks with the contract-wide ones it does not override", () => {
    expect(clockLines(1)).toEqual([
      '一般故障 响应 30 分钟（7×24 小时） 合同',
      '一般故障 解决 30 分钟（工作日 09:00–17:30）',
      '重大故障 响应 30 分钟（7×24 小时） 合同',
      '重大故障 解决 30 分钟（工作日 09:00–17:30）',
      '紧急故障 响应 30 分钟（7×24 小时） 合同',
      '紧急故障 解决 30 分钟（工作日 09:00–17:30）',
      '一般安全漏洞 响应 5 天（7×24 小时） 合同',
      '重大安全漏洞 响应 5 天（7×24 小时） 合同',
      '紧急安全漏洞 响应 5 天（7×24 小时） 合同',
    ]);
    expect(clockLines(4)).toContain('一般数据维护 解决 15 个工作日（工作日）');
    expect(clockLines(6)).toContain('一般故障 解决 24 小时（7×24 小时）');
    expect(clockLines(5)).toContain('紧急故障 解决 2 小时（7×24 小时）');
  });

  it('calls a schedule open all day on working days 工作日全天, not 00:00–24:00', () => {
    expect(clockLines(3)).toContain('一般故障 解决 2 小时（工作日全天）');
    expect(display(3).schedules[0]?.label).toBe('工作日全天');
    expect(clockLines(3).join('\n')).not.toContain('00:00–24:00');
  });
});

import { TICKET_CHANNELS, TICKET_STATUSES } from '@core/records';
import { describe, expect, it } from 'vitest';
import { INTAKE_CHANNEL_OPTIONS, STATUS_OPTIONS, subsystemLabel, userLabel } from './labels';

const SUBSYSTEMS = [
  { id: 5, shortName: '网站群' },
  { id: 8, shortName: '基金监管' },
];

describe('ticket labels', () => {
  it('offers every status in the machine’s order, in Chinese', () => {
    expect(STATUS_OPTIONS.map((option) => option.value)).toEqual([...TICKET_STATUSES]);
    expect(STATUS_OPTIONS.map((option) => option.label)).toEqual([
      '新建',
      '已响应',
      '处理中',
      '等待报告人',
      '已解决',
      '已关闭',
    ]);
  });

  it('leaves 巡检 out of the channels a person logs by hand', () => {
    expect(INTAKE_CHANNEL_OPTIONS.map((option) => option.value)).toEqual(
      TICKET_CHANNELS.filter((channel) => channel !== 'inspection'),
    );
    expect(INTAKE_CHANNEL_OPTIONS[0]).toEqual({ value: 'phone', label: '电话' });
  });

  it('names subsystems by number and short name, and says when the profile lacks one', () => {
    expect(subsystemLabel(5, SUBSYSTEMS)).toBe('5 网站群');
    expect(subsystemLabel(13, SUBSYSTEMS)).toBe('子项 13');
  });

  it('names users, the signed-in one and nobody', () => {
    const me = { id: 'zhangsan', displayName: '张三' };
    expect(userLabel('zhangsan', me)).toBe('张三（我）');
    expect(userLabel('lisi', me)).toBe('lisi');
    expect(userLabel(null, me)).toBe('未指派');
    expect(userLabel('', me)).toBe('未指派');
  });
});

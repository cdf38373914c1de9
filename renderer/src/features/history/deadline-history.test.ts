import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { describeChanges, type LabelContext } from './history-labels';

const CONTEXT: LabelContext = {
  subsystems: [{ id: 4, shortName: '劳动关系' }],
  currentUser: { id: 'zhangsan', displayName: '张三' },
};

describe('the history of deadlines recomputed when a year’s notice arrived', () => {
  it('names the reason and each clock that moved or lost its 暂定 mark, and nothing else', () => {
    const changes = describeChanges(
      'ticket',
      [
        {
          field: 'slaDeadlines',
          oldValue: {
            response: null,
            resolution: { deadline: parseInstant('2027-03-12T00:00'), provisional: true },
          },
          newValue: {
            response: null,
            resolution: { deadline: parseInstant('2027-03-11T00:00'), provisional: false },
            reason: '2027 年节假日安排已发布，时限重新计算',
          },
        },
      ],
      CONTEXT,
    );
    expect(changes).toEqual([
      {
        field: 'slaDeadlines',
        view: {
          kind: 'details',
          label: '时限（2027 年节假日安排已发布，时限重新计算）',
          changes: [{ label: '解决时限', before: '2027-03-12 00:00（暂定）', after: '2027-03-11 00:00' }],
        },
      },
    ]);
  });
});

import {
  historyValues,
  newTicket,
  transition,
  type InspectionItem,
  type InspectionResult,
  type Ticket,
} from '@core/records';
import { buildChangeSet, initialHlc, type HistoryEntry } from '@core/sync';
import { parseInstant } from '@core/time/shanghai-time';
import { describe, expect, it } from 'vitest';
import { groupBySave } from './group-history';
import {
  changedFieldsText,
  describeChange,
  describeChanges,
  fieldLabel,
  formatValue,
  type LabelContext,
} from './history-labels';

const CONTEXT: LabelContext = {
  subsystems: [{ id: 5, shortName: '网站群' }],
  currentUser: { id: 'zhangsan', displayName: '张三' },
};
const at = (time: string) => parseInstant(`2026-03-10 ${time}`);

function created(): Ticket {
  const result = newTicket(
    {
      subsystemId: 5,
      channel: 'phone',
      reporter: { unit: '省人社厅办公室', person: '王老师', phone: '0851-86812345' },
      category: 'fault',
      severity: 'major',
      title: '门户网站首页打不开',
      receivedAt: at('09:02'),
    },
    { actor: 'zhangsan', at: at('09:05') },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

describe('history labels', () => {
  it('names fields in Chinese and keeps an unknown field’s own name', () => {
    expect(fieldLabel('ticket', 'rootCause')).toBe('原因分析');
    expect(fieldLabel('inspection_run', 'results')).toBe('检查结果');
    expect(fieldLabel('ticket', 'somethingNew')).toBe('somethingNew');
  });

  it('shows codes as labels, instants in Beijing time, people by name', () => {
    expect(formatValue('ticket', 'status', 'waiting', CONTEXT)).toBe('等待报告人');
    expect(formatValue('ticket', 'severity', 'emergency', CONTEXT)).toBe('紧急');
    expect(formatValue('ticket', 'channel', 'wechat', CONTEXT)).toBe('微信群');
    expect(formatValue('ticket', 'category', 'account', CONTEXT)).toBe('账号权限');
    expect(formatValue('ticket', 'receivedAt', at('09:02'), CONTEXT)).toBe('2026-03-10 09:02');
    expect(formatValue('ticket', 'assignee', 'zhangsan', CONTEXT)).toBe('张三');
    expect(formatValue('ticket', 'assignee', 'lisi', CONTEXT)).toBe('lisi');
    expect(formatValue('ticket', 'assignee', null, CONTEXT)).toBe('未指派');
    expect(formatValue('ticket', 'subsystemId', 5, CONTEXT)).toBe('5 网站群');
    expect(formatValue('ticket', 'subsystemId', 9, CONTEXT)).toBe('子项 9');
    expect(formatValue('ticket', 'rootCause', '', CONTEXT)).toBe('（空）');
    expect(formatValue('ticket', 'deleted', true, CONTEXT)).toBe('已删除');
    expect(
      formatValue('ticket', 'reporter', { unit: '省人社厅', person: '', phone: '0851-1' }, CONTEXT),
    ).toBe('省人社厅，0851-1');
    expect(
      formatValue(
        'ticket',
        'chatEvidence',
        { sender: '李四', group: '运维群', sentAt: at('10:32'), text: '打不开' },
        CONTEXT,
      ),
    ).toBe('李四（运维群） 2026-03-10 10:32：打不开');
    expect(formatValue('ticket', 'chatEvidence', null, CONTEXT)).toBe('无');
  });

  it('shows a duty log’s hand-over and sign-off and a swap’s agreement in Beijing time, not as numbers', () => {
    expect(formatValue('duty_log', 'handedOverAt', at('18:30'), CONTEXT)).toBe('2026-03-10 18:30');
    expect(formatValue('duty_log', 'signedOffAt', at('19:05'), CONTEXT)).toBe('2026-03-10 19:05');
    expect(formatValue('duty_swap', 'at', at('09:00'), CONTEXT)).toBe('2026-03-10 09:00');
  });

  it('shows a status change as old → new and the timeline as the events added', () => {
    const before = created();
    const responded = transition(before, 'respond', { actor: 'zhangsan', at: at('09:06') });
    if (!responded.ok) throw new Error(responded.reason);
    const waiting = transition(responded.ticket, 'wait', {
      actor: 'lisi',
      at: at('09:10'),
      reason: '等待对方提供截图',
    });
    if (!waiting.ok) throw new Error(waiting.reason);
    expect(describeChange('ticket', 'status', 'responded', 'waiting', CONTEXT)).toEqual({
      kind: 'value',
      label: '状态',
      before: '已响应',
      after: '等待报告人',
    });
    expect(
      describeChange('ticket', 'events', responded.ticket.events, waiting.ticket.events, CONTEXT),
    ).toEqual({
      kind: 'items',
      label: '处理记录',
      added: ['等待报告人（2026-03-10 09:10，lisi）：等待对方提供截图'],
      removed: [],
    });
    // As a history row keeps it now: only the changed items (core historyValues).
    const kept = historyValues('ticket', 'events', responded.ticket.events, waiting.ticket.events);
    expect(kept.oldValue).toEqual([]);
    expect(describeChange('ticket', 'events', kept.oldValue, kept.newValue, CONTEXT)).toEqual(
      describeChange('ticket', 'events', responded.ticket.events, waiting.ticket.events, CONTEXT),
    );
  });

  it('shows attachments added and removed by name', () => {
    const shot = { sha256: 'a'.repeat(64), name: '截图.png', mime: 'image/png', size: 10 };
    const log = { sha256: 'b'.repeat(64), name: '日志.txt', mime: 'text/plain', size: 10 };
    expect(describeChange('ticket', 'attachments', [shot], [log], CONTEXT)).toEqual({
      kind: 'items',
      label: '附件',
      added: ['日志.txt'],
      removed: ['截图.png'],
    });
  });
});

describe('groupBySave', () => {
  it('groups one save’s rows, newest save first, fields in the table’s order, and marks the creation', () => {
    const ticket = created();
    const first = buildChangeSet({
      recordType: 'ticket',
      recordId: ticket.id,
      before: undefined,
      after: ticket,
      actor: 'zhangsan',
      at: at('09:05'),
      clock: initialHlc('0123456789'),
      ignore: ['updatedAt'],
    });
    const responded = transition(ticket, 'respond', { actor: 'zhangsan', at: at('09:06') });
    if (!responded.ok) throw new Error(responded.reason);
    const second = buildChangeSet({
      recordType: 'ticket',
      recordId: ticket.id,
      before: ticket,
      after: responded.ticket,
      actor: 'lisi',
      at: at('09:06'),
      clock: first.clock,
      ignore: ['updatedAt'],
    });
    const rows: HistoryEntry[] = [...first.history, ...second.history];
    const groups = groupBySave(rows, 'ticket');
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ actor: 'lisi', at: at('09:06'), created: false });
    expect(groups[0]?.entries.map((entry) => entry.field)).toEqual(['status', 'events']);
    expect(groups[1]?.created).toBe(true);
    expect(groups[1]?.entries[0]?.field).toBe('title');
  });
});

describe('history an acceptance review can read', () => {
  const cpu: InspectionItem = {
    id: 'cpu',
    label: 'CPU 使用率',
    required: true,
    kind: 'number',
    unit: '%',
    max: 80,
  };
  const portal: InspectionItem = { id: 'portal', label: '门户首页', required: true, kind: 'pass-fail' };
  const RUN_CONTEXT: LabelContext = {
    ...CONTEXT,
    template: { name: '基金监管系统月度巡检', items: [cpu, portal] },
  };
  const result = (itemId: string, value: InspectionResult['value'], note = ''): InspectionResult => ({
    itemId,
    value,
    ok: true,
    note,
    photoSha256: null,
    ticketId: null,
  });

  it('names each inspection item that changed with its old and new value, not "2 项 → 2 项"', () => {
    const before = [result('cpu', 45), result('portal', true)];
    const after = [result('cpu', 95, '夜间批处理'), result('portal', true)];
    expect(describeChange('inspection_run', 'results', before, after, RUN_CONTEXT)).toEqual({
      kind: 'details',
      label: '检查结果',
      changes: [
        { label: 'CPU 使用率', before: '45%', after: '95%' },
        { label: 'CPU 使用率的备注', before: '（空）', after: '夜间批处理' },
      ],
    });
    expect(describeChange('inspection_run', 'results', [before[0]], before, RUN_CONTEXT)).toEqual({
      kind: 'details',
      label: '检查结果',
      changes: [{ label: '门户首页', before: '（空）', after: '正常' }],
    });
  });

  it('names the ticket a result opened and its photo as changes of that item', () => {
    const before = [result('cpu', 95)];
    const after = [
      { ...result('cpu', 95), ticketId: '3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f', photoSha256: 'a'.repeat(64) },
    ];
    expect(describeChange('inspection_run', 'results', before, after, RUN_CONTEXT)).toEqual({
      kind: 'details',
      label: '检查结果',
      changes: [
        { label: 'CPU 使用率的现场照片', before: '无', after: '已拍照' },
        { label: 'CPU 使用率的工单', before: '无', after: '已生成' },
      ],
    });
  });

  it('lists a new run’s results by item and its template by name, never by id', () => {
    const results = [result('cpu', 45), result('portal', false)];
    expect(formatValue('inspection_run', 'results', results, RUN_CONTEXT)).toBe(
      '「CPU 使用率」45%；「门户首页」异常',
    );
    expect(formatValue('inspection_run', 'results', [], RUN_CONTEXT)).toBe('（空）');
    expect(formatValue('inspection_run', 'scheduledFor', '2026-02', RUN_CONTEXT)).toBe('2026年2月');
    expect(formatValue('inspection_run', 'scheduledFor', '2026-02-14', RUN_CONTEXT)).toBe('2026-02-14');
    expect(formatValue('inspection_run', 'templateId', 's8-monthly', RUN_CONTEXT)).toBe(
      '基金监管系统月度巡检',
    );
    expect(formatValue('inspection_run', 'templateId', 's8-monthly', CONTEXT)).not.toContain('s8-monthly');
    expect(formatValue('inspection_run', 'results', [result('gone', 1)], RUN_CONTEXT)).not.toContain('gone');
  });

  it('names the inspection a ticket came from by template and item, never by id', () => {
    const link = { runId: '3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f', itemId: 'columns' };
    const origin = { templateName: '门户网站每日巡检', itemLabel: '栏目各项功能正常' };
    expect(formatValue('ticket', 'inspectionLink', link, { ...CONTEXT, inspectionOrigin: origin })).toBe(
      '门户网站每日巡检：「栏目各项功能正常」',
    );
    const unknown = formatValue('ticket', 'inspectionLink', link, CONTEXT);
    expect(unknown).toBe('巡检发现的异常');
  });

  it('leaves out a change that changes nothing', () => {
    const changes = describeChanges(
      'ticket',
      [
        { field: 'subsystemId', oldValue: 5, newValue: 5 },
        { field: 'title', oldValue: '首页打不开', newValue: '门户首页打不开' },
        { field: 'attachments', oldValue: [], newValue: [] },
      ],
      CONTEXT,
    );
    expect(changes.map((change) => change.field)).toEqual(['title']);
    const same = [result('cpu', 45)];
    expect(
      describeChanges(
        'inspection_run',
        [{ field: 'results', oldValue: same, newValue: [{ ...same[0], ok: false }] }],
        RUN_CONTEXT,
      ),
    ).toEqual([]);
  });

  it('says a refused change created the record instead of listing its bookkeeping fields', () => {
    const ticket = created();
    expect(changedFieldsText('ticket', Object.keys(ticket))).toBe('新建工单');
    expect(changedFieldsText('ticket', ['subsystemId', 'updatedAt'])).toBe('修改了：运维子项');
    expect(changedFieldsText('ticket', ['deleted', 'updatedAt'])).toBe('修改了：删除');
  });
});

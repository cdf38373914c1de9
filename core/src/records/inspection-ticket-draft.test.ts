import { describe, expect, it } from 'vitest';
import { parseInstant } from '../time/shanghai-time';
import type { InspectionResult, InspectionRun } from './inspection-run';
import type { InspectionItem } from './inspection-template';
import { newTicket } from './ticket-create';
import { ticketDraftFromFailedItem } from './inspection-ticket-draft';

const at = parseInstant;
const RUN_ID = '3f2b8c1e-8d4a-4c3b-9e2f-1a2b3c4d5e6f';
const TEMPLATE_NAME = '基金监管系统月度巡检';

const run: InspectionRun = {
  id: RUN_ID,
  subsystemId: 8,
  createdBy: 'lisi',
  createdAt: at('2026-03-31T14:00'),
  updatedAt: at('2026-03-31T14:40'),
  deleted: false,
  templateId: 's8-monthly',
  templateVersion: 2,
  scheduledFor: '2026-03',
  startedAt: at('2026-03-31T14:00'),
  finishedAt: at('2026-03-31T14:40'),
  inspector: 'lisi',
  results: [],
};
const tablespace: InspectionItem = {
  id: 'tablespace',
  label: '表空间使用率',
  required: true,
  kind: 'number',
  unit: '%',
  max: 85,
};
const result = (value: InspectionResult['value'], note = ''): InspectionResult => ({
  itemId: 'tablespace',
  value,
  ok: false,
  note,
  photoSha256: null,
  ticketId: null,
});

describe('ticketDraftFromFailedItem', () => {
  it('prefills a fault ticket from an out-of-threshold number, assigned to the inspector, linked back to the run and item', () => {
    const draft = ticketDraftFromFailedItem(run, TEMPLATE_NAME, tablespace, result(91, 'USERS 表空间增长快'));
    expect(draft).toEqual({
      subsystemId: 8,
      channel: 'inspection',
      reporter: { unit: '', person: 'lisi', phone: '' },
      category: 'fault',
      severity: 'ordinary',
      assignee: 'lisi',
      title: '巡检异常：表空间使用率',
      description: [
        '巡检于 2026-03-31 14:40 发现异常（巡检人：lisi，巡检模板「基金监管系统月度巡检」第 2 版）。',
        '检查项：表空间使用率',
        '结果：91%（上限 85%）',
        '判定：「表空间使用率」为 91%，高于上限 85%',
        '备注：USERS 表空间增长快',
      ].join('\n'),
      receivedAt: at('2026-03-31T14:40'),
      inspectionLink: { runId: RUN_ID, itemId: 'tablespace' },
    });
  });

  it('gives a draft that saves as a ticket in one step, in the hands of the engineer who ran the check', () => {
    const saved = newTicket(ticketDraftFromFailedItem(run, TEMPLATE_NAME, tablespace, result(91)), {
      actor: 'lisi',
      at: at('2026-03-31T14:41'),
    });
    expect(
      saved.ok && [
        saved.ticket.status,
        saved.ticket.channel,
        saved.ticket.assignee,
        saved.ticket.inspectionLink,
      ],
    ).toEqual(['new', 'inspection', 'lisi', { runId: RUN_ID, itemId: 'tablespace' }]);
  });

  it('describes a failed pass-fail item and points at the photo', () => {
    const item: InspectionItem = { id: 'bus', label: '异地总线互联', required: true, kind: 'pass-fail' };
    const failed = { ...result(false), itemId: 'bus', photoSha256: 'a'.repeat(64) };
    const draft = ticketDraftFromFailedItem({ ...run, finishedAt: null }, TEMPLATE_NAME, item, failed);
    expect(draft.receivedAt).toBe(at('2026-03-31T14:00'));
    expect(draft.description).toContain('结果：异常\n判定：「异地总线互联」检查结果为异常');
    expect(draft.description).toContain('现场照片见巡检记录。');
  });

  it('names the template and the item in words, never by their ids', () => {
    const draft = ticketDraftFromFailedItem(run, TEMPLATE_NAME, tablespace, result(91));
    expect(draft.description).not.toMatch(/s8-monthly|tablespace/);
    expect(draft.description).toContain('「基金监管系统月度巡检」');
  });

  it('refuses a passing, missing or mismatched result', () => {
    expect(() => ticketDraftFromFailedItem(run, TEMPLATE_NAME, tablespace, result(40))).toThrow(
      '「表空间使用率」结果正常，无需开工单',
    );
    expect(() => ticketDraftFromFailedItem(run, TEMPLATE_NAME, tablespace, result(null))).toThrow(
      '「表空间使用率」为必填项，尚未填写，不能据此开工单',
    );
    expect(() =>
      ticketDraftFromFailedItem(run, TEMPLATE_NAME, tablespace, { ...result(91), itemId: 'cpu' }),
    ).toThrow('结果属于检查项 "cpu"，不是 "tablespace"');
  });
});

import { type ButtonProps, AutoComplete, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { swapDuty, type Roster, type RosterEntry } from '@core/records/kinds';
import { useCurrentUser } from '../../store';
import { SAVE, useShortcut } from '../shortcuts';
import { exchangeCandidates, personNameProblem, weekdayLabel } from './duty-view';
import { useDutySave } from './use-duty-save';

export interface SwapDialogProps {
  readonly shift: RosterEntry;
  readonly roster: Roster;
  readonly people: readonly string[];
  readonly onClose: () => void;
}

type SwapMode = 'cover' | 'exchange';

/**
 * 调班: one recorded action. 替班 gives the shift to another person; 互换 exchanges it for a shift that
 * person holds in the same scope. Recorded by the person giving the shift or the lead.
 */
export function SwapDialog({ shift, roster, people, onClose }: SwapDialogProps) {
  const me = useCurrentUser().id;
  const [mode, setMode] = useState<SwapMode>('cover');
  const [personB, setPersonB] = useState('');
  const [assignmentB, setAssignmentB] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { save, saving } = useDutySave();
  const candidates = exchangeCandidates(roster, shift);

  const submit = async () => {
    const other = candidates.find((entry) => entry.assignmentId === assignmentB);
    if (mode === 'exchange' && other === undefined) {
      setProblem('请选择要换入的班次');
      return;
    }
    const taker = mode === 'exchange' ? (other?.person ?? '') : personB.trim();
    if (mode === 'cover') {
      const nameProblem = taker === '' ? '请填写替班人员' : personNameProblem(taker);
      if (nameProblem !== null) {
        setProblem(nameProblem);
        return;
      }
    }
    const result = swapDuty(roster, {
      assignmentA: shift.assignmentId,
      assignmentB: mode === 'exchange' ? assignmentB : null,
      personB: taker,
      reason: reason.trim(),
      actor: me,
      at: Date.now(),
    });
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    setProblem(null);
    const saved = await save(
      { recordType: 'dutySwap', before: null, after: result.swap },
      mode === 'exchange'
        ? `已登记调班：${shift.person} 与 ${taker} 互换 ${shift.date} 和 ${other?.date ?? ''} 的班`
        : `已登记调班：${shift.date} 由 ${taker} 替 ${shift.person} 值班`,
      '已撤销调班',
    );
    if (saved) onClose();
  };
  useShortcut(SAVE, () => void submit(), { inTextFields: true });

  return (
    <Modal
      open
      title={`调班：${shift.date} ${weekdayLabel(shift.date)} · ${shift.person}`}
      okText="登记调班"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'swap-save' } as ButtonProps}
      destroyOnHidden
    >
      <div className="duty-form">
        <Radio.Group
          value={mode}
          onChange={(event) => setMode(event.target.value as SwapMode)}
          data-testid="swap-mode"
        >
          <Radio value="cover">替班（他人顶替这一天）</Radio>
          <Radio value="exchange" disabled={candidates.length === 0}>
            互换（与他人的班次对调）
          </Radio>
        </Radio.Group>
        {mode === 'cover' ? (
          <label className="duty-form__field">
            <span>替班人员</span>
            <AutoComplete
              value={personB}
              options={people.filter((name) => name !== shift.person).map((name) => ({ value: name }))}
              onChange={setPersonB}
              placeholder="选择或输入登录名"
              filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
              data-testid="swap-person"
            />
          </label>
        ) : (
          <label className="duty-form__field">
            <span>换入的班次</span>
            <Select<string>
              value={assignmentB ?? undefined}
              placeholder="选择对方的一个班次"
              options={candidates.map((entry) => ({
                value: entry.assignmentId,
                label: `${entry.date} ${weekdayLabel(entry.date)} · ${entry.person}`,
              }))}
              onChange={setAssignmentB}
              data-testid="swap-shift"
            />
          </label>
        )}
        <label className="duty-form__field">
          <span>调班原因</span>
          <Input.TextArea
            value={reason}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            onChange={(event) => setReason(event.target.value)}
            data-testid="swap-reason"
          />
        </label>
        {problem !== null && (
          <Typography.Text type="danger" role="alert" data-testid="swap-problem">
            {problem}
          </Typography.Text>
        )}
      </div>
    </Modal>
  );
}

import { MAX_REMARK_CHARACTERS, REPORT_REMARK_SECTION_LABELS } from '@core/records/kinds';
import type { ContractProfile } from '@core/profile';
import type { ReportScope } from '@core/reports';
import { Alert, App, Button, Card, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCurrentUser, usePlainRecords } from '../../store';
import { useWritableSubsystems } from '../session';
import { useNow } from '../today/use-now';
import {
  type ReportRemarkValues,
  remarkOf,
  remarkSubsystems,
  remarkValues,
  reportRemarkFromForm,
} from './report-remark-form';
import { useSaveReportRemark } from './use-report-remark-save';

interface ReportRemarksProps {
  /** The report's month, `YYYY-MM`. */
  readonly month: string;
  readonly scope: ReportScope;
  readonly profile: ContractProfile;
}

/**
 * 本月说明: the engineer's own words for 存在问题与建议 and 下月工作计划 of the month's report, kept
 * as a record (one per subsystem and month) rather than typed into the file, so every copy of the
 * report made later, here or on the server, says them. Shown beside the preview for the subsystems the
 * user writes within the report's scope; saved on this PC first, offline like every record.
 */
export function ReportRemarks({ month, scope, profile }: ReportRemarksProps) {
  const contractIds = useMemo(() => profile.subsystems.map((subsystem) => subsystem.id), [profile]);
  const writable = useWritableSubsystems('report_remark', contractIds);
  const offered = useMemo(() => remarkSubsystems(writable.subsystemIds, scope), [writable, scope]);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const subsystemId = chosen !== undefined && offered.includes(chosen) ? chosen : offered[0];

  if (subsystemId === undefined) {
    return (
      <Card size="small" title="本月说明" className="report-remarks" data-testid="report-remarks">
        <Typography.Text type="secondary">
          {writable.reason ?? '所选范围内没有您负责的运维子项，无法填写月报说明。'}
        </Typography.Text>
      </Card>
    );
  }
  return (
    <Card size="small" title="本月说明" className="report-remarks" data-testid="report-remarks">
      <Typography.Paragraph type="secondary" className="report-remarks__hint">
        写入{month.slice(0, 4)}年{Number(month.slice(5, 7))}
        月运维月报的“存在问题与建议”和“下月工作计划”，排在自动生成的内容之后。保存在本机，联网后同步。
      </Typography.Paragraph>
      {offered.length > 1 && (
        <Select
          aria-label="说明所属运维子项"
          data-testid="report-remark-subsystem"
          value={subsystemId}
          className="report-remarks__subsystem"
          options={offered.map((id) => ({
            value: id,
            label: profile.subsystems.find((subsystem) => subsystem.id === id)?.name ?? `子项 ${id}`,
          }))}
          onChange={(id: number) => setChosen(id)}
        />
      )}
      <RemarkForm key={`${subsystemId}-${month}`} subsystemId={subsystemId} month={month} />
    </Card>
  );
}

function RemarkForm({ subsystemId, month }: { readonly subsystemId: number; readonly month: string }) {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const now = useNow();
  const remarks = usePlainRecords('reportRemark', { from: `${month}-01`, to: `${month}-01` });
  const stored = useMemo(
    () => (remarks.data === undefined ? null : remarkOf(remarks.data, subsystemId, month)),
    [remarks.data, subsystemId, month],
  );
  // What the user typed and has not saved; until they type, the form shows what is stored (read
  // later, or changed by a sync).
  const [draft, setDraft] = useState<ReportRemarkValues | null>(null);
  const values = draft ?? remarkValues(stored);
  const dirty = draft !== null;
  const [refusal, setRefusal] = useState<string | null>(null);
  const { save, saving } = useSaveReportRemark();

  const change = (section: keyof ReportRemarkValues, text: string) => {
    setDraft({ ...values, [section]: text });
    setRefusal(null);
  };

  const submit = async () => {
    const built = reportRemarkFromForm(values, {
      before: stored,
      subsystemId,
      month,
      actor: user.id,
      at: now,
    });
    if (!built.ok) {
      setRefusal(built.reason);
      return;
    }
    if (stored === null && built.record.problems === '' && built.record.plan === '') {
      void message.info('请先填写说明再保存');
      return;
    }
    const saved = await save(stored, built.record);
    if (saved !== null) setDraft(null);
  };

  if (remarks.error !== null) {
    return <Alert type="error" showIcon message={`读取月报说明失败：${remarks.error.message}`} />;
  }
  return (
    <div className="report-remarks__form">
      {(['problems', 'plan'] as const).map((section) => (
        <label key={section} className="report-remarks__field">
          <span>{REPORT_REMARK_SECTION_LABELS[section]}</span>
          <Input.TextArea
            aria-label={REPORT_REMARK_SECTION_LABELS[section]}
            data-testid={`report-remark-${section}`}
            value={values[section]}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={MAX_REMARK_CHARACTERS}
            showCount
            disabled={remarks.data === undefined}
            placeholder="每行一段；留空则只有自动生成的内容"
            onChange={(event) => change(section, event.target.value)}
          />
        </label>
      ))}
      {refusal !== null && <Alert type="error" showIcon message={refusal} />}
      <Button
        type="primary"
        loading={saving}
        disabled={!dirty || remarks.data === undefined}
        onClick={() => void submit()}
        data-testid="report-remark-save"
      >
        保存说明
      </Button>
      {stored !== null && (
        <Typography.Text type="secondary" className="report-remarks__saved">
          已保存，最后由 {stored.author} 填写
        </Typography.Text>
      )}
    </div>
  );
}

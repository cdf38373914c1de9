import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Button,
  Descriptions,
  Empty,
  Input,
  InputNumber,
  Result,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { handOverDuty, recordDateSchema, signOffHandOver, type DutyLog } from '@core/records/kinds';
import { isoDateToDayNumber, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { useCurrentUser, usePlainRecord, usePlainRecords, useSlaRules } from '../../store';
import { RecordHistory } from '../history';
import { SAVE, useShortcut } from '../shortcuts';
import { formatMinute } from '../tickets/format-time';
import { dayTicketLabel } from './day-tickets';
import {
  EMPTY_DUTY_LOG_VALUES,
  dutyLogFromForm,
  formValuesOf,
  signOffTime,
  type DutyLogFormValues,
  type DutyLogSubject,
} from './duty-log-form';
import { logOf, nextOnDuty, personNameProblem, scopeFromKey, scopeKey, weekdayLabel } from './duty-view';
import { useDayTickets, useDutyData, useDutyPowers, usePeopleChoices } from './use-duty-data';
import { useDutySave } from './use-duty-save';
import './duty.css';

/** How far ahead the next person on duty is looked for, to suggest whom to hand over to. */
const HAND_OVER_LOOKAHEAD_DAYS = 62;

/**
 * 值班记录 of one duty day: `/duty/log/new?date=…&scope=…` writes the signed-in person's log,
 * `/duty/log/:id` opens one. The person on duty fills it in (offline too) and hands over; the
 * receiver signs the hand-over off on their own PC.
 */
export function DutyLogPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const isNew = id === 'new';
  const me = useCurrentUser().id;
  const stored = usePlainRecord('dutyLog', isNew ? undefined : id);
  const newDate = recordDateSchema.safeParse(params.get('date'));
  const newScope = scopeFromKey(params.get('scope'));
  const dayOfNew = newDate.success ? newDate.data : null;
  const sameDay = usePlainRecords(
    'dutyLog',
    dayOfNew === null ? undefined : { from: dayOfNew, to: dayOfNew },
  );

  if (isNew) {
    if (dayOfNew === null || newScope === undefined) {
      return (
        <Result
          status="warning"
          title="链接中的值班日无效"
          subTitle="请从“值班”页的排班或“我的值班”中打开要填写的值班日。"
          extra={<Link to="/duty">返回值班</Link>}
        />
      );
    }
    if (sameDay.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
    const existing = logOf(sameDay.data ?? [], dayOfNew, newScope, me);
    if (existing !== undefined) return <Navigate to={`/duty/log/${existing.id}`} replace />;
    return <DutyLogEditor log={null} subject={{ date: dayOfNew, subsystemId: newScope, onDuty: me }} />;
  }
  if (stored.error !== null) {
    return (
      <Result
        status="error"
        title="无法读取值班记录"
        subTitle={<span className="error-reason">{stored.error.message}</span>}
      />
    );
  }
  if (stored.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (stored.data === null || stored.data.deleted) {
    return (
      <Result
        status="404"
        title="本机没有这条值班记录"
        subTitle="它可能已被删除，或不在您负责的运维子项内；同步后仍看不到，请联系项目负责人。"
        extra={<Link to="/duty">返回值班</Link>}
        data-testid="duty-log-missing"
      />
    );
  }
  const log = stored.data;
  return (
    <DutyLogEditor
      key={log.id}
      log={log}
      subject={{ date: log.date, subsystemId: log.subsystemId, onDuty: log.onDuty }}
    />
  );
}

interface DutyLogEditorProps {
  readonly log: DutyLog | null;
  readonly subject: DutyLogSubject;
}

function DutyLogEditor({ log, subject }: DutyLogEditorProps) {
  const navigate = useNavigate();
  const me = useCurrentUser().id;
  const powers = useDutyPowers();
  const { save, saving, refuse } = useDutySave();
  const [values, setValues] = useState<DutyLogFormValues>(
    log === null ? EMPTY_DUTY_LOG_VALUES : formValuesOf(log),
  );
  const [saved, setSaved] = useState<DutyLogFormValues>(values);
  const [problem, setProblem] = useState<string | null>(null);
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const canEdit = powers.writes && (me === subject.onDuty || powers.plans);
  const linked = useMemo(
    () => [...new Set(values.events.flatMap((event) => event.ticketIds))],
    [values.events],
  );
  const tickets = useDayTickets(subject.date, subject.subsystemId, linked);
  const ticketOptions = (tickets.data ?? []).map((ticket) => ({
    value: ticket.id,
    label: dayTicketLabel(ticket),
  }));
  const unlinked = (tickets.data ?? []).filter((ticket) => !linked.includes(ticket.id));
  const subsystems = useSlaRules().profile.subsystems;
  const scopeText =
    subject.subsystemId === null
      ? '全合同'
      : `${subject.subsystemId} ${subsystems.find((subsystem) => subsystem.id === subject.subsystemId)?.shortName ?? ''}`;

  const submit = async () => {
    if (!canEdit) return;
    const result = dutyLogFromForm(log, subject, values, me, Date.now());
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    setProblem(null);
    const ok = await save(
      { recordType: 'dutyLog', before: log, after: result.log },
      `已保存 ${subject.date} 的值班记录`,
      log === null ? `已撤销 ${subject.date} 的值班记录` : '已恢复值班记录原来的内容',
    );
    if (!ok) return;
    setSaved(values);
    if (log === null) navigate(`/duty/log/${result.log.id}`, { replace: true });
  };
  useShortcut(SAVE, () => void submit(), { enabled: canEdit, inTextFields: true });

  const setEvent = (index: number, change: Partial<DutyLogFormValues['events'][number]>) =>
    setValues({
      ...values,
      events: values.events.map((event, position) => (position === index ? { ...event, ...change } : event)),
    });

  return (
    <section className="duty-log" aria-labelledby="duty-log-title" data-testid="duty-log">
      <header className="page-header duty-page__header">
        <Typography.Title level={4} id="duty-log-title" className="page-header__title">
          值班记录 · {subject.date} {weekdayLabel(subject.date)}
        </Typography.Title>
        <Link to={`/duty?scope=${scopeKey(subject.subsystemId)}`}>返回值班</Link>
      </header>
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'scope', label: '范围', children: scopeText },
          { key: 'who', label: '值班人', children: subject.onDuty },
          {
            key: 'state',
            label: '状态',
            children: <HandOverState log={log} />,
          },
        ]}
      />
      <div className="duty-panel duty-form" data-testid="duty-log-form">
        <label className="duty-form__field duty-form__field--inline">
          <span>接听电话数</span>
          <InputNumber<number>
            min={0}
            max={10_000}
            precision={0}
            value={values.callsReceived}
            disabled={!canEdit}
            onChange={(value) => setValues({ ...values, callsReceived: value })}
            data-testid="duty-calls"
          />
        </label>
        <div className="duty-form__field">
          <span>处理事件</span>
          {values.events.length === 0 && (
            <Typography.Text type="secondary">
              {canEdit ? '没有事件可不填；处理了问题请逐条添加，并关联当天的工单。' : '没有登记事件'}
            </Typography.Text>
          )}
          {values.events.map((event, index) => (
            <div className="duty-event" key={index} data-testid="duty-event">
              <Input
                value={event.summary}
                maxLength={1000}
                disabled={!canEdit}
                placeholder="事件说明，如：网站群首页无法访问，重启服务后恢复"
                aria-label={`第 ${index + 1} 条事件说明`}
                onChange={(change) => setEvent(index, { summary: change.target.value })}
                data-testid="duty-event-summary"
              />
              <Select<string[]>
                mode="multiple"
                value={[...event.ticketIds]}
                disabled={!canEdit}
                placeholder="关联当天的工单"
                aria-label={`第 ${index + 1} 条事件关联的工单`}
                optionFilterProp="label"
                options={ticketOptions}
                notFoundContent="当天没有接报或处理的工单"
                onChange={(ticketIds) => setEvent(index, { ticketIds })}
                data-testid="duty-event-tickets"
              />
              {canEdit && (
                <Button
                  aria-label={`删除第 ${index + 1} 条事件`}
                  icon={<DeleteOutlined />}
                  onClick={() =>
                    setValues({ ...values, events: values.events.filter((_e, at) => at !== index) })
                  }
                />
              )}
            </div>
          ))}
          {canEdit && (
            <Space wrap>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setValues({ ...values, events: [...values.events, { summary: '', ticketIds: [] }] })
                }
                data-testid="duty-event-add"
              >
                添加事件
              </Button>
              {unlinked.map((ticket) => (
                <Button
                  key={ticket.id}
                  size="small"
                  type="dashed"
                  onClick={() =>
                    setValues({
                      ...values,
                      events: [...values.events, { summary: ticket.title, ticketIds: [ticket.id] }],
                    })
                  }
                  data-testid="duty-event-from-ticket"
                >
                  记入：{ticket.title}
                </Button>
              ))}
            </Space>
          )}
        </div>
        <label className="duty-form__field">
          <span>值班备注</span>
          <Input.TextArea
            value={values.notes}
            maxLength={10_000}
            disabled={!canEdit}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(event) => setValues({ ...values, notes: event.target.value })}
            data-testid="duty-notes"
          />
        </label>
        {problem !== null && (
          <Typography.Text type="danger" role="alert" data-testid="duty-log-problem">
            {problem}
          </Typography.Text>
        )}
        {canEdit && (
          <Space>
            <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="duty-log-save">
              保存值班记录
            </Button>
            <Typography.Text type="secondary">Ctrl+Enter 保存</Typography.Text>
          </Space>
        )}
      </div>
      {log !== null && <HandOver log={log} dirty={dirty} onRefuse={refuse} />}
      {log !== null && (
        <div className="duty-panel">
          <Typography.Title level={5} className="duty-panel__title">
            修改历史
          </Typography.Title>
          <RecordHistory
            recordType="duty_log"
            recordId={log.id}
            context={{ subsystems, currentUser: { id: me, displayName: me } }}
          />
        </div>
      )}
    </section>
  );
}

function HandOverState({ log }: { readonly log: DutyLog | null }) {
  if (log === null) return <Tag>尚未保存</Tag>;
  if (log.handOverTo === null) return <Tag color="red">未交接</Tag>;
  if (log.signedOffAt === null) return <Tag color="orange">待 {log.handOverTo} 签收</Tag>;
  return <Tag color="green">{log.handOverTo} 已签收</Tag>;
}

interface HandOverProps {
  readonly log: DutyLog;
  readonly dirty: boolean;
  readonly onRefuse: (reason: string) => void;
}

/** 交接: the person on duty names the next one and what to hand over; that person signs it off. */
function HandOver({ log, dirty, onRefuse }: HandOverProps) {
  const me = useCurrentUser().id;
  const { save, saving } = useDutySave();
  const lookahead = useMemo(
    () => ({
      from: log.date,
      to: dayNumberToIsoDate(isoDateToDayNumber(log.date) + HAND_OVER_LOOKAHEAD_DAYS),
    }),
    [log.date],
  );
  const { roster } = useDutyData(lookahead);
  const people = usePeopleChoices(lookahead);
  const suggested = nextOnDuty(roster, log.subsystemId, log.date, log.onDuty) ?? '';
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState(log.handOverNote);
  const receiver = to ?? log.handOverTo ?? suggested;

  const handOver = async () => {
    const name = receiver.trim();
    const nameProblem = name === '' ? '请填写交接给谁' : personNameProblem(name);
    if (nameProblem !== null) {
      onRefuse(nameProblem);
      return;
    }
    const result = handOverDuty(log, name, note, me, Date.now());
    if (!result.ok) {
      onRefuse(result.reason);
      return;
    }
    await save(
      { recordType: 'dutyLog', before: log, after: result.log },
      `已交接给 ${name}，等待签收`,
      '已撤销交接',
    );
  };
  const signOff = async () => {
    const result = signOffHandOver(log, me, signOffTime(log, Date.now()));
    if (!result.ok) {
      onRefuse(result.reason);
      return;
    }
    await save({ recordType: 'dutyLog', before: log, after: result.log }, '已签收交接', '已撤销签收');
  };

  return (
    <div className="duty-panel" data-testid="duty-hand-over">
      <Typography.Title level={5} className="duty-panel__title">
        交接
      </Typography.Title>
      {log.handedOverAt !== null && log.handOverTo !== null && (
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: 'to', label: '交接给', children: log.handOverTo },
            { key: 'at', label: '交接时间', children: formatMinute(log.handedOverAt) },
            {
              key: 'note',
              label: '交接事项',
              span: 2,
              children:
                log.handOverNote === '' ? '（无）' : <span className="duty-pre">{log.handOverNote}</span>,
            },
            {
              key: 'signed',
              label: '签收',
              span: 2,
              children:
                log.signedOffAt === null ? (
                  <Typography.Text type="warning" data-testid="duty-sign-state">
                    等待 {log.handOverTo} 签收
                  </Typography.Text>
                ) : (
                  <Typography.Text type="success" data-testid="duty-sign-state">
                    {log.handOverTo} 已于 {formatMinute(log.signedOffAt)} 签收
                  </Typography.Text>
                ),
            },
          ]}
        />
      )}
      {log.signedOffAt === null && me === log.handOverTo && (
        <Space>
          <Button type="primary" loading={saving} onClick={() => void signOff()} data-testid="duty-sign-off">
            签收交接
          </Button>
          <Typography.Text type="secondary">
            签收表示您已知悉以上交接事项，签收后交接不能再修改。
          </Typography.Text>
        </Space>
      )}
      {log.signedOffAt === null && me === log.onDuty && (
        <div className="duty-form">
          {log.handOverTo === null && (
            <Alert
              type="warning"
              showIcon
              title="这一天的值班还没有交接：请交接给下一位值班人员，由其签收。"
            />
          )}
          <label className="duty-form__field">
            <span>交接给</span>
            <AutoComplete
              value={receiver}
              options={people.filter((name) => name !== log.onDuty).map((name) => ({ value: name }))}
              onChange={setTo}
              placeholder="选择或输入登录名"
              filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
              data-testid="duty-hand-over-to"
            />
          </label>
          <label className="duty-form__field">
            <span>交接事项</span>
            <Input.TextArea
              value={note}
              maxLength={5_000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder="未处理完的问题、需要关注的系统、待回复的电话"
              onChange={(event) => setNote(event.target.value)}
              data-testid="duty-hand-over-note"
            />
          </label>
          {dirty && (
            <Typography.Text type="warning">值班记录有未保存的修改，请先保存再交接。</Typography.Text>
          )}
          <Button
            type="primary"
            disabled={dirty}
            loading={saving}
            onClick={() => void handOver()}
            data-testid="duty-hand-over-submit"
          >
            {log.handOverTo === null ? '交接' : '更新交接'}
          </Button>
        </div>
      )}
      {log.handOverTo === null && me !== log.onDuty && <Empty description={`${log.onDuty} 尚未交接`} />}
    </div>
  );
}

import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Alert, Button, Descriptions, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { InspectionRun, InspectionTemplate, Ticket } from '@core/records';
import { useCurrentUser, type CurrentUser } from '../../store';
import { RecordHistory } from '../history';
import { SAVE, shortcutText, useShortcut } from '../shortcuts';
import { resultOf, summarizeRun } from './item-state';
import { RunItem } from './RunItem';
import { scheduleText } from './schedule-text';
import { formatMinute, slotKeyText } from './shanghai-format';
import { subsystemNames } from './subsystem-names';
import {
  useInspectionProfile,
  useLinkedTickets,
  useRun,
  useTemplateCatalogue,
  useTemplateVersion,
} from './use-inspection-data';
import { useRunActions } from './use-run-actions';
import { useShowError } from './use-show-error';
import { useUndoMessage } from './use-undo-message';
import './inspections.css';

/** One run: who, when, against which template version, each item's result, and its tickets. */
export function InspectionRunPage() {
  const { runId = '' } = useParams();
  const navigate = useNavigate();
  const run = useRun(runId);
  const template = useTemplateVersion(run.data?.templateId, run.data?.templateVersion);
  const error = run.error ?? template.error;

  if (error !== null) {
    return (
      <Result
        status="error"
        title="无法读取巡检记录"
        subTitle={<span className="error-reason">{error.message}</span>}
      />
    );
  }
  if (run.data === null) {
    return (
      <Result
        status="404"
        title="找不到这次巡检"
        subTitle="本地数据库中没有这条巡检记录：请从巡检日历或巡检记录中重新打开。"
        extra={<Button onClick={() => void navigate('/inspections')}>返回巡检</Button>}
      />
    );
  }
  if (run.data === undefined || template.data === undefined) {
    return (
      <div aria-busy="true" aria-label="正在读取巡检记录">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (template.data === null) {
    return (
      <Result
        status="warning"
        title="缺少巡检模板"
        subTitle={`这次巡检使用的巡检模板第 ${run.data.templateVersion} 版不在本机（可能尚未同步），暂时无法显示。`}
      />
    );
  }
  return <RunView run={run.data} template={template.data} />;
}

function RunView({ run, template }: { readonly run: InspectionRun; readonly template: InspectionTemplate }) {
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const offerUndo = useUndoMessage();
  const showError = useShowError();
  const actions = useRunActions(run.id);
  const user = useCurrentUser();
  const profile = useInspectionProfile();
  const catalogue = useTemplateCatalogue();
  const ticketIds = run.results.flatMap((result) => (result.ticketId === null ? [] : [result.ticketId]));
  const tickets = useLinkedTickets(ticketIds);
  // Items with a save under way (saves queue one after another, so several can wait at once).
  const [busyItems, setBusyItems] = useState<ReadonlySet<string>>(new Set());
  const [finishing, setFinishing] = useState(false);
  // While the “已生成工单” dialog is up, Ctrl+Enter belongs to it, not to “完成巡检”.
  const [dialogOpen, setDialogOpen] = useState(false);

  const finished = run.finishedAt !== null;
  const summary = summarizeRun(run, template.items);
  const subsystemName = profile.data === undefined ? undefined : subsystemNames(profile.data);
  const current = catalogue.data?.latest.find((candidate) => candidate.templateId === template.templateId);

  const guard = async (itemId: string, task: () => Promise<unknown>) => {
    setBusyItems((current) => new Set(current).add(itemId));
    try {
      await task();
    } catch (error) {
      showError(error);
    } finally {
      setBusyItems((current) => {
        const next = new Set(current);
        next.delete(itemId);
        return next;
      });
    }
  };

  const offerTicket = (ticket: Ticket, itemLabel: string) => {
    setDialogOpen(true);
    modal.confirm({
      afterClose: () => setDialogOpen(false),
      title: '已生成工单',
      content: `工单「${ticket.title}」已登记，并与本次巡检的「${itemLabel}」互相关联。现在打开工单吗？`,
      okText: '打开工单',
      cancelText: '留在巡检',
      onOk: () => navigate(`/tickets/${ticket.id}`),
    });
  };

  const finish = async () => {
    // Leaving the field being typed in saves it first (its save queues ahead of the finish).
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    setFinishing(true);
    try {
      await actions.finish();
      offerUndo('巡检已完成', run.id, '已撤销：巡检恢复为进行中，可以继续填写');
    } catch (error) {
      showError(error);
    } finally {
      setFinishing(false);
    }
  };

  useShortcut(SAVE, () => void finish(), {
    enabled: !finished && !finishing && !dialogOpen,
    inTextFields: true,
  });

  return (
    <section
      className="inspections-page inspections-run"
      aria-labelledby="run-title"
      data-testid="run-page"
      data-run-id={run.id}
    >
      <header className="page-header inspections-page__header">
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate('/inspections')}
          aria-label="返回巡检"
        />
        <Typography.Title level={4} id="run-title" className="page-header__title" data-testid="run-title">
          {template.name}
        </Typography.Title>
        <Tag color="geekblue" data-testid="run-template-version">
          模板第 {template.version} 版
        </Tag>
        {finished ? (
          <Tag color="success" variant="filled" data-testid="run-status">
            已完成
          </Tag>
        ) : (
          <Tag color="purple" variant="filled" data-testid="run-status">
            进行中
          </Tag>
        )}
        <div className="inspections-run__actions">
          {finished ? null : (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={finishing}
              onClick={() => void finish()}
              title={`完成巡检（${shortcutText(SAVE)}）`}
              data-testid="run-finish"
            >
              完成巡检
            </Button>
          )}
        </div>
      </header>
      <div className="inspections-panel">
        <Descriptions
          size="small"
          column={3}
          data-testid="run-facts"
          items={[
            {
              key: 'subsystem',
              label: '运维子项',
              children: subsystemName?.(run.subsystemId) ?? `子项 ${run.subsystemId}`,
            },
            {
              key: 'slot',
              label: '应检时段',
              children:
                run.scheduledFor === null
                  ? '不定期巡检'
                  : `${slotKeyText(run.scheduledFor)} · ${scheduleText(template.schedule)}`,
            },
            {
              key: 'inspector',
              label: '巡检人',
              children: <span data-testid="run-inspector">{inspectorName(run.inspector, user)}</span>,
            },
            {
              key: 'started',
              label: '开始时间',
              children: <span data-testid="run-started">{formatMinute(run.startedAt)}</span>,
            },
            {
              key: 'finished',
              label: '完成时间',
              children: (
                <span data-testid="run-finished">
                  {run.finishedAt === null ? '尚未完成' : formatMinute(run.finishedAt)}
                </span>
              ),
            },
            {
              key: 'summary',
              label: '结果',
              children: (
                <span data-testid="run-summary">
                  已填 {summary.filled}/{summary.total} 项 · {summary.abnormal} 项异常 · 已生成{' '}
                  {summary.ticketed} 张工单
                </span>
              ),
            },
          ]}
        />
        {current !== undefined && current.version !== template.version ? (
          <Alert
            className="inspections-run__hint"
            type="info"
            showIcon
            title={`这次巡检按模板第 ${template.version} 版填写；模板现行版本为第 ${current.version} 版，记录保持原样。`}
          />
        ) : null}
        {finished ? null : summary.missingRequired.length > 0 ? (
          <Typography.Text type="secondary" className="inspections-run__todo">
            还有 {summary.missingRequired.length} 项必填未填写；异常项可随时点“生成工单”。
          </Typography.Text>
        ) : (
          <Typography.Text type="success" className="inspections-run__todo">
            必填项已全部填写，可以完成巡检。
          </Typography.Text>
        )}
      </div>
      <ol className="inspections-items">
        {template.items.map((item, index) => {
          const result = resultOf(run, item.id);
          const ticketId = result?.ticketId ?? null;
          const ticket = ticketId === null ? undefined : tickets.data?.get(ticketId);
          return (
            <RunItem
              key={item.id}
              runId={run.id}
              index={index}
              item={item}
              result={result}
              ticket={ticket}
              ticketMissing={ticketId !== null && tickets.data !== undefined && ticket === undefined}
              finished={finished}
              busy={busyItems.has(item.id)}
              onValue={(value) => guard(item.id, () => actions.recordValue(item.id, value))}
              onNote={(note) => guard(item.id, () => actions.recordNote(item.id, note))}
              onPhoto={(file, name) => guard(item.id, () => actions.recordPhoto(item.id, file, name))}
              onOpenTicket={() =>
                guard(item.id, async () => offerTicket(await actions.openTicket(item.id), item.label))
              }
              onRebuildTicket={() =>
                guard(item.id, async () => offerTicket(await actions.rebuildTicket(item.id), item.label))
              }
            />
          );
        })}
      </ol>
      <div className="inspections-panel" data-testid="run-history">
        <Typography.Title level={5} className="inspections-panel__title">
          修改历史
        </Typography.Title>
        <RecordHistory
          recordType="inspection_run"
          recordId={run.id}
          context={{
            subsystems: profile.data?.subsystems ?? [],
            currentUser: user,
            template: { name: template.name, items: template.items },
          }}
        />
      </div>
    </section>
  );
}

/** The signed-in user by the name they chose (with the id if it differs); anyone else by id. */
function inspectorName(inspector: string, user: CurrentUser): string {
  if (inspector !== user.id) return inspector;
  return user.displayName === user.id ? user.id : `${user.displayName}（${user.id}）`;
}

import { ArrowLeftOutlined, LinkOutlined } from '@ant-design/icons';
import {
  TICKET_CHANNEL_LABELS,
  TICKET_SEVERITY_LABELS,
  TICKET_STATUS_LABELS,
  editTicket,
  type Attachment,
  type InspectionLink,
  type Ticket,
} from '@core/records';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useCurrentUser, useDatabase } from '../../store';
import { AttachmentDropZone, AttachmentList, useAddAttachments } from '../attachments';
import { RecordHistory } from '../history';
import { NEW_TICKET, ShortcutHelp, useShortcut } from '../shortcuts';
import { TicketActionBar } from './TicketActionBar';
import { TicketClocksPanel } from './TicketClocksPanel';
import type { CreatedTicketState } from './TicketNewPage';
import { TicketReportCard } from './TicketReportCard';
import { TicketTimeline } from './TicketTimeline';
import { DeleteTicketButton, RestoreTicketButton } from './TicketTombstoneActions';
import { TicketWorkForm, workFormKey } from './TicketWorkForm';
import { formatMinute } from './format-time';
import { SEVERITY_COLORS, STATUS_COLORS } from './labels';
import { useClockRules, useSubsystems, useTicket } from './use-ticket-data';
import { useInspectionOrigin } from './use-inspection-origin';
import { useOfferUndo, useSaveTicket } from './use-ticket-save';
import './tickets.css';

/** 工单详情: everything about one ticket, its status actions, clocks, timeline and history. */
export function TicketDetailPage() {
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  if (ticket.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (ticket.isError) {
    return (
      <Result
        status="error"
        title="无法读取工单"
        subTitle={<span className="error-reason">{ticket.error.message}</span>}
      />
    );
  }
  if (ticket.data === null) {
    return (
      <Result
        status="404"
        title="找不到这张工单"
        subTitle="本机数据库中没有这个编号的工单：可能是另一位用户的工单，或链接有误。"
        extra={<BackToList />}
      />
    );
  }
  if (ticket.data.deleted) {
    return (
      <Result
        status="info"
        title={`工单“${ticket.data.title}”已删除`}
        subTitle="删除原因记在处理记录中，修改历史仍然保留；需要时可以恢复。"
        extra={[<BackToList key="back" />, <RestoreTicketButton key="restore" ticket={ticket.data} />]}
      />
    );
  }
  return <TicketDetail key={ticket.data.id} ticket={ticket.data} />;
}

function BackToList() {
  return (
    <Link to="/tickets">
      <Button icon={<ArrowLeftOutlined />}>返回工单列表</Button>
    </Link>
  );
}

function TicketDetail({ ticket }: { readonly ticket: Ticket }) {
  const db = useDatabase();
  const user = useCurrentUser();
  const rules = useClockRules();
  const subsystems = useSubsystems();
  const origin = useInspectionOrigin(ticket.inspectionLink);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const { save, saving } = useSaveTicket();
  const offerUndo = useOfferUndo();
  const { add, adding } = useAddAttachments();
  const [dialogOpen, setDialogOpen] = useState(false);
  useShortcut(NEW_TICKET, () => void navigate('/tickets/new'), { enabled: !dialogOpen });

  // Arriving from 新建工单: say it was saved, with the undo, once.
  const created = (location.state as CreatedTicketState | null)?.saved;
  useEffect(() => {
    if (created === undefined) return;
    offerUndo(created, ticket.id);
    void navigate(location.pathname, { replace: true, state: null });
  }, [created, ticket.id, offerUndo, navigate, location.pathname]);

  const saveTicket = useCallback(
    async (after: Ticket, done: string): Promise<boolean> => {
      const saved = await save(ticket, after, done);
      if (saved === null) return false;
      // Show the stored ticket at once, so a quick next action starts from it.
      queryClient.setQueryData(['tickets', 'detail', db.name, ticket.id], saved);
      return true;
    },
    [save, ticket, queryClient, db.name],
  );

  const editAttachments = async (attachments: readonly Attachment[], done: string) => {
    const edited = editTicket(ticket, { attachments: [...attachments] });
    if (!edited.ok) {
      void message.error(edited.reason);
      return;
    }
    await saveTicket(edited.ticket, done);
  };

  const labelContext = { subsystems, currentUser: user, inspectionOrigin: origin.data };
  return (
    <section
      className="ticket-detail"
      aria-labelledby="ticket-title"
      data-testid="ticket-detail"
      data-ticket-id={ticket.id}
    >
      <header className="ticket-detail__header">
        <Link to="/tickets" className="ticket-detail__back">
          <ArrowLeftOutlined /> 工单列表
        </Link>
        <Typography.Title
          level={4}
          id="ticket-title"
          className="ticket-detail__title"
          data-testid="ticket-title"
        >
          {ticket.title}
        </Typography.Title>
        <Tag color={STATUS_COLORS[ticket.status]} data-testid="ticket-status">
          {TICKET_STATUS_LABELS[ticket.status]}
        </Tag>
        <Tag color={SEVERITY_COLORS[ticket.severity]}>{TICKET_SEVERITY_LABELS[ticket.severity]}</Tag>
        <Tag>{TICKET_CHANNEL_LABELS[ticket.channel]}</Tag>
        <div className="page-header__actions">
          <DeleteTicketButton ticket={ticket} />
          <ShortcutHelp />
        </div>
      </header>
      <TicketActionBar ticket={ticket} onSave={saveTicket} saving={saving} onDialogChange={setDialogOpen} />
      <div className="ticket-detail__grid">
        <div className="ticket-detail__main">
          <Card size="small" title="报障信息" className="ticket-card">
            <TicketReportCard
              ticket={ticket}
              subsystems={subsystems}
              onSave={saveTicket}
              saving={saving}
              onDialogChange={setDialogOpen}
            />
          </Card>
          <Card size="small" title="处理信息" className="ticket-card">
            <TicketWorkForm key={workFormKey(ticket)} ticket={ticket} onSave={saveTicket} saving={saving} />
          </Card>
          <Card size="small" className="ticket-card">
            <Tabs
              items={[
                {
                  key: 'events',
                  label: `处理记录（${ticket.events.length}）`,
                  children: <TicketTimeline ticket={ticket} onSave={saveTicket} saving={saving} />,
                },
                {
                  key: 'history',
                  label: '修改历史',
                  children: <RecordHistory recordType="ticket" recordId={ticket.id} context={labelContext} />,
                },
              ]}
            />
          </Card>
        </div>
        <aside className="ticket-detail__side">
          <Card size="small" title="服务时限" className="ticket-card">
            <TicketClocksPanel ticket={ticket} rules={rules} />
          </Card>
          <Card
            size="small"
            title={`附件（${ticket.attachments.length}）`}
            className="ticket-card"
            data-testid="ticket-attachments"
          >
            <AttachmentList
              attachments={ticket.attachments}
              onRemove={(sha256) =>
                void editAttachments(
                  ticket.attachments.filter((attachment) => attachment.sha256 !== sha256),
                  '已移除附件',
                )
              }
            />
            <AttachmentDropZone
              adding={adding}
              onFiles={(files) =>
                void add(files, ticket.attachments).then((added) =>
                  added.length > 0
                    ? editAttachments([...ticket.attachments, ...added], `已添加 ${added.length} 个附件`)
                    : undefined,
                )
              }
            />
          </Card>
          {ticket.chatEvidence !== null && (
            <Card size="small" title="聊天记录证据" className="ticket-card" data-testid="chat-evidence">
              <Typography.Paragraph className="chat-evidence__meta">
                {ticket.chatEvidence.sender}
                {ticket.chatEvidence.group === '' ? '' : ` · ${ticket.chatEvidence.group}`} ·{' '}
                {formatMinute(ticket.chatEvidence.sentAt)}
              </Typography.Paragraph>
              <pre className="chat-evidence__text">{ticket.chatEvidence.text}</pre>
            </Card>
          )}
          {ticket.inspectionLink !== null && <InspectionOriginCard link={ticket.inspectionLink} />}
        </aside>
      </div>
    </section>
  );
}

/** 关联巡检: the run that found the problem, one click away (the run links back to this ticket). */
function InspectionOriginCard({ link }: { readonly link: InspectionLink }) {
  const origin = useInspectionOrigin(link);
  return (
    <Card size="small" title="关联巡检" className="ticket-card" data-testid="inspection-link">
      {origin.data !== undefined && origin.data !== null && (
        <Typography.Paragraph className="inspection-origin">
          {origin.data.templateName}：「{origin.data.itemLabel}」异常
        </Typography.Paragraph>
      )}
      <Link to={`/inspections/run/${link.runId}`}>
        <LinkOutlined /> 查看发现此问题的巡检记录
      </Link>
    </Card>
  );
}

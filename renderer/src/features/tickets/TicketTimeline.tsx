import { TICKET_EVENT_LABELS, transition, type Ticket, type TicketEvent } from '@core/records';
import { App, Button, Input, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../store';
import { matchesShortcut, SAVE } from '../shortcuts';
import { formatMinute } from './format-time';
import { userLabel } from './labels';

const EVENT_COLORS: Partial<Record<TicketEvent['kind'], string>> = {
  created: 'blue',
  waiting: 'orange',
  resolved: 'green',
  closed: 'gray',
  reopened: 'red',
  comment: 'gray',
};

function eventDetail(event: TicketEvent): string {
  switch (event.kind) {
    case 'waiting':
    case 'reopened':
      return `原因：${event.reason}`;
    case 'comment':
      return event.text;
    case 'created':
      return '';
    default:
      return event.note ?? '';
  }
}

/** 处理记录: the ticket's timeline as it happened, and a box to add a comment (备注). */
export function TicketTimeline({
  ticket,
  onSave,
  saving,
}: {
  readonly ticket: Ticket;
  readonly onSave: (after: Ticket, done: string) => Promise<boolean>;
  readonly saving: boolean;
}) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const addComment = async () => {
    const result = transition(ticket, 'comment', { actor: user.id, at: Date.now(), note: text });
    if (!result.ok) {
      void message.error(result.reason);
      return;
    }
    if (await onSave(result.ticket, '已添加备注')) setText('');
  };
  return (
    <div className="ticket-timeline">
      <Timeline
        data-testid="ticket-events"
        items={ticket.events.map((event) => {
          const detail = eventDetail(event);
          return {
            key: event.id,
            color: EVENT_COLORS[event.kind] ?? 'blue',
            content: (
              <div className="ticket-event" data-testid="ticket-event" data-kind={event.kind}>
                <span className="ticket-event__head">
                  <Typography.Text strong>{TICKET_EVENT_LABELS[event.kind]}</Typography.Text>
                  <Typography.Text type="secondary">
                    {formatMinute(event.at)} · {userLabel(event.author, user)}
                  </Typography.Text>
                </span>
                {detail !== '' && <span className="ticket-event__detail">{detail}</span>}
              </div>
            ),
          };
        })}
      />
      <div className="ticket-comment">
        <Input.TextArea
          rows={2}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="添加备注：处理进展、沟通情况（Ctrl+Enter 添加）"
          aria-label="备注内容"
          data-testid="comment-text"
          onKeyDown={(event) => {
            if (matchesShortcut(event.nativeEvent, SAVE)) {
              event.preventDefault();
              void addComment();
            }
          }}
        />
        <Button
          onClick={() => void addComment()}
          disabled={text.trim() === ''}
          loading={saving}
          data-testid="add-comment"
        >
          添加备注
        </Button>
      </div>
    </div>
  );
}

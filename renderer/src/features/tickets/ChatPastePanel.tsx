import { MessageOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented, Typography } from 'antd';
import type { ClipboardEvent } from 'react';
import { filesOf } from '../attachments';
import type { ChatApp } from './chat-parse';
import { BeijingTimeInput } from './BeijingTimeInput';

export interface ChatPastePanelProps {
  /** A paste into the chat box: its text (may be empty) and any pictures it carried. */
  readonly onPaste: (text: string, files: File[]) => void;
  /** Reads the box again after the text was typed or edited by hand. */
  readonly onReread: () => void;
  readonly app: ChatApp;
  readonly onAppChange: (app: ChatApp) => void;
  readonly notices: readonly string[];
}

/**
 * 从聊天粘贴: the copied WeChat/QQ message goes into the box (kept verbatim as evidence), the ticket is
 * prefilled from it, and a screenshot pasted with it is attached. The evidence fields below can be
 * corrected by hand.
 */
export function ChatPastePanel({ onPaste, onReread, app, onAppChange, notices }: ChatPastePanelProps) {
  const handlePaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = filesOf(event.clipboardData);
    const text = event.clipboardData.getData('text/plain');
    if (files.length === 0 && text === '') return;
    // A paste is one message: it replaces what the box held (the prefill writes it there), so the
    // evidence is exactly what was copied. Pictures go to the attachments.
    event.preventDefault();
    onPaste(text, files);
  };
  return (
    <section className="chat-paste" aria-labelledby="chat-paste-title" data-testid="chat-paste">
      <header className="chat-paste__header">
        <Typography.Title level={5} id="chat-paste-title" className="chat-paste__title">
          <MessageOutlined /> 从聊天粘贴
        </Typography.Title>
        <Segmented<ChatApp>
          size="small"
          aria-label="聊天来源"
          value={app}
          onChange={onAppChange}
          options={[
            { value: 'wechat', label: '微信群' },
            { value: 'qq', label: 'QQ群' },
          ]}
        />
      </header>
      <Form.Item name={['evidence', 'text']} className="chat-paste__box" noStyle>
        <Input.TextArea
          rows={4}
          placeholder={
            '在这里粘贴群消息（Ctrl+V），如：\n张三 10:32\n系统打不开了\n截图可一起粘贴，会作为附件保存'
          }
          aria-label="粘贴聊天消息"
          data-testid="chat-text"
          onPaste={handlePaste}
        />
      </Form.Item>
      <div className="chat-paste__actions">
        <Typography.Text type="secondary" className="chat-paste__hint">
          原文将作为证据保存
        </Typography.Text>
        <Button size="small" onClick={onReread}>
          重新识别
        </Button>
      </div>
      {notices.map((notice) => (
        <Alert key={notice} type="warning" showIcon className="chat-paste__notice" title={notice} />
      ))}
      <div className="chat-paste__evidence">
        <Form.Item label="发送人" name={['evidence', 'sender']}>
          <Input placeholder="群里的昵称" data-testid="evidence-sender" />
        </Form.Item>
        <Form.Item label="群名称" name={['evidence', 'group']}>
          <Input placeholder="如：人社网站运维群" data-testid="evidence-group" />
        </Form.Item>
        <Form.Item label="发送时间" name={['evidence', 'sentAt']}>
          <BeijingTimeInput testId="evidence-sent-at" />
        </Form.Item>
      </div>
    </section>
  );
}

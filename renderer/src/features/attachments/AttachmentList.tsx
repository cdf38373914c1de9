import { DeleteOutlined, DownloadOutlined, FileOutlined } from '@ant-design/icons';
import type { Attachment } from '@core/records';
import { Button, Image, Tooltip, Typography } from 'antd';
import { formatBytes, isImage } from './attachment-files';
import { useAttachmentUrl } from './use-attachment-data';
import './attachments.css';

/** Attachments with thumbnails for pictures (click to enlarge) and a download for each. */
export function AttachmentList({
  attachments,
  onRemove,
}: {
  readonly attachments: readonly Attachment[];
  readonly onRemove?: (sha256: string) => void;
}) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-list" data-testid="attachment-list">
      {attachments.map((attachment) => (
        <AttachmentItem key={attachment.sha256} attachment={attachment} onRemove={onRemove} />
      ))}
    </ul>
  );
}

function AttachmentItem({
  attachment,
  onRemove,
}: {
  readonly attachment: Attachment;
  readonly onRemove: ((sha256: string) => void) | undefined;
}) {
  const url = useAttachmentUrl(attachment.sha256);
  const missing = url.isSuccess && url.data === null;
  return (
    <li className="attachment-item" data-testid="attachment-item" data-name={attachment.name}>
      <div className="attachment-item__thumb">
        {isImage(attachment.mime) && url.data ? (
          <Image
            src={url.data}
            alt={attachment.name}
            width={64}
            height={64}
            data-testid="attachment-thumbnail"
            preview={{ src: url.data }}
          />
        ) : (
          <FileOutlined className="attachment-item__file-icon" />
        )}
      </div>
      <div className="attachment-item__meta">
        <Typography.Text ellipsis={{ tooltip: attachment.name }} className="attachment-item__name">
          {attachment.name}
        </Typography.Text>
        <Typography.Text type="secondary" className="attachment-item__size">
          {missing ? '本机没有该附件的内容（可能尚未同步）' : formatBytes(attachment.size)}
        </Typography.Text>
      </div>
      <div className="attachment-item__actions">
        {url.data && (
          <Tooltip title="下载">
            <Button
              size="small"
              type="text"
              icon={<DownloadOutlined />}
              href={url.data}
              download={attachment.name}
              aria-label={`下载 ${attachment.name}`}
            />
          </Tooltip>
        )}
        {onRemove !== undefined && (
          <Tooltip title="移除">
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => onRemove(attachment.sha256)}
              aria-label={`移除 ${attachment.name}`}
            />
          </Tooltip>
        )}
      </div>
    </li>
  );
}

import { PaperClipOutlined } from '@ant-design/icons';
import { MAX_ATTACHMENT_BYTES } from '@core/records';
import { Button, Spin } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { filesOf, formatBytes, takePastedFiles } from './attachment-files';
import './attachments.css';

/** Where files are added: paste (Ctrl+V) while it has the focus, drop, or pick. */
export function AttachmentDropZone({
  onFiles,
  adding,
}: {
  readonly onFiles: (files: File[]) => void;
  readonly adding: boolean;
}) {
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const files = filesOf(event.dataTransfer);
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      className={`attachment-drop${over ? ' attachment-drop--over' : ''}`}
      tabIndex={0}
      role="group"
      aria-label="添加附件：粘贴截图、拖入文件或选择文件"
      data-testid="attachment-drop"
      onPaste={(event) => {
        const files = takePastedFiles(event);
        if (files.length > 0) onFiles(files);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <PaperClipOutlined className="attachment-drop__icon" />
      <span className="attachment-drop__text">
        粘贴截图（Ctrl+V）、拖入文件，或
        <Button size="small" onClick={() => picker.current?.click()} disabled={adding}>
          选择文件
        </Button>
      </span>
      <span className="attachment-drop__hint">单个文件不超过 {formatBytes(MAX_ATTACHMENT_BYTES)}</span>
      {adding && <Spin size="small" aria-label="正在保存附件" />}
      <input
        ref={picker}
        type="file"
        multiple
        // Inline, because Ant Design's form styles show file inputs as blocks.
        style={{ display: 'none' }}
        data-testid="attachment-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}

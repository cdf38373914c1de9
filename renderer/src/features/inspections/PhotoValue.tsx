import { PictureOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Image, Typography } from 'antd';
import { useEffect, useMemo, useRef, type ClipboardEvent } from 'react';
import { getBlob, useDatabase } from '../../store';

interface PhotoValueProps {
  readonly label: string;
  readonly sha256: string | undefined;
  readonly disabled: boolean;
  readonly onPhoto: (file: Blob, name: string) => void;
}

/** A photo item: paste a screenshot (Ctrl+V) or pick a picture; the stored one is shown. */
export function PhotoValue({ label, sha256, disabled, onPhoto }: PhotoValueProps) {
  const picker = useRef<HTMLInputElement>(null);
  const paste = (event: ClipboardEvent<HTMLDivElement>) => {
    const file = [...event.clipboardData.files].find((candidate) => candidate.type.startsWith('image/'));
    if (file === undefined) return;
    event.preventDefault();
    onPhoto(file, file.name === '' || file.name === 'image.png' ? pastedName(file.type) : file.name);
  };
  return (
    <div className="inspections-photo">
      {sha256 === undefined ? null : <StoredPhoto sha256={sha256} label={label} />}
      {disabled ? null : (
        <div
          className="inspections-photo__drop"
          tabIndex={0}
          role="group"
          aria-label={`${label}：按 Ctrl+V 粘贴截图，或选择图片`}
          data-testid="photo-paste-zone"
          onPaste={paste}
        >
          <Typography.Text type="secondary">
            {sha256 === undefined ? '点此按 Ctrl+V 粘贴' : '更换：Ctrl+V 粘贴'}
          </Typography.Text>
          <Button size="small" icon={<PictureOutlined />} onClick={() => picker.current?.click()}>
            选择图片
          </Button>
          <input
            ref={picker}
            type="file"
            accept="image/*"
            hidden
            data-testid="photo-file-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file !== undefined) onPhoto(file, file.name);
            }}
          />
        </div>
      )}
    </div>
  );
}

function pastedName(mime: string): string {
  return `粘贴的截图.${mime.split('/')[1] ?? 'png'}`;
}

function StoredPhoto({ sha256, label }: { readonly sha256: string; readonly label: string }) {
  const db = useDatabase();
  const blob = useQuery({
    queryKey: ['blob', db.name, sha256],
    queryFn: async () => (await getBlob(db, sha256)) ?? null,
  });
  const url = useMemo(
    () => (blob.data === undefined || blob.data === null ? undefined : URL.createObjectURL(blob.data.data)),
    [blob.data],
  );
  useEffect(
    () => () => {
      if (url !== undefined) URL.revokeObjectURL(url);
    },
    [url],
  );
  if (blob.isError)
    return <Typography.Text type="danger">照片读取失败：{blob.error.message}</Typography.Text>;
  if (blob.data === null) {
    return (
      <Typography.Text type="warning">本机没有这张照片（可能在另一台电脑上拍摄，尚未同步）</Typography.Text>
    );
  }
  if (url === undefined) return null;
  return (
    <Image
      src={url}
      alt={label}
      width={120}
      height={80}
      className="inspections-photo__image"
      data-testid="photo-preview"
    />
  );
}

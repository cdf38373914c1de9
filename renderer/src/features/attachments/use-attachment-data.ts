import type { Attachment } from '@core/records';
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { getBlob, isStoreError, putBlob, useDatabase } from '../../store';
import { attachmentName, attachmentProblem } from './attachment-files';
import { blobUrl } from './blob-urls';

/** The object URL of a stored attachment; null when this PC does not have its bytes. */
export function useAttachmentUrl(sha256: string) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['blob', db.name, sha256],
    queryFn: async () => {
      const row = await getBlob(db, sha256);
      return row === undefined ? null : blobUrl(sha256, row.data);
    },
  });
}

/**
 * Stores files as attachments (SHA-256 blobs) and returns the ones added. A file that is too large,
 * one too many, or already attached is left out and the user is told why; the others still go in.
 */
export function useAddAttachments(): {
  readonly add: (files: readonly File[], attached: readonly Attachment[]) => Promise<Attachment[]>;
  readonly adding: boolean;
} {
  const db = useDatabase();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const add = useCallback(
    async (files: readonly File[], attached: readonly Attachment[]) => {
      const added: Attachment[] = [];
      setAdding(true);
      try {
        for (const file of files) {
          const name = attachmentName(file, Date.now());
          const problem = attachmentProblem({ name, size: file.size }, attached.length + added.length);
          if (problem !== null) {
            void message.error(problem);
            continue;
          }
          let attachment: Attachment;
          try {
            attachment = await putBlob(db, file, name);
          } catch (error) {
            void message.error(
              isStoreError(error) ? error.message : `附件“${name}”未能保存：${String(error)}`,
            );
            continue;
          }
          if ([...attached, ...added].some((existing) => existing.sha256 === attachment.sha256)) {
            void message.info(`“${name}”与已添加的附件内容相同，未重复添加`);
            continue;
          }
          added.push(attachment);
        }
      } finally {
        setAdding(false);
      }
      return added;
    },
    [db, message],
  );
  return { add, adding };
}

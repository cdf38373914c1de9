import type { Attachment } from '@core/records';
import { AttachmentDropZone, AttachmentList, useAddAttachments } from '../attachments';

/** 培训资料: slides, manuals, photos, added by paste, drop or pick; each kept in this PC's store. */
export function MaterialsInput({
  value = [],
  onChange,
  testId,
}: {
  readonly value?: readonly Attachment[];
  readonly onChange?: (attachments: readonly Attachment[]) => void;
  readonly testId: string;
}) {
  const { add, adding } = useAddAttachments();
  return (
    <div data-testid={testId}>
      <AttachmentDropZone
        adding={adding}
        onFiles={(files) =>
          void add(files, value).then((added) => {
            if (added.length > 0) onChange?.([...value, ...added]);
          })
        }
      />
      <AttachmentList
        attachments={value}
        onRemove={(sha256) => onChange?.(value.filter((attachment) => attachment.sha256 !== sha256))}
      />
    </div>
  );
}

/** 签到表照片: one picture of the paper sign-in sheet; a new one replaces the old. */
export function SignInSheetInput({
  value = null,
  onChange,
}: {
  readonly value?: Attachment | null;
  readonly onChange?: (attachment: Attachment | null) => void;
}) {
  const { add, adding } = useAddAttachments();
  return (
    <div data-testid="sign-in-sheet">
      <AttachmentDropZone
        adding={adding}
        onFiles={(files) =>
          void add(files.slice(-1), []).then((added) => {
            const sheet = added[0];
            if (sheet !== undefined) onChange?.(sheet);
          })
        }
      />
      <AttachmentList attachments={value === null ? [] : [value]} onRemove={() => onChange?.(null)} />
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Input, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  INSPECTION_ITEM_KINDS,
  INSPECTION_ITEM_KIND_LABELS,
  type InspectionItemKind,
  type InspectionTemplate,
} from '@core/records';
import { useCurrentUser, useSaveRecord } from '../../store';
import { useWritableSubsystems } from '../session';
import { ItemEditor } from './ItemEditor';
import { scheduleProblem, ScheduleEditor } from './ScheduleEditor';
import { formatMinute } from './shanghai-format';
import {
  addItem,
  draftChanged,
  draftOf,
  itemProblems,
  moveItem,
  removeItem,
  replaceItem,
  saveDraft,
  type TemplateDraft,
} from './template-draft';
import { useShowError } from './use-show-error';
import { useUndoMessage } from './use-undo-message';

interface TemplateEditorProps {
  /** The version in force: edits start from it and save as the next version. */
  readonly current: InspectionTemplate;
  /** Every version of the template, newest first, undone (deleted) ones included. */
  readonly versions: readonly InspectionTemplate[];
  readonly subsystemName: string;
}

/**
 * Edits a template. Saving never changes a saved version: it adds the next one, and runs keep the
 * version they were filled against. An older version can be looked at, read-only.
 */
export function TemplateEditor({ current, versions, subsystemName }: TemplateEditorProps) {
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOf(current));
  const [viewedVersion, setViewedVersion] = useState(current.version);
  const user = useCurrentUser();
  const save = useSaveRecord();
  const showError = useShowError();
  const offerUndo = useUndoMessage();
  const subsystemIds = useMemo(() => [current.subsystemId], [current.subsystemId]);
  // Templates are the project lead's: anyone else reads them, and is told why they cannot edit.
  const notEditable = useWritableSubsystems('inspection_template', subsystemIds).reason;

  const live = versions.filter((version) => !version.deleted);
  const highestVersion = Math.max(current.version, ...versions.map((version) => version.version));
  const viewing = live.find((version) => version.version === viewedVersion) ?? current;
  const readOnly = viewing.version !== current.version || notEditable !== null;
  const shown = readOnly ? draftOf(viewing) : draft;
  const problems = itemProblems(shown.items);
  const changed = draftChanged(current, draft);
  const blocked =
    draft.name.trim() === '' ||
    scheduleProblem(draft.schedule) !== '' ||
    problems.some((problem) => problem !== '');

  const update = (change: Partial<TemplateDraft>) => setDraft((previous) => ({ ...previous, ...change }));

  const saveNextVersion = async () => {
    const made = saveDraft(current, draft, highestVersion, { actor: user.id, at: Date.now() });
    if (!made.ok) {
      showError(new Error(made.reason));
      return;
    }
    try {
      await save.mutateAsync({ recordType: 'inspectionTemplate', before: null, after: made.template });
      // The page remounts the editor on the new version (its key names the version).
      offerUndo(
        `已保存为第 ${made.template.version} 版；之前的巡检记录仍按原版本显示。`,
        made.template.id,
        `已撤销：第 ${made.template.version} 版已删除，现行版本恢复为第 ${current.version} 版`,
      );
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div className="inspections-editor" data-testid="template-editor" data-template-id={current.templateId}>
      <div className="inspections-editor__head">
        <Tag>{subsystemName}</Tag>
        <Space size={4} wrap className="inspections-editor__versions" aria-label="版本">
          {live.map((version) => (
            <Button
              key={version.version}
              size="small"
              type={version.version === viewing.version ? 'primary' : 'default'}
              onClick={() => setViewedVersion(version.version)}
              title={`${formatMinute(version.createdAt)} 由 ${version.createdBy} 保存`}
              data-testid="template-version"
            >
              第 {version.version} 版{version.version === current.version ? '（现行）' : ''}
            </Button>
          ))}
        </Space>
      </div>
      {notEditable !== null ? (
        <Alert
          type="info"
          showIcon
          className="page-hint"
          title={notEditable}
          description="需要修改检查项时，请联系项目负责人。"
          data-testid="template-not-editable"
        />
      ) : null}
      {readOnly && viewing.version !== current.version ? (
        <Alert
          type="info"
          showIcon
          className="page-hint"
          title={`正在查看第 ${viewing.version} 版（${formatMinute(viewing.createdAt)} 由 ${viewing.createdBy} 保存），只读。按此版本填写的巡检记录保持原样。`}
        />
      ) : null}
      <label className="inspections-editor__field">
        <span>模板名称</span>
        <Input
          aria-label="模板名称"
          value={shown.name}
          disabled={readOnly}
          maxLength={100}
          status={shown.name.trim() === '' ? 'error' : undefined}
          onChange={(event) => update({ name: event.target.value })}
        />
      </label>
      <div className="inspections-editor__field">
        <span>巡检周期</span>
        <ScheduleEditor
          value={shown.schedule}
          disabled={readOnly}
          onChange={(schedule) => update({ schedule })}
        />
      </div>
      <Typography.Text strong className="inspections-editor__items-title">
        检查项（{shown.items.length}）
      </Typography.Text>
      <ol className="inspections-editor__items">
        {shown.items.map((item, index) => (
          <ItemEditor
            key={item.id}
            index={index}
            count={shown.items.length}
            item={item}
            problem={problems[index] ?? ''}
            readOnly={readOnly}
            onChange={(next) => update({ items: replaceItem(draft.items, index, next) })}
            onMove={(offset) => update({ items: moveItem(draft.items, index, offset) })}
            onRemove={() => update({ items: removeItem(draft.items, index) })}
          />
        ))}
      </ol>
      {readOnly ? null : (
        <div className="inspections-editor__footer">
          <Dropdown
            menu={{
              items: INSPECTION_ITEM_KINDS.map((kind) => ({
                key: kind,
                label: INSPECTION_ITEM_KIND_LABELS[kind],
              })),
              onClick: ({ key }) => update({ items: addItem(draft.items, key as InspectionItemKind) }),
            }}
          >
            <Button icon={<PlusOutlined />} data-testid="template-add-item">
              添加检查项
            </Button>
          </Dropdown>
          <span className="inspections-editor__spacer" />
          <Button disabled={!changed} onClick={() => setDraft(draftOf(current))}>
            放弃修改
          </Button>
          <Button
            type="primary"
            disabled={!changed || blocked}
            loading={save.isPending}
            onClick={() => void saveNextVersion()}
            data-testid="template-save"
          >
            保存为第 {highestVersion + 1} 版
          </Button>
        </div>
      )}
    </div>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { scheduleText } from './schedule-text';
import { subsystemNames } from './subsystem-names';
import { TemplateEditor } from './TemplateEditor';
import { versionsOf } from './template-versions';
import { useInspectionProfile, useTemplateCatalogue } from './use-inspection-data';
import './inspections.css';

/** 巡检模板: every template by subsystem; pick one to edit it (each save is a new version). */
export function InspectionTemplatesPage() {
  const navigate = useNavigate();
  const profile = useInspectionProfile();
  const catalogue = useTemplateCatalogue();
  const [selected, setSelected] = useState<string>();

  if (catalogue.error !== null) {
    return (
      <Result
        status="error"
        title="无法读取巡检模板"
        subTitle={<span className="error-reason">{catalogue.error.message}</span>}
      />
    );
  }
  if (catalogue.data === undefined || profile.data === undefined) {
    return (
      <div aria-busy="true" aria-label="正在读取巡检模板">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  const { latest, all } = catalogue.data;
  const subsystemName = subsystemNames(profile.data);
  const current = latest.find((template) => template.templateId === selected) ?? latest[0];

  return (
    <section className="inspections-page" aria-labelledby="templates-title">
      <header className="page-header inspections-page__header">
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate('/inspections')}
          aria-label="返回巡检"
        />
        <Typography.Title level={4} id="templates-title" className="page-header__title">
          巡检模板
        </Typography.Title>
        <Typography.Text type="secondary">
          模板来自合同档案；修改后保存为新版本，已完成的巡检仍按当时的版本显示。
        </Typography.Text>
      </header>
      {current === undefined ? (
        <div className="inspections-panel">
          <Empty description="合同档案中没有巡检清单，因此还没有巡检模板。请由管理员在合同档案中添加巡检清单。" />
        </div>
      ) : (
        <div className="inspections-templates">
          <nav className="inspections-panel inspections-templates__list" aria-label="巡检模板列表">
            <ul>
              {latest.map((template) => (
                <li key={template.templateId}>
                  <button
                    type="button"
                    className={`inspections-templates__entry${template.templateId === current.templateId ? ' inspections-templates__entry--active' : ''}`}
                    onClick={() => setSelected(template.templateId)}
                    data-testid="template-entry"
                    data-template-id={template.templateId}
                    aria-current={template.templateId === current.templateId ? 'true' : undefined}
                  >
                    <span className="inspections-templates__entry-name">{template.name}</span>
                    <span className="inspections-templates__entry-meta">
                      <Tag>{subsystemName(template.subsystemId)}</Tag>
                      {scheduleText(template.schedule)} · {template.items.length} 项 · 第 {template.version}{' '}
                      版
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="inspections-panel inspections-templates__editor">
            {current.schedule === null ? (
              <Alert
                className="page-hint"
                type="info"
                showIcon
                title="此模板不定期巡检：不会出现在日历中，需要时在“今日巡检”中开始。"
              />
            ) : null}
            <TemplateEditor
              key={`${current.templateId}@${current.version}`}
              current={current}
              versions={versionsOf(all, current.templateId)}
              subsystemName={subsystemName(current.subsystemId)}
            />
          </div>
        </div>
      )}
    </section>
  );
}

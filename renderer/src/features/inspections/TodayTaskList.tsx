import { Button, Empty, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { InspectionRun, InspectionTemplate } from '@core/records';
import type { TodayTask } from './inspection-slots';
import { scheduleText } from './schedule-text';
import { slotDeadlineText, slotLabel, SLOT_STATE_COLORS } from './slot-appearance';
import { formatClock } from './shanghai-format';
import { useStartRun } from './use-run-actions';
import { useShowError } from './use-show-error';

interface TodayTaskListProps {
  readonly tasks: readonly TodayTask[];
  readonly subsystemName: (subsystemId: number) => string;
}

/** What today asks for, most urgent first, each one click from its run. */
export function TodayTaskList({ tasks, subsystemName }: TodayTaskListProps) {
  if (tasks.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="今天没有需要巡检的模板。合同档案中的巡检模板会自动生成；需要新增请到“巡检模板”。"
      />
    );
  }
  return (
    <ul className="inspections-today" data-testid="today-tasks">
      {tasks.map((task) => (
        <TodayTaskRow
          key={`${task.template.templateId}:${task.entry?.slot.key ?? ''}`}
          task={task}
          subsystemName={subsystemName}
        />
      ))}
    </ul>
  );
}

function TodayTaskRow({
  task,
  subsystemName,
}: {
  readonly task: TodayTask;
  readonly subsystemName: (id: number) => string;
}) {
  const { template, entry, openRun } = task;
  return (
    <li
      className="inspections-today__row"
      data-testid="today-task"
      data-template-id={template.templateId}
      data-state={entry?.status.state ?? 'unscheduled'}
    >
      <Tag className="inspections-today__subsystem">{subsystemName(template.subsystemId)}</Tag>
      <div className="inspections-today__name">
        <Typography.Text strong ellipsis={{ tooltip: template.name }}>
          {template.name}
        </Typography.Text>
        <Typography.Text type="secondary" className="inspections-today__schedule">
          {scheduleText(template.schedule)}
          {entry !== null && template.schedule?.kind === 'monthly'
            ? ` · 本月应在 ${slotDeadlineText(entry.slot)}完成`
            : ''}
        </Typography.Text>
      </div>
      <div className="inspections-today__state">
        {entry === null ? (
          openRun === undefined ? null : (
            <Tag color="purple" variant="filled">
              进行中
            </Tag>
          )
        ) : (
          <Tag color={SLOT_STATE_COLORS[entry.status.state]} variant="filled" data-testid="today-task-state">
            {slotLabel(entry.status, openRun !== undefined)}
          </Tag>
        )}
        {entry?.status.run !== undefined && entry.status.run.finishedAt !== null ? (
          <Typography.Text type="secondary">{formatClock(entry.status.run.finishedAt)} 完成</Typography.Text>
        ) : null}
      </div>
      <TaskAction
        template={template}
        slotKey={entry?.slot.key ?? null}
        openRun={openRun}
        doneRun={entry?.status.run}
      />
    </li>
  );
}

interface TaskActionProps {
  readonly template: InspectionTemplate;
  readonly slotKey: string | null;
  readonly openRun: InspectionRun | undefined;
  readonly doneRun: InspectionRun | undefined;
}

function TaskAction({ template, slotKey, openRun, doneRun }: TaskActionProps) {
  const navigate = useNavigate();
  const startRun = useStartRun();
  const showError = useShowError();
  const [starting, setStarting] = useState(false);
  if (doneRun !== undefined) {
    return (
      <Button onClick={() => void navigate(`/inspections/run/${doneRun.id}`)} data-testid="today-task-view">
        查看记录
      </Button>
    );
  }
  if (openRun !== undefined) {
    return (
      <Button
        type="primary"
        ghost
        onClick={() => void navigate(`/inspections/run/${openRun.id}`)}
        data-testid="today-task-start"
      >
        继续巡检
      </Button>
    );
  }
  const start = async () => {
    setStarting(true);
    try {
      const run = await startRun(template, slotKey);
      await navigate(`/inspections/run/${run.id}`);
    } catch (error) {
      showError(error);
      setStarting(false);
    }
  };
  return (
    <Button
      type={slotKey === null ? 'default' : 'primary'}
      loading={starting}
      onClick={() => void start()}
      data-testid="today-task-start"
    >
      开始巡检
    </Button>
  );
}

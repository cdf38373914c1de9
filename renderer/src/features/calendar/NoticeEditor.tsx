import { builtinCalendar, type CalendarImportResult, type CalendarNotice } from '@core/calendar';
import { Alert, App, Button, Drawer, Input, InputNumber, Space, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  type HolidayRow,
  checkNoticeForm,
  checkNoticeText,
  defaultNoticeTitle,
  statutoryDraft,
} from './notice-draft';
import { useSaveCalendarNotice } from './use-save-calendar-notice';
import { YearGrid } from './YearGrid';

type Mode = 'form' | 'paste';

/**
 * The project lead enters a year's notice row by row (drafted from the statutory days) or pastes it
 * (the shipped layout or holiday-cn's); every problem is named where it was typed, and the year is
 * previewed as the clocks will count it before it is saved.
 */
export function NoticeEditor({
  open,
  initialYear,
  added,
  onClose,
}: {
  readonly open: boolean;
  readonly initialYear: number;
  readonly added: readonly CalendarNotice[];
  readonly onClose: () => void;
}) {
  const { message } = App.useApp();
  const save = useSaveCalendarNotice();
  const [mode, setMode] = useState<Mode>('form');
  const [year, setYear] = useState(initialYear);
  const [notice, setNotice] = useState(defaultNoticeTitle(initialYear));
  const [source, setSource] = useState('');
  const [rows, setRows] = useState<HolidayRow[]>(() => statutoryDraft(initialYear));
  const [text, setText] = useState('');

  const result: CalendarImportResult = useMemo(
    () => (mode === 'form' ? checkNoticeForm({ year, notice, source, rows }) : checkNoticeText(text)),
    [mode, year, notice, source, rows, text],
  );
  const preview = useMemo(
    () =>
      result.ok
        ? builtinCalendar([...added.filter((other) => other.year !== result.notice.year), result.notice])
        : null,
    [result, added],
  );

  const changeYear = (next: number | null) => {
    if (next === null || !Number.isInteger(next)) return;
    setYear(next);
    setNotice(defaultNoticeTitle(next));
    setRows(statutoryDraft(next));
  };
  const editRow = (index: number, patch: Partial<HolidayRow>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  /** A column of the holiday table: one text box per row, labelled by its row for screen readers. */
  const textColumn = (field: keyof HolidayRow, title: string, width?: number, placeholder?: string) => ({
    title,
    width,
    render: (_: unknown, row: HolidayRow & { index: number }) => (
      <Input
        value={row[field]}
        placeholder={placeholder}
        aria-label={`第 ${row.index + 1} 行${title.replace(/（.*）$/, '')}`}
        onChange={(event) => editRow(row.index, { [field]: event.target.value })}
      />
    ),
  });

  const submit = () => {
    if (!result.ok) return;
    save.mutate(result.notice, {
      onSuccess: (changed) => {
        void message.success(
          `已保存 ${result.notice.year} 年节假日安排${changed.length > 0 ? `，${changed.length} 张工单的时限已重新计算` : ''}`,
        );
        onClose();
      },
    });
  };

  return (
    <Drawer
      title="添加或更新年度节假日安排"
      open={open}
      onClose={onClose}
      size={980}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          onClick={submit}
          disabled={!result.ok}
          loading={save.isPending}
          data-testid="calendar-save"
        >
          保存并同步到各电脑
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        照国务院办公厅当年的节假日安排通知填写：每个节日的放假起止日期（含周末）和调休上班日。法定节假日已按《全国年节及纪念日放假办法》预填，只需补全放假天数和调休。
      </Typography.Paragraph>
      <Tabs
        activeKey={mode}
        onChange={(key) => setMode(key as Mode)}
        items={[
          {
            key: 'form',
            label: '逐项填写',
            children: (
              <Space direction="vertical" className="notice-editor__form" size="middle">
                <Space wrap>
                  <label>
                    年份{' '}
                    <InputNumber
                      min={2014}
                      max={2100}
                      value={year}
                      onChange={changeYear}
                      aria-label="年份"
                      data-testid="calendar-year"
                    />
                  </label>
                  <Input
                    addonBefore="通知名称"
                    value={notice}
                    onChange={(event) => setNotice(event.target.value)}
                    className="notice-editor__title"
                  />
                  <Input
                    addonBefore="通知来源"
                    placeholder="国务院网站的网址或文号"
                    value={source}
                    onChange={(event) => setSource(event.target.value)}
                    className="notice-editor__source"
                    data-testid="calendar-source"
                  />
                </Space>
                <Table<HolidayRow & { index: number }>
                  size="small"
                  pagination={false}
                  rowKey="index"
                  dataSource={rows.map((row, index) => ({ ...row, index }))}
                  columns={[
                    textColumn('name', '节日名称', 120),
                    textColumn('from', '放假开始', 140, 'YYYY-MM-DD'),
                    textColumn('to', '放假结束', 140, 'YYYY-MM-DD'),
                    textColumn(
                      'adjustedWorkdays',
                      '调休上班日（用、分隔）',
                      undefined,
                      '如 2027-02-20、2027-02-28',
                    ),
                    {
                      title: '',
                      width: 64,
                      render: (_, row) => (
                        <Button
                          type="link"
                          danger
                          onClick={() => setRows((current) => current.filter((_, at) => at !== row.index))}
                        >
                          删除
                        </Button>
                      ),
                    },
                  ]}
                />
                <Space>
                  <Button
                    onClick={() =>
                      setRows((current) => [...current, { name: '', from: '', to: '', adjustedWorkdays: '' }])
                    }
                  >
                    添加一行
                  </Button>
                  <Button onClick={() => setRows(statutoryDraft(year))}>按法定节假日重新起草</Button>
                </Space>
              </Space>
            ),
          },
          {
            key: 'paste',
            label: '粘贴通知数据',
            children: (
              <Input.TextArea
                value={text}
                onChange={(event) => setText(event.target.value)}
                autoSize={{ minRows: 8, maxRows: 16 }}
                placeholder='粘贴 JSON：{"year": 2027, "notice": …, "holidays": [...]}，或 holiday-cn 格式 {"year", "papers", "days": [...]}'
                aria-label="粘贴通知数据"
                data-testid="calendar-paste"
              />
            ),
          },
        ]}
      />
      {save.isError && (
        <Alert
          type="error"
          showIcon
          className="notice-editor__alert"
          title="保存失败"
          description={save.error.message}
          data-testid="calendar-save-error"
        />
      )}
      {result.ok ? (
        preview !== null && (
          <section className="notice-editor__preview" aria-label="预览">
            <Typography.Title level={5}>预览：{result.notice.year} 年（保存后按此计算时限）</Typography.Title>
            <YearGrid calendar={preview} year={result.notice.year} />
          </section>
        )
      ) : (
        <Alert
          type="warning"
          showIcon
          className="notice-editor__alert"
          title={`还有 ${result.issues.length} 处需要改正`}
          description={
            <ul className="notice-editor__issues" data-testid="calendar-issues">
              {result.issues.map((issue) => (
                <li key={`${issue.path}-${issue.message}`}>
                  {issue.path}：{issue.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Drawer>
  );
}

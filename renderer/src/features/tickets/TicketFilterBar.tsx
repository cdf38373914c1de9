import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Segmented, Select, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type Ref } from 'react';
import { SEVERITY_OPTIONS, STATUS_OPTIONS, userLabel } from './labels';
import {
  EMPTY_FILTERS,
  RISK_FILTER_LABELS,
  RISK_FILTERS,
  hasActiveFilters,
  type RiskFilter,
  type TicketFilters,
} from './ticket-filters';
import type { SubsystemName } from './use-ticket-data';

const SEARCH_DELAY_MS = 250;
const ANYONE = '__anyone__';
const NOBODY = '__nobody__';

export interface TicketFilterBarProps {
  readonly filters: TicketFilters;
  readonly onChange: (filters: TicketFilters) => void;
  readonly subsystems: readonly SubsystemName[];
  readonly assignees: readonly string[];
  readonly currentUser: { readonly id: string; readonly displayName: string };
  readonly searchRef: Ref<InputRef>;
}

/** The list's filters. The search box applies what is typed after a short pause, the rest at once. */
export function TicketFilterBar({
  filters,
  onChange,
  subsystems,
  assignees,
  currentUser,
  searchRef,
}: TicketFilterBarProps) {
  const [text, setText] = useState(filters.text);
  const [appliedText, setAppliedText] = useState(filters.text);
  if (filters.text !== appliedText) {
    // The URL changed the search (back button, 清除筛选): show it.
    setAppliedText(filters.text);
    setText(filters.text);
  }
  useEffect(() => {
    if (text === filters.text) return undefined;
    const timer = window.setTimeout(() => {
      setAppliedText(text);
      onChange({ ...filters, text });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, filters, onChange]);

  const people = [...new Set([currentUser.id, ...assignees])];
  const assigneeValue =
    filters.assignee === null ? ANYONE : filters.assignee === '' ? NOBODY : filters.assignee;

  return (
    <div className="ticket-filters" role="search" aria-label="筛选工单">
      <Input
        ref={searchRef}
        className="ticket-filters__search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder="搜索标题、描述、报告人（按 / 键）"
        aria-label="搜索工单"
        data-testid="ticket-search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPressEnter={() => {
          setAppliedText(text);
          onChange({ ...filters, text });
        }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        className="ticket-filters__select ticket-filters__select--wide"
        placeholder="全部运维子项"
        aria-label="运维子项"
        data-testid="filter-subsystem"
        value={[...filters.subsystemIds]}
        onChange={(subsystemIds: number[]) => onChange({ ...filters, subsystemIds })}
        options={subsystems.map((subsystem) => ({
          value: subsystem.id,
          label: `${subsystem.id} ${subsystem.shortName}`,
        }))}
        optionFilterProp="label"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        className="ticket-filters__select"
        placeholder="全部状态"
        aria-label="状态"
        data-testid="filter-status"
        value={[...filters.statuses]}
        onChange={(statuses) => onChange({ ...filters, statuses })}
        options={STATUS_OPTIONS.map((option) => ({ ...option }))}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        className="ticket-filters__select ticket-filters__select--narrow"
        placeholder="全部紧急程度"
        aria-label="紧急程度"
        value={[...filters.severities]}
        onChange={(severities) => onChange({ ...filters, severities })}
        options={SEVERITY_OPTIONS.map((option) => ({ ...option }))}
      />
      <Select
        className="ticket-filters__select ticket-filters__select--narrow"
        aria-label="处理人"
        value={assigneeValue}
        onChange={(value: string) =>
          onChange({ ...filters, assignee: value === ANYONE ? null : value === NOBODY ? '' : value })
        }
        options={[
          { value: ANYONE, label: '全部处理人' },
          { value: NOBODY, label: '未指派' },
          ...people.map((person) => ({ value: person, label: userLabel(person, currentUser) })),
        ]}
      />
      <Segmented<RiskFilter>
        aria-label="时限"
        data-testid="filter-risk"
        value={filters.risk}
        onChange={(risk) => onChange({ ...filters, risk })}
        options={RISK_FILTERS.map((risk) => ({
          value: risk,
          label: risk === 'all' ? '全部时限' : RISK_FILTER_LABELS[risk],
        }))}
      />
      <DatePicker.RangePicker
        className="ticket-filters__dates"
        aria-label="接报日期"
        placeholder={['接报开始日期', '结束日期']}
        allowEmpty={[true, true]}
        value={[
          filters.receivedFrom === null ? null : dayjs(filters.receivedFrom),
          filters.receivedTo === null ? null : dayjs(filters.receivedTo),
        ]}
        onChange={(_values, [from, to]) =>
          onChange({ ...filters, receivedFrom: from === '' ? null : from, receivedTo: to === '' ? null : to })
        }
      />
      {hasActiveFilters(filters) && (
        <Button icon={<ClearOutlined />} onClick={() => onChange(EMPTY_FILTERS)} data-testid="clear-filters">
          清除筛选
        </Button>
      )}
    </div>
  );
}

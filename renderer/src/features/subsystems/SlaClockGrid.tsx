import type { SlaClockDisplay } from '@core/profile';
import { Tooltip, Typography } from 'antd';
import { CLOCK_KIND_LABELS, type ClockKind } from '@core/profile/sla-policy';
import { groupSlaClocks, type SlaClockCell, type SlaClockGroup } from './group-sla-clocks';

interface ClockCellProps {
  readonly cell: SlaClockCell | undefined;
  readonly kind: ClockKind;
  readonly group: SlaClockGroup;
}

function ClockCell({ cell, kind, group }: ClockCellProps) {
  const kindLabel = CLOCK_KIND_LABELS[kind];
  if (cell === undefined) {
    return (
      <span
        className="sla-grid__cell sla-grid__cell--none"
        aria-label={`${group.label} 未规定${kindLabel}时限`}
      >
        —
      </span>
    );
  }
  return (
    <span className="sla-grid__cell" data-kind={kind} aria-label={`${group.label} ${kindLabel} ${cell.text}`}>
      <span data-testid="sla-clock-text">{cell.text}</span>
      {cell.source === 'contract' && (
        <Tooltip title="本子项未单独规定，适用合同通用承诺">
          <span className="sla-grid__source">合同通用</span>
        </Tooltip>
      )}
    </span>
  );
}

/** The clocks in force for one subsystem: one row per group of ticket kinds, response and resolution. */
export function SlaClockGrid({ clocks }: { readonly clocks: readonly SlaClockDisplay[] }) {
  if (clocks.length === 0) return <Typography.Text type="secondary">合同未规定时限</Typography.Text>;
  return (
    <div className="sla-grid" role="list">
      {groupSlaClocks(clocks).map((group) => (
        <div
          key={group.label}
          className="sla-grid__row"
          role="listitem"
          data-testid="sla-group"
          data-categories={group.categories.join(' ')}
          data-severities={group.severities.join(' ')}
        >
          <span className="sla-grid__label">{group.label}</span>
          <ClockCell cell={group.response} kind="response" group={group} />
          <ClockCell cell={group.resolution} kind="resolution" group={group} />
        </div>
      ))}
    </div>
  );
}

import { SLOT_STATE_LABELS, type InspectionSlot, type SlotState, type SlotStatus } from '@core/records';
import { formatClock, formatMinute } from './shanghai-format';

/** Ant Design tag colours: green done, blue due, orange overdue, red missed, grey not yet open. */
export const SLOT_STATE_COLORS: Readonly<Record<SlotState, string>> = {
  done: 'success',
  due: 'processing',
  overdue: 'warning',
  missed: 'error',
  upcoming: 'default',
};

/**
 * The words on a slot: the state, whether a finished run was late, whether a run is under way.
 * Colour alone never carries the meaning (colour-blind users, black-and-white printouts).
 */
export function slotLabel(status: SlotStatus, inProgress: boolean): string {
  if (status.state === 'done') return status.late ? '已完成（超时）' : SLOT_STATE_LABELS.done;
  return inProgress ? `${SLOT_STATE_LABELS[status.state]}·进行中` : SLOT_STATE_LABELS[status.state];
}

/** When the slot is due, as the today list words it: “08:30 前” today, or a date and time. */
export function slotDeadlineText(slot: InspectionSlot): string {
  const sameDay = formatMinute(slot.opensAt).slice(0, 10) === formatMinute(slot.dueAt - 1).slice(0, 10);
  if (sameDay) return slot.dueAt === slot.closesAt ? '当天内' : `${formatClock(slot.dueAt)} 前`;
  const [, month, day] = formatMinute(slot.dueAt - 1)
    .slice(0, 10)
    .split('-');
  return `${Number(month)}月${Number(day)}日前`;
}

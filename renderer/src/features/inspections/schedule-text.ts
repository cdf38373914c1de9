import type { InspectionSchedule } from '@core/records';

/** A schedule as the engineer reads it: “每天 08:30 前”, “每个工作日”, “每月（月底前）”, “不定期”. */
export function scheduleText(schedule: InspectionSchedule | null): string {
  if (schedule === null) return '不定期（需要时开始）';
  if (schedule.kind === 'daily') {
    const days = schedule.days === 'workdays' ? '每个工作日' : '每天';
    return schedule.dueBy === undefined ? days : `${days} ${schedule.dueBy} 前`;
  }
  return schedule.dueDay === undefined ? '每月（月底前）' : `每月（${schedule.dueDay} 日内）`;
}

import type { ContractProfile } from '../profile';
import { DUTY_DAY_STATE_LABELS } from '../records/kinds/duty-roster';
import type { ReportRemark, ReportRemarkSection } from '../records/kinds/report-remark';
import { TRAINING_DELIVERY_LABELS } from '../records/kinds/training';
import { VISIT_SATISFACTION_LABELS } from '../records/kinds/visit';
import { COVERAGE_STATE_LABELS } from '../records/kinds/visit-coverage';
import type { ReportBlock, ReportColumn, ReportTable } from './document-model';
import { paragraph } from './document-model';
import { formatDateTime, formatDuration, formatRate } from './format';
import type { Ledger } from './ledgers';
import { subsystemName } from './ledgers';
import { type ReportScope, inScope } from './period';
import {
  type DutyFigures,
  type OnSiteRow,
  type TrainingFigures,
  type VisitFigures,
  dutyDayKind,
} from './record-figures';

/** How a duty row names its scope: 全合同 for contract-wide duty, else the subsystem. */
function dutyScopeName(profile: ContractProfile, subsystemId: number | null): string {
  return subsystemId === null ? '全合同' : subsystemName(profile, subsystemId);
}

// ---- sentences ----

/** e.g. 本月共有值班日 9 天，均已排班，值班记录 9 份，交接均已签收；接听电话 12 个，处理事件 3 件。 */
export function dutySentence(noun: string, duty: DutyFigures): string {
  if (duty.days === 0) return `${noun}没有值班日。`;
  const due = duty.days - duty.upcoming;
  const rostered = duty.rostered === duty.days ? '均已排班' : `已排班 ${duty.rostered} 天`;
  const handOver =
    duty.logs === 0
      ? '无交接'
      : duty.signedOff === duty.logged && duty.logged >= due
        ? '交接均已签收'
        : `已交接 ${duty.handedOver} 天，交接已签收 ${duty.signedOff} 天`;
  const upcoming = duty.upcoming > 0 ? `（其中 ${duty.upcoming} 天尚未到来）` : '';
  const gaps =
    duty.gaps.length === 0
      ? ''
      : `存在缺口 ${duty.gaps.length} 处：${duty.gaps.slice(0, 5).join('；')}${duty.gaps.length > 5 ? '等' : ''}。`;
  return (
    `${noun}共有值班日 ${duty.days} 天${upcoming}，${rostered}，值班记录 ${duty.logs} 份，${handOver}；` +
    `接听电话 ${duty.calls} 个，处理事件 ${duty.events} 件。${gaps}`
  );
}

export function onSiteSentence(noun: string, rows: readonly OnSiteRow[], profile: ContractProfile): string {
  if (rows.length === 0) return '所选运维子项没有现场服务工作日要求，也没有现场服务记录。';
  return rows
    .map((row) => {
      const year =
        row.year.required === null
          ? `年度累计 ${row.year.done} 个工作日`
          : row.year.met
            ? `年度累计 ${row.year.done} 个工作日，已达到合同要求的 ${row.year.required} 个`
            : `年度${row.year.reason}`;
      return `${subsystemName(profile, row.subsystemId)}${noun}现场服务 ${row.inPeriod} 个工作日，${year}。`;
    })
    .join('');
}

export function trainingSentence(noun: string, figures: TrainingFigures): string {
  const held =
    figures.held === 0
      ? `${noun}未开展培训。`
      : `${noun}开展培训 ${figures.held} 次，参训 ${figures.attendees} 人次，其中符合合同培训要求 ${figures.met} 次` +
        `${figures.notMet > 0 ? `，未达要求 ${figures.notMet} 次` : ''}` +
        `${figures.held - figures.met - figures.notMet > 0 ? `，合同要求以外 ${figures.held - figures.met - figures.notMet} 次` : ''}。`;
  const counted = figures.progress.filter((row) => row.owed !== null);
  if (counted.length === 0) return `${held}所选运维子项没有按次数约定的培训要求。`;
  const owed = counted.reduce((sum, row) => sum + (row.owed ?? 0), 0);
  const done = counted.reduce((sum, row) => sum + Math.min(row.done, row.owed ?? 0), 0);
  const remaining = counted.reduce((sum, row) => sum + (row.remaining ?? 0), 0);
  return (
    `${held}${figures.yearLabel}合同约定培训 ${owed} 次，截至本期末已完成 ${done} 次` +
    `${remaining > 0 ? `，尚欠 ${remaining} 次` : '，均已完成'}。`
  );
}

export function visitSentence(noun: string, figures: VisitFigures): string {
  if (!figures.applies) return '所选运维子项不含公文系统，没有回访要求。';
  const count =
    figures.visits.length === 0
      ? `${noun}未开展回访`
      : `${noun}回访 ${figures.visits.length} 次，走访单位 ${figures.unitsVisited} 个（共 ${figures.units} 个）`;
  const cover = `按月应回访 ${figures.unitMonths} 个单位·月，已回访 ${figures.unitMonthsVisited} 个`;
  const { satisfied, basically_satisfied: basically, dissatisfied } = figures.satisfaction;
  const rated = satisfied + basically + dissatisfied;
  const satisfaction =
    rated === 0
      ? '未收到满意度评价'
      : `收到满意度评价 ${rated} 条，其中满意 ${satisfied} 条、基本满意 ${basically} 条、不满意 ${dissatisfied} 条，满意率 ${formatRate(figures.satisfactionRate)}`;
  return `${count}；${cover}；${satisfaction}。`;
}

// ---- tables ----

export const DUTY_LEDGER_COLUMNS: readonly ReportColumn[] = [
  { header: '序号', width: 4, align: 'center' },
  { header: '日期', width: 7, align: 'center' },
  { header: '值班范围', width: 6 },
  { header: '值班原因', width: 6 },
  { header: '值班人员', width: 8 },
  { header: '接听电话', width: 4, align: 'right' },
  { header: '处理事件', width: 16 },
  { header: '交接', width: 12 },
  { header: '签收', width: 9, align: 'center' },
  { header: '状态', width: 6, align: 'center' },
  { header: '交接事项', width: 16 },
  { header: '值班备注', width: 16 },
];

/** One row per duty day and scope: who, calls, events, hand-over and sign-off. */
export function dutyLedger(duty: DutyFigures, profile: ContractProfile): Ledger {
  const rows = duty.rows.map((row, index) => {
    const people = row.status.people.length > 0 ? row.status.people : row.logs.map((log) => log.onDuty);
    const events = row.logs.flatMap((log) => log.events.map((event) => event.summary));
    return [
      String(index + 1),
      row.status.date,
      dutyScopeName(profile, row.status.subsystemId),
      dutyDayKind(row.day),
      [...new Set(people)].join('、'),
      String(row.logs.reduce((sum, log) => sum + log.callsReceived, 0)),
      events.length === 0 ? (row.logs.length === 0 ? '' : '无') : events.join('；'),
      row.logs
        .map((log) =>
          log.handOverTo === null
            ? `${log.onDuty} 未交接`
            : `${log.onDuty} 交 ${log.handOverTo}（${formatDateTime(log.handedOverAt)}）`,
        )
        .join('；'),
      row.logs
        .map((log) => (log.signedOffAt === null ? '未签收' : formatDateTime(log.signedOffAt)))
        .join('；'),
      DUTY_DAY_STATE_LABELS[row.status.state],
      row.logs
        .map((log) => log.handOverNote)
        .filter((note) => note !== '')
        .join('；'),
      row.logs
        .map((log) => log.notes)
        .filter((note) => note !== '')
        .join('；'),
    ];
  });
  return {
    title: '值班记录台账',
    columns: DUTY_LEDGER_COLUMNS,
    rows,
    emptyText: '所选期间没有值班日。',
  };
}

export const TRAINING_LEDGER_COLUMNS: readonly ReportColumn[] = [
  { header: '序号', width: 4, align: 'center' },
  { header: '运维子项', width: 8 },
  { header: '培训时间', width: 10, align: 'center' },
  { header: '时长', width: 6, align: 'center' },
  { header: '培训主题', width: 16 },
  { header: '对应合同要求', width: 12 },
  { header: '培训方式', width: 4, align: 'center' },
  { header: '培训地点', width: 10 },
  { header: '讲师', width: 10 },
  { header: '参训人数', width: 4, align: 'right' },
  { header: '满意度', width: 5, align: 'right' },
  { header: '核对结果', width: 20 },
];

export function trainingLedger(figures: TrainingFigures, profile: ContractProfile): Ledger {
  const rows = figures.rows.map(({ training, requirementTopic, check }, index) => [
    String(index + 1),
    subsystemName(profile, training.subsystemId),
    formatDateTime(training.startAt),
    formatDuration(training.durationMinutes * 60_000),
    training.topic,
    requirementTopic ?? '合同要求以外',
    TRAINING_DELIVERY_LABELS[training.delivery],
    training.place,
    training.trainers.map((trainer) => trainer.name).join('、'),
    String(
      training.attendance.kind === 'list' ? training.attendance.attendees.length : training.attendance.count,
    ),
    training.satisfaction === null ? '' : String(training.satisfaction.score),
    check === null ? '不计入合同要求' : check.met ? '符合要求' : check.reasons.join('；'),
  ]);
  return {
    title: '培训记录台账',
    columns: TRAINING_LEDGER_COLUMNS,
    rows,
    emptyText: '所选期间和范围内没有培训记录。',
  };
}

/** Each requirement of the contract year: owed, done (meeting it), held not meeting it, still owed. */
export function trainingProgressTable(figures: TrainingFigures, profile: ContractProfile): ReportTable {
  return {
    kind: 'table',
    caption: `${figures.yearLabel}培训要求完成情况`,
    columns: [
      { header: '运维子项', width: 7 },
      { header: '培训要求', width: 14 },
      { header: '应开展', width: 4, align: 'right' },
      { header: '已完成', width: 4, align: 'right' },
      { header: '未达要求', width: 4, align: 'right' },
      { header: '尚欠', width: 4, align: 'right' },
    ],
    rows: figures.progress.map((row) => [
      subsystemName(profile, row.subsystemId),
      row.topic,
      row.owed === null ? '按需' : String(row.owed),
      String(row.done),
      String(row.notMet),
      row.remaining === null ? '—' : String(row.remaining),
    ]),
    emptyText: '所选运维子项没有合同约定的培训要求。',
  };
}

export const VISIT_LEDGER_COLUMNS: readonly ReportColumn[] = [
  { header: '序号', width: 4, align: 'center' },
  { header: '回访日期', width: 7, align: 'center' },
  { header: '回访人', width: 6 },
  { header: '走访单位', width: 16 },
  { header: '接待人员', width: 12 },
  { header: '满意度', width: 16 },
  { header: '关联工单数', width: 5, align: 'right' },
  { header: '服务提升建议', width: 20 },
];

export function visitLedger(figures: VisitFigures, profile: ContractProfile): Ledger {
  const units = new Map((profile.documentSystem?.units ?? []).map((unit) => [unit.id, unit.name]));
  const unitName = (id: number) => units.get(id) ?? `单位 ${id}`;
  const rows = figures.visits.map((visit, index) => [
    String(index + 1),
    visit.date,
    visit.visitor,
    visit.unitIds.map(unitName).join('、'),
    visit.peopleMet.map((person) => person.name).join('、'),
    visit.satisfaction
      .map((entry) => `${unitName(entry.unitId)}：${VISIT_SATISFACTION_LABELS[entry.level]}`)
      .join('；'),
    String(visit.ticketIds.length),
    visit.suggestions,
  ]);
  return {
    title: '回访记录台账',
    columns: VISIT_LEDGER_COLUMNS,
    rows,
    emptyText: figures.applies ? '所选期间没有回访记录。' : '所选运维子项不含公文系统，没有回访记录。',
  };
}

/** Units × months: visited (how often), due this month, missed, or still to come. */
export function visitCoverageTable(figures: VisitFigures): ReportTable {
  const coverage = figures.coverage;
  const months = coverage?.months ?? [];
  return {
    kind: 'table',
    caption: '各单位回访覆盖情况',
    columns: [
      { header: '单位', width: 12 },
      ...months.map((month) => ({
        header: `${Number(month.slice(5, 7))}月`,
        width: 5,
        align: 'center' as const,
      })),
    ],
    rows: (coverage?.rows ?? []).map((row) => [
      row.unitName,
      ...row.cells.map((cell) =>
        cell.state === 'visited' && cell.visits > 1
          ? `${COVERAGE_STATE_LABELS.visited}（${cell.visits} 次）`
          : COVERAGE_STATE_LABELS[cell.state],
      ),
    ]),
    emptyText: '所选运维子项不含公文系统，没有回访要求。',
  };
}

export function onSiteTable(rows: readonly OnSiteRow[], profile: ContractProfile, noun: string): ReportTable {
  return {
    kind: 'table',
    caption: '现场服务工作日',
    columns: [
      { header: '运维子项', width: 8 },
      { header: `${noun}工作日`, width: 5, align: 'right' },
      { header: '年度累计', width: 5, align: 'right' },
      { header: '年度要求', width: 5, align: 'right' },
      { header: '情况', width: 16 },
    ],
    rows: rows.map((row) => [
      subsystemName(profile, row.subsystemId),
      String(row.inPeriod),
      String(row.year.done),
      row.year.required === null ? '—' : `≥ ${row.year.required}`,
      row.year.required === null ? '无年度要求' : row.year.met ? '已达到' : row.year.reason,
    ]),
    emptyText: '所选运维子项没有现场服务记录。',
  };
}

/** The failed checks of the period's trainings, each with its reasons. */
export function trainingGapsBlocks(figures: TrainingFigures, profile: ContractProfile): ReportBlock[] {
  const failing = figures.rows.filter((row) => row.check?.met === false);
  if (failing.length === 0) return [paragraph('所选期间的培训均符合合同要求，或不计入合同要求。')];
  return failing.map(({ training, check }) =>
    paragraph(
      `${subsystemName(profile, training.subsystemId)}“${training.topic}”（${formatDateTime(training.startAt)}）：${(check?.reasons ?? []).join('；')}。`,
    ),
  );
}

/**
 * The engineers' remarks (月报说明) of a month on one section of the monthly report, after the sentences
 * the report generates: one paragraph per line they wrote, by subsystem in order; in a report of more
 * than one subsystem each subsystem's first line names it. Deleted remarks and blank lines say nothing.
 */
export function remarkBlocks(
  remarks: readonly ReportRemark[],
  month: string,
  scope: ReportScope,
  section: ReportRemarkSection,
  profile: ContractProfile,
): ReportBlock[] {
  const several = scope.subsystemIds.length !== 1;
  return remarks
    .filter((remark) => !remark.deleted && remark.month === month && inScope(scope, remark.subsystemId))
    .sort((a, b) => a.subsystemId - b.subsystemId || a.id.localeCompare(b.id))
    .flatMap((remark) =>
      remark[section]
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line, index) =>
          paragraph(several && index === 0 ? `${subsystemName(profile, remark.subsystemId)}：${line}` : line),
        ),
    );
}

import type { InspectionRun, InspectionTemplate, Ticket } from '@core/records';
import type { YunweiDatabase } from '../../store';
import { withProfileDefaults } from './profile-templates';

/** Every version of every template (a few dozen rows at most), with the profile's where none is stored. */
export async function readTemplates(
  db: YunweiDatabase,
  defaults: readonly InspectionTemplate[],
): Promise<InspectionTemplate[]> {
  const stored = (await db.inspectionTemplates.toArray()).map((row) => row.record);
  return withProfileDefaults(stored, defaults);
}

/** One version: the stored record, or the profile's version 1 when that was never saved. */
export async function readTemplateVersion(
  db: YunweiDatabase,
  templateId: string,
  version: number,
  defaults: readonly InspectionTemplate[],
): Promise<InspectionTemplate | undefined> {
  const stored = (await db.inspectionTemplates.get(`${templateId}@${version}`))?.record;
  return (
    stored ?? defaults.find((template) => template.templateId === templateId && template.version === version)
  );
}

/**
 * The runs a month view needs: those filed under the month's slots (`YYYY-MM` and `YYYY-MM-DD` keys
 * sort together under the month) and unscheduled ones, per template, through the
 * `[templateId+slotKey]` index, so a year of runs is never read to draw one month.
 */
export async function readRunsOfMonth(
  db: YunweiDatabase,
  templateIds: readonly string[],
  month: string,
): Promise<InspectionRun[]> {
  const perTemplate = await Promise.all(
    templateIds.map(async (templateId) => {
      const [ofMonth, unscheduled] = await Promise.all([
        db.inspectionRuns
          .where('[templateId+slotKey]')
          .between([templateId, month], [templateId, `${month}\uffff`], true, true)
          .toArray(),
        db.inspectionRuns.where('[templateId+slotKey]').equals([templateId, '']).toArray(),
      ]);
      return [...ofMonth, ...unscheduled];
    }),
  );
  return perTemplate.flat().map((row) => row.record);
}

/** The latest runs, newest first, for the list of records. */
export async function readRecentRuns(db: YunweiDatabase, limit: number): Promise<InspectionRun[]> {
  const rows = await db.inspectionRuns.orderBy('startedAt').reverse().limit(limit).toArray();
  return rows.map((row) => row.record).filter((run) => !run.deleted);
}

export async function readRun(db: YunweiDatabase, runId: string): Promise<InspectionRun | undefined> {
  return (await db.inspectionRuns.get(runId))?.record;
}

/** The tickets the run's results opened, by id; a missing id maps to undefined. */
export async function readTickets(
  db: YunweiDatabase,
  ticketIds: readonly string[],
): Promise<ReadonlyMap<string, Ticket | undefined>> {
  const rows = await db.tickets.bulkGet([...ticketIds]);
  return new Map(ticketIds.map((id, index) => [id, rows[index]?.record]));
}

import type { ContractProfile } from '@core/profile';
import { newTemplate, type InspectionRun, type InspectionTemplate, type Ticket } from '@core/records';
import { saveRecord, type YunweiDatabase } from '../../store';
import {
  missingTemplateContents,
  profileTemplateContents,
  seededTemplateRecordId,
} from './profile-templates';

/** Every version of every template (a few dozen rows at most). */
export async function readTemplates(db: YunweiDatabase): Promise<InspectionTemplate[]> {
  return (await db.inspectionTemplates.toArray()).map((row) => row.record);
}

export async function readTemplateVersion(
  db: YunweiDatabase,
  templateId: string,
  version: number,
): Promise<InspectionTemplate | undefined> {
  return (await db.inspectionTemplates.get(`${templateId}@${version}`))?.record;
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

/**
 * Saves version 1 of every checklist of the profile this database does not have yet, and returns how
 * many it saved. A Web Lock keeps two windows of the same user from seeding at once; seeded records
 * get ids derived from the profile, so two PCs seeding offline create the same records.
 */
export async function seedProfileTemplates(
  db: YunweiDatabase,
  profile: ContractProfile,
  actor: string,
  now: () => number,
): Promise<number> {
  return navigator.locks.request(`yunwei-inspection-seed:${db.name}`, async () => {
    const stored = new Set((await db.inspectionTemplates.toArray()).map((row) => row.templateId));
    const missing = missingTemplateContents(profileTemplateContents(profile), stored);
    for (const content of missing) {
      const at = now();
      const made = newTemplate(content, {
        actor,
        at,
        id: await seededTemplateRecordId(profile.profileId, content.templateId),
      });
      if (!made.ok) throw new Error(`合同档案中的巡检模板 ${content.templateId} 无法生成：${made.reason}`);
      await saveRecord(db, {
        recordType: 'inspectionTemplate',
        before: null,
        after: made.template,
        actor,
        at,
      });
    }
    return missing.length;
  });
}

import type { InspectionLink } from '@core/records';
import { useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../store';
import { readTemplateVersion } from '../inspections/inspection-data';
import { useProfileDefaultTemplates } from '../inspections/use-inspection-data';

export interface InspectionOrigin {
  /** The checklist the run was filled against, e.g. "门户网站功能测试巡检（每日 8:30 前）". */
  readonly templateName: string;
  /** The item that failed, e.g. "门户网站页面正常显示、无空白". */
  readonly itemLabel: string;
}

/**
 * What the inspection that opened a ticket was, in words: the run's template (the version it used) and
 * the failed item. Null when this PC does not hold that run or template (not synced yet).
 */
export function useInspectionOrigin(link: InspectionLink | null) {
  const db = useDatabase();
  // A shipped template's first version lives in the profile, not in the database, until someone edits it.
  const defaults = useProfileDefaultTemplates();
  return useQuery({
    queryKey: ['inspectionRuns', 'origin', db.name, link?.runId, link?.itemId, defaults.key],
    enabled: link !== null && defaults.data !== undefined,
    queryFn: async (): Promise<InspectionOrigin | null> => {
      if (link === null) return null;
      const run = (await db.inspectionRuns.get(link.runId))?.record;
      if (run === undefined) return null;
      const template = await readTemplateVersion(
        db,
        run.templateId,
        run.templateVersion,
        defaults.data ?? [],
      );
      if (template === undefined) return null;
      const item = template.items.find((candidate) => candidate.id === link.itemId);
      return { templateName: template.name, itemLabel: item?.label ?? '模板中已没有的检查项' };
    },
  });
}

import { useQuery } from '@tanstack/react-query';
import { loadDefaultProfile, type ContractProfile } from '@core/profile';
import type { InspectionTemplate } from '@core/records';
import { useCurrentUser, useDatabase } from '../../store';
import {
  readRecentRuns,
  readRun,
  readRunsOfMonth,
  readTemplates,
  readTemplateVersion,
  readTickets,
  seedProfileTemplates,
} from './inspection-data';
import { latestVersions, templatesInUseSince } from './template-versions';

/**
 * The contract profile in force (the shipped one until sync brings HQ's). A query, so a profile that
 * fails validation shows its reason on the page instead of breaking it.
 */
export function useInspectionProfile() {
  return useQuery<ContractProfile>({
    queryKey: ['contract-profile', 'full'],
    queryFn: () => loadDefaultProfile(),
  });
}

export interface TemplateCatalogue {
  /** Every saved version. */
  readonly all: readonly InspectionTemplate[];
  /** The version in force of each template, by subsystem. */
  readonly latest: readonly InspectionTemplate[];
  /** When each template came into use (its first version's save). */
  readonly inUseSince: ReadonlyMap<string, number>;
}

/**
 * The templates of this user's database, after saving version 1 of any checklist of the profile that
 * is not there yet (first use, or a profile that gained a checklist).
 */
export function useTemplateCatalogue() {
  const db = useDatabase();
  const user = useCurrentUser();
  const profile = useInspectionProfile();
  const seeded = useQuery({
    // Not under 'inspectionTemplates': a template save must not re-run the seeding.
    queryKey: ['inspection-seed', db.name, profile.data?.profileId],
    queryFn: () => seedProfileTemplates(db, profile.data as ContractProfile, user.id, Date.now),
    enabled: profile.isSuccess,
  });
  const templates = useQuery<TemplateCatalogue>({
    queryKey: ['inspectionTemplates', db.name, 'catalogue'],
    queryFn: async () => {
      const all = await readTemplates(db);
      return { all, latest: latestVersions(all), inUseSince: templatesInUseSince(all) };
    },
    enabled: seeded.isSuccess,
  });
  const error = profile.error ?? seeded.error ?? templates.error;
  return { data: templates.data, error, isPending: templates.data === undefined && error === null };
}

export function useMonthRuns(templateIds: readonly string[], month: string) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['inspectionRuns', db.name, 'month', month, templateIds.join(',')],
    queryFn: () => readRunsOfMonth(db, templateIds, month),
  });
}

export const RECENT_RUN_LIMIT = 200;

export function useRecentRuns() {
  const db = useDatabase();
  return useQuery({
    queryKey: ['inspectionRuns', db.name, 'recent', RECENT_RUN_LIMIT],
    queryFn: () => readRecentRuns(db, RECENT_RUN_LIMIT),
  });
}

export function useRun(runId: string) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['inspectionRuns', db.name, 'detail', runId],
    queryFn: async () => (await readRun(db, runId)) ?? null,
  });
}

export function useTemplateVersion(templateId: string | undefined, version: number | undefined) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['inspectionTemplates', db.name, 'version', templateId, version],
    queryFn: async () => (await readTemplateVersion(db, templateId as string, version as number)) ?? null,
    enabled: templateId !== undefined && version !== undefined,
  });
}

export function useLinkedTickets(ticketIds: readonly string[]) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['tickets', db.name, 'linked', ticketIds.join(',')],
    queryFn: () => readTickets(db, ticketIds),
  });
}

import { useQuery } from '@tanstack/react-query';
import { loadDefaultProfile, type ContractProfile } from '@core/profile';
import type { InspectionTemplate } from '@core/records';
import { useMemo } from 'react';
import { useDatabase } from '../../store';
import { useWritableSubsystems } from '../session';
import {
  readRecentRuns,
  readRun,
  readRunsOfMonth,
  readTemplates,
  readTemplateVersion,
  readTickets,
} from './inspection-data';
import { profileDefaultTemplates, profileTemplatesSince } from './profile-templates';
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

/** The profile's version 1 of every checklist, shown (never saved) where the store has none. */
export function useProfileDefaultTemplates() {
  const db = useDatabase();
  const profile = useInspectionProfile();
  const defaults = useQuery({
    queryKey: ['inspection-profile-defaults', db.name, profile.data?.profileId, profile.data?.profileVersion],
    queryFn: () =>
      profileDefaultTemplates(
        profile.data as ContractProfile,
        profileTemplatesSince(localStorage, db.name, Date.now()),
      ),
    enabled: profile.isSuccess,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const key = `${profile.data?.profileId ?? ''}@${profile.data?.profileVersion ?? ''}`;
  return { data: defaults.data, error: profile.error ?? defaults.error, key };
}

export interface TemplateCatalogue {
  /** Every version: saved ones and the profile's. */
  readonly all: readonly InspectionTemplate[];
  /** The version in force of each template, by subsystem. */
  readonly latest: readonly InspectionTemplate[];
  /** Of `latest`, those this user may run (their own subsystems'). */
  readonly runnable: readonly InspectionTemplate[];
  /** Why the user may run none; null when they may run some. */
  readonly notRunnable: string | null;
  /** When each template came into use (its first version's save). */
  readonly inUseSince: ReadonlyMap<string, number>;
}

/**
 * The templates of this user's database with the profile's where none is stored. Nothing is written:
 * opening 巡检 leaves nothing to sync.
 */
export function useTemplateCatalogue() {
  const db = useDatabase();
  const profile = useInspectionProfile();
  const defaults = useProfileDefaultTemplates();
  const contractSubsystemIds = useMemo(
    () => profile.data?.subsystems.map((subsystem) => subsystem.id) ?? [],
    [profile.data],
  );
  const writable = useWritableSubsystems('inspection_run', contractSubsystemIds);
  const templates = useQuery({
    queryKey: ['inspectionTemplates', db.name, 'catalogue', defaults.key],
    queryFn: async () => {
      const all = await readTemplates(db, defaults.data ?? []);
      return { all, latest: latestVersions(all), inUseSince: templatesInUseSince(all) };
    },
    enabled: defaults.data !== undefined,
  });
  const data = useMemo<TemplateCatalogue | undefined>(
    () =>
      templates.data === undefined
        ? undefined
        : {
            ...templates.data,
            runnable: templates.data.latest.filter((template) =>
              writable.subsystemIds.includes(template.subsystemId),
            ),
            notRunnable: writable.reason,
          },
    [templates.data, writable],
  );
  const error = defaults.error ?? templates.error;
  return { data, error, isPending: data === undefined && error === null };
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
  const defaults = useProfileDefaultTemplates();
  const template = useQuery({
    queryKey: ['inspectionTemplates', db.name, 'version', templateId, version, defaults.key],
    queryFn: async () =>
      (await readTemplateVersion(db, templateId as string, version as number, defaults.data ?? [])) ?? null,
    enabled: templateId !== undefined && version !== undefined && defaults.data !== undefined,
  });
  return { data: template.data, error: defaults.error ?? template.error };
}

export function useLinkedTickets(ticketIds: readonly string[]) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['tickets', db.name, 'linked', ticketIds.join(',')],
    queryFn: () => readTickets(db, ticketIds),
  });
}

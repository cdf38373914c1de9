import {
  finishRun,
  recordResult,
  startRun,
  type InspectionRun,
  type InspectionTemplate,
  type InspectionValue,
  type ResultInput,
  type Ticket,
} from '@core/records';
import { useCallback, useRef } from 'react';
import { putBlob, useCurrentUser, useDatabase, useSaveRecord } from '../../store';
import { readRun, readTemplateVersion } from './inspection-data';
import { latestOpenRun } from './inspection-slots';
import { useProfileDefaultTemplates } from './use-inspection-data';
import { rebuildLinkedTicket, ticketFromFailedItem } from './ticket-from-item';

/** A domain refusal (core's Chinese reason), shown to the user as is. */
export class RunRefusedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RunRefusedError';
  }
}

/**
 * Starts a run of the template's current version for a slot, or returns the run already under way
 * for that slot (one slot, one run: a second click continues instead of starting over).
 */
export function useStartRun() {
  const db = useDatabase();
  const user = useCurrentUser();
  const save = useSaveRecord();
  return useCallback(
    async (template: InspectionTemplate, slotKey: string | null): Promise<InspectionRun> => {
      const rows = await db.inspectionRuns
        .where('[templateId+slotKey]')
        .equals([template.templateId, slotKey ?? ''])
        .toArray();
      const open = latestOpenRun(
        rows.map((row) => row.record),
        slotKey,
      );
      if (open !== undefined) return open;
      const started = startRun(template, { actor: user.id, at: Date.now(), scheduledFor: slotKey });
      if (!started.ok) throw new RunRefusedError(started.reason);
      const saved = await save.mutateAsync({ recordType: 'inspectionRun', before: null, after: started.run });
      return saved.record as InspectionRun;
    },
    [db, user.id, save],
  );
}

/**
 * The edits of one run. Each edit reads the run as stored, applies core's action to it and saves,
 * one after another: two quick edits never race, and an edit made in another window is built upon
 * instead of overwritten.
 */
export function useRunActions(runId: string) {
  const db = useDatabase();
  const user = useCurrentUser();
  const save = useSaveRecord();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const defaults = useProfileDefaultTemplates().data;

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const loadFresh = useCallback(async (): Promise<{ run: InspectionRun; template: InspectionTemplate }> => {
    const run = await readRun(db, runId);
    if (run === undefined) throw new RunRefusedError('本地数据库中找不到这次巡检，可能已被重置');
    const template = await readTemplateVersion(db, run.templateId, run.templateVersion, defaults ?? []);
    if (template === undefined) {
      throw new RunRefusedError(
        `本机没有这次巡检使用的巡检模板（第 ${run.templateVersion} 版，可能尚未同步），无法修改这次巡检`,
      );
    }
    return { run, template };
  }, [db, runId, defaults]);

  const saveRun = useCallback(
    async (before: InspectionRun, after: InspectionRun): Promise<void> => {
      await save.mutateAsync({ recordType: 'inspectionRun', before, after });
    },
    [save],
  );

  const recordValue = useCallback(
    (itemId: string, value: InspectionValue, input: ResultInput = {}) =>
      enqueue(async () => {
        const { run, template } = await loadFresh();
        if (run.finishedAt !== null) throw new RunRefusedError('这次巡检已经完成，结果不能再修改');
        const recorded = recordResult(run, template, itemId, value, input);
        if (!recorded.ok) throw new RunRefusedError(recorded.reason);
        await saveRun(run, recorded.run);
      }),
    [enqueue, loadFresh, saveRun],
  );

  /** The note of an item that has a value (a note belongs to its result). */
  const recordNote = useCallback(
    (itemId: string, note: string) =>
      enqueue(async () => {
        const { run, template } = await loadFresh();
        if (run.finishedAt !== null) throw new RunRefusedError('这次巡检已经完成，备注不能再修改');
        const result = run.results.find((candidate) => candidate.itemId === itemId);
        if (result === undefined) throw new RunRefusedError('请先填写这一项的结果，再写备注');
        const recorded = recordResult(run, template, itemId, result.value, { note });
        if (!recorded.ok) throw new RunRefusedError(recorded.reason);
        await saveRun(run, recorded.run);
      }),
    [enqueue, loadFresh, saveRun],
  );

  /** A photo item's picture: stored by SHA-256, its hash becomes the item's value. */
  const recordPhoto = useCallback(
    async (itemId: string, file: Blob, name: string) => {
      const attachment = await putBlob(db, file, name);
      await recordValue(itemId, attachment.sha256);
    },
    [db, recordValue],
  );

  const finish = useCallback(
    () =>
      enqueue(async () => {
        const { run, template } = await loadFresh();
        const finished = finishRun(run, template, Date.now());
        if (!finished.ok) throw new RunRefusedError(finished.reason);
        await saveRun(run, finished.run);
      }),
    [enqueue, loadFresh, saveRun],
  );

  /**
   * “生成工单”: the run's link is saved first, then the ticket with the id the link names. Should the
   * page die between the two saves, the run page sees a link to a ticket that does not exist and
   * offers `rebuildTicket`, so no ticket is ever orphaned or opened twice.
   */
  const openTicket = useCallback(
    (itemId: string): Promise<Ticket> =>
      enqueue(async () => {
        const { run, template } = await loadFresh();
        const made = ticketFromFailedItem(run, template, itemId, { actor: user.id, at: Date.now() });
        if (!made.ok) throw new RunRefusedError(made.reason);
        await saveRun(run, made.run);
        await save.mutateAsync({ recordType: 'ticket', before: null, after: made.ticket });
        return made.ticket;
      }),
    [enqueue, loadFresh, saveRun, save, user.id],
  );

  const rebuildTicket = useCallback(
    (itemId: string): Promise<Ticket> =>
      enqueue(async () => {
        const { run, template } = await loadFresh();
        const made = rebuildLinkedTicket(run, template, itemId, { actor: user.id, at: Date.now() });
        if (!made.ok) throw new RunRefusedError(made.reason);
        await save.mutateAsync({ recordType: 'ticket', before: null, after: made.ticket });
        return made.ticket;
      }),
    [enqueue, loadFresh, save, user.id],
  );

  return { recordValue, recordNote, recordPhoto, finish, openTicket, rebuildTicket };
}

import type { Page } from '@playwright/test';

/**
 * The store as the crash test drives it: through `window.__yunweiBench` of a bench-mode build
 * (renderer/src/app/bench/bench-hook.ts), which calls the real openUserDatabase and saveRecord.
 * Types are declared here structurally: e2e does not import the renderer.
 */
export interface SaveAck {
  readonly ticketId: string;
  /** The edit's number in its ticket's chain (0 = the save that created it). */
  readonly edit: number;
  readonly title: string;
}

export interface StoredTicket {
  readonly id: string;
  readonly record: Record<string, unknown> & { readonly title: string };
  readonly tokens: readonly string[];
}

export interface StoredSearchRow {
  readonly id: string;
  readonly tokens: readonly string[];
}

export interface StoredHistory {
  readonly recordType: string;
  readonly recordId: string;
  readonly field: string;
  readonly newValue: unknown;
  readonly hlc: string;
}

export interface StoredOp {
  readonly recordType: string;
  readonly recordId: string;
  readonly fields: readonly { readonly field: string; readonly value: unknown; readonly hlc: string }[];
}

export interface StoreSnapshot {
  readonly tickets: readonly StoredTicket[];
  readonly search: readonly StoredSearchRow[];
  readonly history: readonly StoredHistory[];
  readonly outbox: readonly StoredOp[];
}

interface HookDatabase {
  readonly tickets: { toArray(): Promise<StoredTicket[]> };
  readonly ticketSearch: { toArray(): Promise<StoredSearchRow[]> };
  readonly history: { toArray(): Promise<StoredHistory[]> };
  readonly outbox: { toArray(): Promise<StoredOp[]> };
  close(): void;
}

type Refusable<T> = { ok: true; ticket: T } | { ok: false; reason: string };

interface HookTicket {
  readonly id: string;
  readonly title: string;
}

interface StoreHook {
  signIn(name: string): Promise<void>;
  openUserDatabase(userId: string): Promise<HookDatabase>;
  newTicket(draft: object, context: { actor: string; at: number }): Refusable<HookTicket>;
  editTicket(ticket: HookTicket, patch: object): Refusable<HookTicket>;
  saveRecord(
    db: HookDatabase,
    input: { recordType: 'ticket'; before: HookTicket | null; after: HookTicket; actor: string; at: number },
  ): Promise<{ record: HookTicket }>;
}

interface HookWindow {
  __yunweiBench?: StoreHook;
  __ackSave?: (ack: SaveAck) => Promise<void>;
}

export class StoreHookPage {
  constructor(readonly page: Page) {}

  async open(url: string, user: string): Promise<void> {
    await this.page.goto(`${url}/`);
    await this.page.waitForFunction(() => (window as unknown as HookWindow).__yunweiBench !== undefined);
    await this.page.evaluate((name) => (window as unknown as HookWindow).__yunweiBench?.signIn(name), user);
  }

  /**
   * Starts `tickets` chains of saves (a create, then `edits` title edits each, every one awaited before
   * the next of its chain; the chains run side by side) and reports each resolved save through
   * `window.__ackSave`. Resolves with 'finished', or with the reason the page stopped it.
   */
  startBurst(user: string, tickets: number, edits: number): Promise<string> {
    return this.page
      .evaluate(
        async ({ user, tickets, edits }) => {
          const target = window as unknown as HookWindow;
          const hook = target.__yunweiBench;
          const ack = target.__ackSave;
          if (hook === undefined || ack === undefined)
            throw new Error('页面中没有 __yunweiBench 或 __ackSave');
          const db = await hook.openUserDatabase(user);
          const chain = async (chainIndex: number) => {
            const draft = {
              subsystemId: (chainIndex % 13) + 1,
              channel: 'phone',
              reporter: { unit: '省人社厅办公室', person: '王老师', phone: '0851-86812345' },
              category: 'fault',
              severity: 'ordinary',
              title: `崩溃测试 ${chainIndex} 第 0 次`,
              receivedAt: Date.now() - 60_000,
            };
            const created = hook.newTicket(draft, { actor: user, at: Date.now() });
            if (!created.ok) throw new Error(created.reason);
            let current = (
              await hook.saveRecord(db, {
                recordType: 'ticket',
                before: null,
                after: created.ticket,
                actor: user,
                at: Date.now(),
              })
            ).record;
            void ack({ ticketId: current.id, edit: 0, title: current.title });
            for (let edit = 1; edit <= edits; edit += 1) {
              const edited = hook.editTicket(current, {
                title: `崩溃测试 ${chainIndex} 第 ${edit} 次`,
                description: '现场记录'.repeat(edit * 20),
              });
              if (!edited.ok) throw new Error(edited.reason);
              current = (
                await hook.saveRecord(db, {
                  recordType: 'ticket',
                  before: current,
                  after: edited.ticket,
                  actor: user,
                  at: Date.now(),
                })
              ).record;
              void ack({ ticketId: current.id, edit, title: current.title });
            }
          };
          await Promise.all(Array.from({ length: tickets }, (_, index) => chain(index)));
          db.close();
        },
        { user, tickets, edits },
      )
      .then(
        () => 'finished',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
  }

  /** Every ticket row, history row and outbox op of the user's database. */
  snapshot(user: string): Promise<StoreSnapshot> {
    return this.page.evaluate(async (name) => {
      const hook = (window as unknown as HookWindow).__yunweiBench;
      if (hook === undefined) throw new Error('页面中没有 __yunweiBench');
      const db = await hook.openUserDatabase(name);
      const [tickets, search, history, outbox] = await Promise.all([
        db.tickets.toArray(),
        db.ticketSearch.toArray(),
        db.history.toArray(),
        db.outbox.toArray(),
      ]);
      db.close();
      return {
        tickets: tickets.map((row) => ({ id: row.id, record: row.record, tokens: row.tokens })),
        search: search.map((row) => ({ id: row.id, tokens: row.tokens })),
        history: history.map((row) => ({
          recordType: row.recordType,
          recordId: row.recordId,
          field: row.field,
          newValue: row.newValue,
          hlc: row.hlc,
        })),
        outbox: outbox.map((op) => ({ recordType: op.recordType, recordId: op.recordId, fields: op.fields })),
      };
    }, user);
  }
}

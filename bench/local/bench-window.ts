/**
 * The page-side hook as the bench sees it (renderer/src/app/bench/bench-hook.ts installs it in a
 * bench-mode build). Declared here structurally: bench code does not import the renderer.
 */
export interface SeedResult {
  readonly tickets: number;
  readonly historyRows: number;
  readonly detailTicketId: string;
  readonly seedMs: number;
}

/** An open store database; the bench only passes it back to the hook. */
export interface BenchDatabase {
  close(): void;
}

export interface BenchHook {
  signIn(name: string): Promise<void>;
  openUserDatabase(userId: string): Promise<BenchDatabase>;
  /** The seed already in the database (a kept profile), or null when it must be seeded. */
  findSeed(
    db: BenchDatabase,
    tickets: number,
    historyRows: number,
    detailHistoryRows: number,
  ): Promise<SeedResult | null>;
  seedStore(
    db: BenchDatabase,
    options: { tickets: number; historyRows: number; detailHistoryRows: number; now: number; actor: string },
  ): Promise<SeedResult>;
  timeSaves(db: BenchDatabase, count: number, actor: string): Promise<number[]>;
  timeRawPuts(db: BenchDatabase, count: number, actor: string): Promise<number[]>;
  timeListFirstPage(db: BenchDatabase, runs: number): Promise<number[]>;
  timeSearch(db: BenchDatabase, text: string, runs: number): Promise<number[]>;
  timeDetail(
    db: BenchDatabase,
    ticketId: string,
    runs: number,
  ): Promise<{ durations: number[]; historyRows: number }>;
}

export interface BenchWindow {
  __yunweiBench?: BenchHook;
  __listVisibleAt?: number;
}

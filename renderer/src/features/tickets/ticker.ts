/**
 * One timer for every live countdown on screen: it runs only while something listens, fires on the
 * second boundary, and hands every listener the same instant, so a list of clocks ticks together.
 */
export class Ticker {
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: number;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.current = clock();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === undefined) {
      this.current = this.clock();
      this.schedule();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  };

  readonly now = (): number => this.current;

  private schedule(): void {
    const wait = this.intervalMs - (this.clock() % this.intervalMs);
    this.timer = setTimeout(() => {
      this.current = this.clock();
      for (const listener of this.listeners) listener();
      this.schedule();
    }, wait);
  }
}

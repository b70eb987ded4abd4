/** The refresh rhythm of one connection, in milliseconds. */
export interface PollIntervals {
  activeMs: number;
  idleMs: number;
}

export interface PollTarget {
  /**
   * True while the tree's first load of the connection runs. A poll never stands in for it: that
   * load may be waiting for the user to type a password, and a poll meanwhile would show
   * "no password" under the open prompt.
   */
  readonly firstLoadRunning: boolean;
  readonly hasActiveTasks: boolean;
  refresh(background: boolean): Promise<void>;
  /** True when the last refresh failed. */
  readonly failing: boolean;
  /** How long the server asked to be left alone after the last refresh (a busy server's Retry-After). */
  readonly retryAfterMs?: number;
}

/**
 * Polls one connection while someone is looking (view visible and window focused): at the active
 * interval while any task runs, the idle interval otherwise. After a failed refresh it retries at
 * the active interval, doubling the wait after each further failure up to the idle interval: an
 * outage is noticed to be over quickly, and a long one costs no more than idle polling. Never
 * overlaps itself.
 */
export class Poller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private watching = false;
  private failures = 0;
  private lastRun: number;
  private disposed = false;

  constructor(
    private readonly target: PollTarget,
    private intervals: PollIntervals,
    private readonly now: () => number = Date.now,
  ) {
    // The first load comes from the tree asking for the tasks; polling follows it.
    this.lastRun = now();
  }

  /** Starts or stops polling as visibility and focus change. */
  setWatching(watching: boolean): void {
    if (this.disposed || watching === this.watching) return;
    this.watching = watching;
    if (watching) this.schedule();
    else this.clear();
  }

  setIntervals(intervals: PollIntervals): void {
    this.intervals = intervals;
    this.reschedule();
  }

  /** Call after any refresh made outside the poller, so the next poll counts from it. */
  reschedule(): void {
    this.lastRun = this.now();
    if (!this.running) {
      this.failures = this.target.failing ? Math.max(1, this.failures) : 0;
      if (this.watching) this.schedule();
    }
  }

  /** How long after the last refresh the next poll runs. */
  nextDelayMs(): number {
    const { activeMs, idleMs } = this.intervals;
    const delay =
      this.failures > 0 ? Math.min(activeMs * 2 ** (this.failures - 1), Math.max(activeMs, idleMs)) : this.target.hasActiveTasks ? activeMs : idleMs;
    // A busy server said when to come back: never sooner.
    return Math.max(delay, this.target.retryAfterMs ?? 0);
  }

  private schedule(): void {
    this.clear();
    const due = this.lastRun + this.nextDelayMs();
    this.timer = setTimeout(() => void this.tick(), Math.max(0, due - this.now()));
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (!this.watching) return;
    if (this.target.firstLoadRunning) {
      this.lastRun = this.now();
      this.schedule();
      return;
    }
    this.running = true;
    try {
      await this.target.refresh(true);
    } finally {
      this.running = false;
      this.failures = this.target.failing ? this.failures + 1 : 0;
      this.lastRun = this.now();
      if (this.watching) this.schedule();
    }
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Disposed means disposed: nothing (a late read-back, a settings change) starts it again. */
  dispose(): void {
    this.disposed = true;
    this.watching = false;
    this.clear();
  }
}

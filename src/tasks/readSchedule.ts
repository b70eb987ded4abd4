// When a store's next read must be the full list, may read only what can change, or asks for the totals.
import type { StoreOptions } from './storeOptions';

export class ReadSchedule {
  /** When the last idle read (a full one, or one of only what can change) was made. */
  private lastIdleRead = 0;
  /** Idle reads of only what can change since the last full read. */
  private changesOnlyReads = 0;
  private readonly idleReadsPerFullRead: number;
  /** Bumped whenever the next read must be a full one; a full read started after the last bump settles it. */
  private fullReadRequests = 1;
  private fullReadsSettled = 0;
  private fullReadEveryMs: number;
  private readonly totalsEveryMs: number;
  /** When the totals were last read with a page; undefined = the next full read asks for them. */
  private totalsReadAt: number | undefined;

  constructor(
    options: StoreOptions,
    private readonly now: () => number,
  ) {
    this.fullReadEveryMs = options.fullReadEveryMs ?? 60_000;
    this.totalsEveryMs = options.totalsEveryMs ?? 15_000;
    this.idleReadsPerFullRead = Math.max(1, Math.floor(options.idleReadsPerFullRead ?? 1));
  }

  setFullReadInterval(ms: number): void {
    this.fullReadEveryMs = ms;
  }

  /** The full-read requests so far: a full read that started now settles them (`fullReadDone`). */
  get requests(): number {
    return this.fullReadRequests;
  }

  requestFullRead(): void {
    this.fullReadRequests++;
  }

  /** A full read made at `at`, started when `requests` full reads had been asked for. */
  fullReadDone(requests: number, at: number): void {
    this.lastIdleRead = at;
    this.changesOnlyReads = 0;
    this.fullReadsSettled = Math.max(this.fullReadsSettled, requests);
  }

  /** An idle read of only what can change, made at `at`. */
  changesOnlyReadDone(at: number): void {
    this.lastIdleRead = at;
    this.changesOnlyReads++;
  }

  totalsRead(at: number): void {
    this.totalsReadAt = at;
  }

  /** An action makes the next full read ask for the totals. */
  forgetTotals(): void {
    this.totalsReadAt = undefined;
  }

  /** An idle read is due that may read only what can change, not the full list (`idleReadsPerFullRead`). */
  changesOnlyReadDue(loaded: boolean): boolean {
    return this.fullReadsSettled >= this.fullReadRequests && loaded && this.changesOnlyReads + 1 < this.idleReadsPerFullRead;
  }

  totalsDue(haveTotals: boolean): boolean {
    return !haveTotals || this.totalsReadAt === undefined || this.now() - this.totalsReadAt >= this.totalsEveryMs;
  }

  fullReadNeeded(loaded: boolean): boolean {
    if (this.fullReadsSettled < this.fullReadRequests || !loaded) return true;
    // Timers may fire a little early: a poll due at the full-read interval reads the full list.
    const slack = Math.min(1000, this.fullReadEveryMs / 10);
    return this.now() - this.lastIdleRead >= this.fullReadEveryMs - slack;
  }
}

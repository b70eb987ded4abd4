import { EventEmitter, type Event } from './events';
import { diffTaskLists, noChange, type TaskListDiff } from './diff';
import { isActive, isUnfinished, type Task } from './model';
import { isEmptyQuery, type TaskQuery } from './query';
import type { TaskPage, TaskSource, TaskTotals } from './adapter';
import { OrderHold } from './orderHold';
import { ReadSchedule } from './readSchedule';
import type { StoreOptions } from './storeOptions';
import { fitsCategories, movedTotals, replaceByKey } from './taskListMerge';

export type StoreState =
  | { kind: 'empty' }
  | { kind: 'loaded' }
  /** The last refresh failed; `tasks` still holds what the last successful one read (see `stale`). */
  | { kind: 'failed'; error: unknown };

export interface StoreChange extends TaskListDiff {
  /** The store moved between empty, loaded and failed, or failed with another error. */
  stateChanged: boolean;
}

/** A user's Refresh within this long of another one joins it; later ones restart the load. */
const joinUserRefreshMs = 1000;

interface Load {
  readonly user: boolean;
  readonly started: number;
  /** readStarted() when this load's request began. */
  readonly ticket: number;
  readonly controller: AbortController;
  done: Promise<void>;
}

/**
 * One connection's tasks: the first `limit` of them, refreshed on demand with at most one request
 * in flight, and a diff against the previous load so listeners touch only what changed.
 *
 * A poll reads only the unfinished tasks while the full list was read within `fullReadEveryMs`;
 * a user's Refresh, a user's action, a vanished task and a filter that a task no longer fits all
 * make the next read a full one. A failed refresh keeps the tasks last read, marked `stale`.
 */
export class TaskStore {
  private readonly changes = new EventEmitter<StoreChange>();
  readonly onDidChange: Event<StoreChange> = this.changes.event;

  private current: Task[] = [];
  private matching = 0;
  private serverTotals: TaskTotals | undefined;
  private stateValue: StoreState = { kind: 'empty' };
  private inFlight: Load | undefined;
  /** Bumped by every load; an older load's answer (or failure) is dropped. */
  private generation = 0;
  /** Counts reads as they start (readStarted): a higher number is a newer read. */
  private readClock = 0;
  /** The start of the load whose answer the list shows. */
  private shownLoadStarted = 0;
  /**
   * Top-level task key → start of the read (an action's read-back, a watch) that showed it after
   * the list's load began: a load that started earlier does not put its older state back.
   */
  private readonly newerThanList = new Map<string, number>();
  private shown: number;
  private lastLoaded = 0;
  private readonly schedule: ReadSchedule;
  private readonly withinDeadline: <T>(work: () => Promise<T>) => Promise<T>;
  private readonly now: () => number;
  private readonly order: OrderHold;

  constructor(
    private readonly source: () => Promise<TaskSource>,
    private readonly pageSize: number,
    private query: TaskQuery = {},
    options: StoreOptions = {},
  ) {
    this.shown = pageSize;
    this.withinDeadline = options.withinDeadline ?? ((work) => work());
    this.now = options.now ?? Date.now;
    this.schedule = new ReadSchedule(options, this.now);
    this.order = new OrderHold(this.now, (tasks, total) => this.publish(tasks, total, false));
  }

  get tasks(): readonly Task[] {
    return this.current;
  }

  /** How many tasks match the query on the server, loaded or not. */
  get total(): number {
    return this.matching;
  }

  /** The server's counts of running and failed work, unchanged by the filter and by Load more. */
  get totals(): TaskTotals | undefined {
    return this.serverTotals;
  }

  get state(): StoreState {
    return this.stateValue;
  }

  /** The last refresh failed and the tasks shown are those of an earlier one (from `loadedAt`). */
  get stale(): boolean {
    return this.stateValue.kind === 'failed' && this.lastLoaded > 0;
  }

  get hasMore(): boolean {
    return this.stateValue.kind === 'loaded' && this.matching > this.current.length;
  }

  get hasActiveTasks(): boolean {
    return this.current.some(isActive);
  }

  /** When the tasks shown were read (ms since the epoch); 0 = never. */
  get loadedAt(): number {
    return this.lastLoaded;
  }

  get filtered(): boolean {
    return !isEmptyQuery(this.query);
  }

  setFullReadInterval(ms: number): void {
    this.schedule.setFullReadInterval(ms);
  }

  find(key: string): Task | undefined {
    const search = (tasks: readonly Task[]): Task | undefined => {
      for (const task of tasks) {
        if (task.key === key) return task;
        const child = search(task.children);
        if (child) return child;
      }
      return undefined;
    };
    return search(this.current);
  }

  /**
   * Reloads the shown tasks. A poll joins a running load. A user's refresh reads the full list:
   * it joins a user's load started a moment ago (so a burst of clicks costs one request) and
   * otherwise abandons the running load, stalled or not, and starts anew.
   */
  refresh(background = false): Promise<void> {
    if (!background) this.requestFullRead();
    const running = this.inFlight;
    if (running && (background || (running.user && this.now() - running.started < joinUserRefreshMs))) return running.done;
    return this.restart(background);
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  loadMore(): Promise<void> {
    this.shown += this.pageSize;
    this.requestFullRead();
    return this.restart(false);
  }

  setQuery(query: TaskQuery): Promise<void> {
    this.query = query;
    this.order.end(); // the user asked for another order or filter: it shows at once
    this.shown = this.pageSize;
    this.requestFullRead();
    return this.restart(false);
  }

  /**
   * Keeps the rows in their places for `ms` (from now, or longer if already held): a read in that
   * time updates the tasks where they are and appends new ones; the order as read is shown when
   * the hold ends. The row a user is acting on does not move away under the pointer.
   */
  holdOrder(ms: number): void {
    this.order.hold(ms);
  }

  /**
   * Marks the start of a read whose answer will reach the store (applyUpdates): call it right
   * before sending the request. Answers are ordered by it, not by when they arrive.
   */
  readStarted(): number {
    return ++this.readClock;
  }

  /**
   * Replaces tasks the caller fetched itself (after an action), firing only their changes. A task
   * already shown from a read that started after `started` keeps what that newer read showed.
   */
  applyUpdates(updated: readonly Task[], started: number = this.readStarted()): void {
    this.requestFullRead(); // the action may have started or removed tasks the list would show
    this.schedule.forgetTotals();
    const newer = updated.filter((task) => started > Math.max(this.shownLoadStarted, this.newerThanList.get(task.key) ?? 0));
    for (const task of newer) this.newerThanList.set(task.key, started);
    this.publish(replaceByKey(this.current, newer), this.matching, false);
  }

  private restart(background: boolean): Promise<void> {
    this.inFlight?.controller.abort();
    const controller = new AbortController();
    const load: Load = { user: !background, started: this.now(), ticket: this.readStarted(), controller, done: Promise.resolve() };
    load.done = this.load(background, load.ticket, controller.signal).finally(() => {
      if (this.inFlight === load) this.inFlight = undefined;
    });
    this.inFlight = load;
    return load.done;
  }

  private async load(background: boolean, ticket: number, signal: AbortSignal): Promise<void> {
    const generation = ++this.generation;
    const requests = this.schedule.requests;
    const query = this.query;
    try {
      const source = await this.source();
      const { page, full, idle } = await this.withinDeadline(() => this.read(source, query, background, signal));
      if (generation !== this.generation) return;
      this.lastLoaded = this.now();
      if (full) this.schedule.fullReadDone(requests, this.lastLoaded);
      else if (idle) this.schedule.changesOnlyReadDone(this.lastLoaded);
      const wasLoaded = this.stateValue.kind === 'loaded';
      const totals = page.totals ?? this.serverTotals;
      if (page.totals && full) this.schedule.totalsRead(this.lastLoaded);
      const totalsChanged = JSON.stringify(totals) !== JSON.stringify(this.serverTotals);
      this.stateValue = { kind: 'loaded' };
      this.serverTotals = totals;
      this.publish(this.keepNewerReads(page.tasks, ticket), page.total, !wasLoaded, totalsChanged);
    } catch (error) {
      if (generation !== this.generation) return; // abandoned for a newer load: its failure is no news
      const previous = this.stateValue;
      const sameFailure = previous.kind === 'failed' && messageOf(previous.error) === messageOf(error);
      this.stateValue = { kind: 'failed', error };
      this.requestFullRead();
      // The tasks stay. Every failed poll is announced, so "last updated …" moves on.
      this.changes.fire({ ...noChange, listChanged: !sameFailure, stateChanged: !sameFailure });
    }
  }

  /** `idle`: a read of only what can change, standing in for the full read of an idle interval. */
  private async read(source: TaskSource, query: TaskQuery, background: boolean, signal: AbortSignal): Promise<{ page: TaskPage; full: boolean; idle?: boolean }> {
    if (background) {
      // An idle read is due: it may still read only what can change, when nothing newer exists.
      const loaded = this.stateValue.kind === 'loaded';
      const idle = this.schedule.fullReadNeeded(loaded);
      if (!idle || (source.hasNewer && this.schedule.changesOnlyReadDue(loaded) && (await source.hasNewer(background, signal)) === false)) {
        const page = await this.readUnfinished(source, query, background, signal);
        if (page) return { page, full: false, idle };
      }
    }
    return { page: await source.list(query, this.shown, { background, signal, totals: this.schedule.totalsDue(this.serverTotals !== undefined) }), full: true };
  }

  /** The list with its unfinished tasks read again; undefined when only a full read can tell. */
  private async readUnfinished(source: TaskSource, query: TaskQuery, background: boolean, signal: AbortSignal): Promise<TaskPage | undefined> {
    if (!source.readUnfinished) return undefined;
    const unfinished = this.current.filter(isUnfinished);
    const updated = unfinished.length ? await source.readUnfinished(unfinished, background, signal) : [];
    if (!updated || !updated.every((task) => fitsCategories(task, query))) return undefined;
    const totals = movedTotals(this.serverTotals, unfinished, updated);
    return { tasks: replaceByKey(this.current, updated), total: this.matching, totals };
  }

  /**
   * The list a load read, with each task that a read started after this load showed since kept
   * as that read showed it: an answer to an older request never overwrites a newer one.
   */
  private keepNewerReads(tasks: Task[], ticket: number): Task[] {
    const kept = [...this.newerThanList].filter(([, started]) => started > ticket).map(([key]) => this.current.find((task) => task.key === key));
    this.shownLoadStarted = ticket;
    for (const [key, started] of this.newerThanList) if (started <= ticket) this.newerThanList.delete(key);
    return replaceByKey(tasks, kept.filter((task): task is Task => task !== undefined));
  }

  private requestFullRead(): void {
    this.schedule.requestFullRead();
  }

  private publish(read: Task[], total: number, stateChanged: boolean, totalsChanged = false): void {
    const tasks = this.order.arrange(this.current, read, total);
    const diff = diffTaskLists(this.current, tasks);
    const totalChanged = total !== this.matching;
    this.current = tasks;
    this.matching = total;
    // New totals alone re-render the connection's summary, not its list.
    if (stateChanged || totalChanged || totalsChanged || diff.listChanged || diff.changed.length) {
      this.changes.fire({ ...diff, listChanged: diff.listChanged || totalChanged || stateChanged, stateChanged });
    }
  }

  dispose(): void {
    this.order.dispose();
    this.inFlight?.controller.abort();
    this.changes.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

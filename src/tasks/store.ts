import { EventEmitter, type Event } from './events';
import { diffTaskLists, noChange, type TaskListDiff } from './diff';
import { isActive, type Task } from './model';
import { isEmptyQuery, type TaskQuery } from './query';
import type { TaskSource, TaskTotals } from './adapter';

export type StoreState =
  | { kind: 'empty' }
  | { kind: 'loaded' }
  | { kind: 'failed'; error: unknown };

export interface StoreChange extends TaskListDiff {
  /** The store moved between empty, loaded and failed. */
  stateChanged: boolean;
}

/**
 * One connection's tasks: the first `limit` of them, refreshed on demand with at most one request
 * in flight, and a diff against the previous load so listeners touch only what changed.
 */
export class TaskStore {
  private readonly changes = new EventEmitter<StoreChange>();
  readonly onDidChange: Event<StoreChange> = this.changes.event;

  private current: Task[] = [];
  private matching = 0;
  private serverTotals: TaskTotals | undefined;
  private stateValue: StoreState = { kind: 'empty' };
  private inFlight: Promise<void> | undefined;
  private queued = false;
  private shown: number;
  private lastLoaded = 0;

  constructor(
    private readonly source: () => Promise<TaskSource>,
    private readonly pageSize: number,
    private query: TaskQuery = {},
  ) {
    this.shown = pageSize;
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

  get hasMore(): boolean {
    return this.stateValue.kind === 'loaded' && this.matching > this.current.length;
  }

  get hasActiveTasks(): boolean {
    return this.current.some(isActive);
  }

  get loadedAt(): number {
    return this.lastLoaded;
  }

  get filtered(): boolean {
    return !isEmptyQuery(this.query);
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
   * Reloads the shown tasks. A user's refresh while a load runs waits for it and then loads once
   * more (the running load may predate what the user expects to see), so a burst of refreshes
   * costs at most two requests; a poll just joins the running load.
   */
  refresh(background = false): Promise<void> {
    if (this.inFlight) {
      if (!background) this.queued = true;
      return this.inFlight;
    }
    this.inFlight = this.load(background).finally(() => {
      this.inFlight = undefined;
      if (this.queued) {
        this.queued = false;
        void this.refresh(background);
      }
    });
    return this.inFlight;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  loadMore(): Promise<void> {
    this.shown += this.pageSize;
    return this.refresh();
  }

  setQuery(query: TaskQuery): Promise<void> {
    this.query = query;
    this.shown = this.pageSize;
    return this.refresh();
  }

  /** Replaces tasks the caller fetched itself (after an action), firing only their changes. */
  applyUpdates(updated: readonly Task[]): void {
    const byKey = new Map(updated.map((task) => [task.key, task]));
    const next = this.current.map((task) => byKey.get(task.key) ?? task);
    this.publish(next, this.matching, false);
  }

  private async load(background: boolean): Promise<void> {
    const query = this.query;
    try {
      const source = await this.source();
      const page = await source.list(query, this.shown, background);
      if (query !== this.query) return; // the filter changed meanwhile; that load will publish
      this.lastLoaded = Date.now();
      const wasLoaded = this.stateValue.kind === 'loaded';
      const totalsChanged = JSON.stringify(page.totals) !== JSON.stringify(this.serverTotals);
      this.stateValue = { kind: 'loaded' };
      this.serverTotals = page.totals;
      this.publish(page.tasks, page.total, !wasLoaded, totalsChanged);
    } catch (error) {
      const sameFailure = this.stateValue.kind === 'failed' && messageOf(this.stateValue.error) === messageOf(error);
      this.stateValue = { kind: 'failed', error };
      this.current = [];
      this.matching = 0;
      this.serverTotals = undefined;
      if (!sameFailure) this.changes.fire({ ...noChange, listChanged: true, stateChanged: true });
    }
  }

  private publish(tasks: Task[], total: number, stateChanged: boolean, totalsChanged = false): void {
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
    this.changes.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

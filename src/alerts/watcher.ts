import * as vscode from 'vscode';
import { settings } from '../connections/settings';
import { onDidRecordActivity, type ActivityKind, type RecordedActivity } from '../activity/record';
import { MissingPasswordError, type Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import { log } from '../log';
import { taskKey, type StatusCategory, type Task } from '../tasks/model';
import { apiErrorKind, errorText } from '../tasks/errorText';
import { groupBy } from '../util/collections';
import type { CompletionNotifier } from './notifier';
import { ReadPauses } from './readPauses';
import type { Watch, WatchList } from './watchList';

const finishedCategories: ReadonlySet<StatusCategory> = new Set(['succeeded', 'succeededWithErrors', 'cancelled', 'failed']);

/** The task reached an end state (an unknown status is not taken for one). */
export function isFinished(task: Task): boolean {
  return finishedCategories.has(task.category);
}

/** Actions after which the user wants to hear how the task ends. */
const autoWatched: ReadonlySet<ActivityKind> = new Set(['cancel', 'plainCancel', 'cancelCallback', 'stop', 'forceStop', 'retry', 'retryNext']);

/**
 * Watched tasks of one connection that end within this long of each other make one notification:
 * an action on several tasks reports each task on its own, a moment apart.
 */
const groupWindowMs = 1_000;

export interface WatcherOptions {
  readonly registry: ConnectionRegistry;
  readonly watches: WatchList;
  readonly notifier: CompletionNotifier;
  /** The tree polls its connections now (view shown, window focused): loaded tasks need no reads of their own. */
  treePolling(): boolean;
  focused(): boolean;
}

/**
 * Follows the watched tasks until they finish or disappear, whether or not the view is open: while
 * any task is watched, only those tasks are read (at the active interval while the window is
 * focused, the idle one when not). Also notices failures of any loaded task for
 * `watchedAndFailures`.
 */
export class TaskWatcher implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private reading = false;
  /** After a sign-in failure or a busy server's answer, a connection's watched tasks wait. */
  private readonly pauses = new ReadPauses();
  /** The category each loaded task had at the last look, for noticing failures. */
  private readonly lastCategory = new Map<string, StatusCategory>();
  /** Connections whose tasks were seen once: their first load reports no failures. */
  private readonly baselined = new Set<string>();
  private readonly startedAt = Date.now();
  private readonly subscriptions: vscode.Disposable[];
  /** Ended watched tasks per connection, told about together once the group window closes. */
  private readonly endedGroups = new Map<string, { tasks: Map<string, Task>; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly options: WatcherOptions) {
    const { registry, watches } = options;
    this.subscriptions = [
      registry.onDidChangeTasks(({ connection }) => this.storeChanged(connection)),
      registry.onDidChangeConnections(() => {
        this.baselined.clear();
        this.schedule();
      }),
      watches.onDidChange(() => this.schedule()),
      onDidRecordActivity((recorded) => this.afterAction(recorded)),
    ];
    // Watches kept from before a reload are looked at soon, without delaying activation.
    this.schedule(1000);
  }

  /** Starts watching; answers false (and watches nothing) when the task has finished already. */
  watch(connection: Connection, task: Task): boolean {
    if (isFinished(task)) return false;
    this.options.watches.add({ connection: connection.name, id: task.id });
    return true;
  }

  unwatch(keys: readonly string[]): void {
    this.options.watches.remove(keys);
  }

  /** Reads the watched tasks now (also what each timer tick does). */
  async readWatched(): Promise<void> {
    const byConnection = groupBy(this.options.watches.all(), (watch) => watch.connection);
    await Promise.all([...byConnection].map(([name, watches]) => this.readConnection(name, watches)));
  }

  private afterAction({ entry, task }: RecordedActivity): void {
    // Pending: accepted, its outcome still being confirmed; the watch follows it either way.
    if ((entry.result !== 'done' && entry.result !== 'pending') || !autoWatched.has(entry.kind)) return;
    const connection = this.options.registry.get(entry.connection);
    if (!connection) return;
    // A retried task ended before; that old end is not the end the user waits for.
    this.options.watches.add({ connection: connection.name, id: task.id, previousEnd: finishedCategories.has(task.category) ? task.end : undefined });
    const now = connection.store.find(task.key);
    if (now) this.settle([now]);
  }

  private storeChanged(connection: Connection): void {
    const watched = this.options.watches
      .all()
      .filter((watch) => watch.connection === connection.name)
      .flatMap((watch) => connection.store.find(taskKey(watch.connection, watch.id)) ?? []);
    this.noticeFailures(connection, this.settle(watched));
  }

  /** Whether this watched task has reached its end (a retried task: a new end). */
  private ended(task: Task): boolean {
    const watches = this.options.watches;
    const watch = watches.get(task.key);
    if (!watch) return false;
    if (!isFinished(task)) {
      if (watch.previousEnd !== undefined) watches.add({ connection: watch.connection, id: watch.id });
      return false;
    }
    return watch.previousEnd === undefined || task.end !== watch.previousEnd;
  }

  /**
   * Ends the watches of the tasks that ended and tells about them, with the others of their
   * connection that end within the group window, in one notification; answers their keys.
   */
  private settle(tasks: readonly Task[]): Set<string> {
    const ended = tasks.filter((task) => this.ended(task));
    if (!ended.length) return new Set();
    this.options.watches.remove(ended.map((task) => task.key));
    for (const task of ended) this.addToGroup(task);
    return new Set(ended.map((task) => task.key));
  }

  private addToGroup(task: Task): void {
    let group = this.endedGroups.get(task.connection);
    if (!group) {
      const timer = setTimeout(() => this.tellGroup(task.connection), groupWindowMs);
      group = { tasks: new Map(), timer };
      this.endedGroups.set(task.connection, group);
    }
    group.tasks.set(task.key, task);
  }

  private tellGroup(connection: string): void {
    const group = this.endedGroups.get(connection);
    this.endedGroups.delete(connection);
    if (group) this.options.notifier.notify([...group.tasks.values()], 'watched');
  }

  private noticeFailures(connection: Connection, notified: ReadonlySet<string>): void {
    const store = connection.store;
    if (store.state.kind !== 'loaded') return;
    const first = !this.baselined.has(connection.name);
    this.baselined.add(connection.name);
    const failed: Task[] = [];
    for (const task of store.tasks) {
      const before = this.lastCategory.get(task.key);
      this.lastCategory.set(task.key, task.category);
      if (first || task.category !== 'failed' || before === 'failed' || notified.has(task.key)) continue;
      // A task first seen already failed counts only when it failed after VS Code started.
      if (before === undefined && (task.end ?? 0) < this.startedAt) continue;
      failed.push(task);
    }
    this.options.notifier.notify(failed, 'failure');
  }

  private async readConnection(name: string, watches: readonly Watch[]): Promise<void> {
    const connection = this.options.registry.get(name);
    const keys = watches.map((watch) => taskKey(watch.connection, watch.id));
    if (!connection) {
      log().info(vscode.l10n.t('No longer watching {0}: the connection {1} is gone', keys.join(', '), name));
      this.options.watches.remove(keys);
      return;
    }
    if (this.pauses.paused(name)) return;
    const store = connection.store;
    const covered = this.options.treePolling() && store.state.kind === 'loaded';
    const ids = watches.filter((watch) => !(covered && store.find(taskKey(name, watch.id)))).map((watch) => watch.id);
    if (!ids.length) return;
    const started = store.readStarted();
    try {
      this.apply(connection, ids, await connection.read(ids), started);
    } catch (error) {
      if (apiErrorKind(error) === 'notFound') await this.readOneByOne(connection, ids, started);
      else this.readFailed(connection, error);
    }
  }

  /** One of several tasks is gone and took the whole read with it: read each alone. */
  private async readOneByOne(connection: Connection, ids: readonly string[], started: number): Promise<void> {
    const results = await Promise.allSettled(ids.map((id) => connection.read([id])));
    const found: Task[] = [];
    const answered: string[] = [];
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') found.push(...result.value);
      // A task that could not be read for a reason other than being gone stays watched.
      else if (apiErrorKind(result.reason) !== 'notFound') return this.readFailed(connection, result.reason);
      answered.push(ids[index]!);
    });
    this.apply(connection, answered, found, started);
  }

  /** Shows what was read, ends the watches of finished tasks and of tasks the server no longer has. */
  private apply(connection: Connection, ids: readonly string[], tasks: readonly Task[], started: number): void {
    connection.store.applyUpdates(tasks, started);
    this.settle(tasks);
    const seen = new Set(tasks.map((task) => task.id));
    const gone = ids.filter((id) => !seen.has(id)).map((id) => taskKey(connection.name, id));
    if (gone.length) {
      log().info(vscode.l10n.t('No longer watching {0}: the server no longer has them', gone.join(', ')));
      this.options.watches.remove(gone);
    }
  }

  private readFailed(connection: Connection, error: unknown): void {
    const signIn = error instanceof MissingPasswordError || apiErrorKind(error) === 'auth';
    const pauseMs = this.pauses.failed(connection.name, error, signIn);
    log().warn(`${connection.name}: could not read the watched tasks${signIn ? ' (paused for 5 minutes)' : pauseMs ? ` (the server is busy: paused for ${Math.ceil(pauseMs / 1000)} s)` : ''}: ${errorText(error)}`);
  }

  private intervalMs(): number {
    return this.options.focused() ? settings.activeIntervalMs() : settings.idleIntervalMs();
  }

  private schedule(delayMs = this.intervalMs()): void {
    if (this.timer) return;
    if (this.disposed || this.options.watches.size === 0) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  /** The window gained or lost focus: the next read follows the new interval. */
  restart(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule();
  }

  private async tick(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      await this.readWatched();
    } catch (error) {
      log().warn(vscode.l10n.t('Reading the watched tasks failed: {0}', errorText(error)));
    } finally {
      this.reading = false;
      this.timer = undefined;
      this.schedule();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const group of this.endedGroups.values()) clearTimeout(group.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

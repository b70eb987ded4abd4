import type { ConnectionConfig } from './config';
import type { Credentials } from './credentials';
import { createAdapter, withinOneDeadline } from './adapterFactory';
import type { CancelCallbackSender, NotesEditor, ProductAdapter } from '../tasks/adapter';
import type { Task } from '../tasks/model';
import { Poller, type PollIntervals } from '../tasks/poller';
import { storePollTarget } from '../tasks/storePolling';
import { TaskStore } from '../tasks/store';
import { idleReadsPerFullRead } from '../tasks/storeOptions';
import type { TaskQuery } from '../tasks/query';
import type { RequestLogEntry } from '../api/http';
import { apiErrorKind, apiErrorOf } from '../tasks/errorText';
import { t } from '../tasks/l10n';

/** No password is stored for this connection yet. */
export class MissingPasswordError extends Error {
  constructor(readonly connection: string) {
    super(t('No password is stored for {0}.', connection));
    this.name = 'MissingPasswordError';
  }
}

export interface ConnectionOptions {
  pageSize: number;
  intervals: PollIntervals;
  query: TaskQuery;
  onRequest: (connection: string, entry: RequestLogEntry) => void;
}

/**
 * One configured server: its product adapter (HTTP client and product client, built on first use), its
 * task store and its poller. Polling pauses after a sign-in failure, so a wrong password is not
 * tried again and again against an appliance that may lock the account; new credentials resume it.
 */
export class Connection {
  readonly store: TaskStore;
  readonly poller: Poller;
  private productAdapter: ProductAdapter | undefined;
  /** Removed or replaced: nothing it was doing (an action's read-back) may start a request or a poll again. */
  private disposed = false;
  /** The tree's first load runs (maybe waiting for the password): polls wait for it. */
  firstLoadRunning = false;

  constructor(
    readonly config: ConnectionConfig,
    private readonly credentials: Credentials,
    private readonly options: ConnectionOptions,
  ) {
    this.store = new TaskStore(() => Promise.resolve(this.adapter()), options.pageSize, options.query, {
      fullReadEveryMs: options.intervals.idleMs,
      idleReadsPerFullRead,
      withinDeadline: withinOneDeadline,
    });
    const store = this.store;
    const retryAfterMs = () => (store.state.kind === 'failed' ? apiErrorOf(store.state.error)?.retryAfterMs : undefined);
    this.poller = new Poller(storePollTarget(store, (background) => this.refresh(background), retryAfterMs, () => this.firstLoadRunning), options.intervals);
  }

  /** Polls at the active interval read only unfinished tasks; the full list comes at the idle one. */
  setIntervals(intervals: PollIntervals): void {
    this.store.setFullReadInterval(intervals.idleMs);
    this.poller.setIntervals(intervals);
  }

  get name(): string {
    return this.config.name;
  }

  /** True when the last failure needs the user (password or certificate), not time. */
  get needsUser(): boolean {
    const state = this.store.state;
    if (state.kind !== 'failed') return false;
    const kind = apiErrorKind(state.error);
    return state.error instanceof MissingPasswordError || kind === 'auth' || kind === 'tls';
  }

  /** The product-specific side of this connection; the API bundle loads on the first call. */
  adapter(): ProductAdapter {
    if (this.disposed) throw new Error(t('The connection {0} no longer exists', this.name));
    this.productAdapter ??= createAdapter(this.config, () => this.signInDetails(), (entry) =>
      this.options.onRequest(this.config.name, entry),
    );
    return this.productAdapter;
  }

  /** Edit Notes and TODO, for a product that has them. */
  notes(): NotesEditor {
    const notes = this.adapter().notes;
    if (!notes) throw new Error(t('{0} has no notes or TODO to edit', this.name));
    return notes;
  }

  /** Cancel with Callback, for a product that has it. */
  cancelCallback(): CancelCallbackSender {
    const sender = this.adapter().cancelCallback;
    if (!sender) throw new Error(t('{0} has no cancel callback', this.name));
    return sender;
  }

  /** These tasks (by id) as the server has them now, without touching the tree. */
  read(ids: readonly string[]): Promise<Task[]> {
    return this.adapter().read(ids);
  }

  /**
   * Reads these tasks again and shows their new state: the store's top-level tasks that hold them
   * (an LXCA subtask is read with its job) are replaced by what the server answers. A task the
   * tree does not show is read by itself. Answers what was read: a task the server no longer has
   * is missing from it.
   */
  async reread(tasks: readonly Task[]): Promise<Task[]> {
    if (this.disposed) return [];
    const wanted = new Set(tasks.map((task) => task.key));
    const holds = (task: Task): boolean => wanted.has(task.key) || task.children.some(holds);
    const roots = this.store.tasks.filter(holds);
    const held = (task: Task): boolean => roots.some(function within(root: Task): boolean {
      return root.key === task.key || root.children.some(within);
    });
    const ids = [...roots.map((root) => root.id), ...tasks.filter((task) => !held(task)).map((task) => task.id)];
    if (ids.length === 0) return [];
    const started = this.store.readStarted();
    const read = await this.readPresent(ids);
    this.store.applyUpdates(read, started);
    return read;
  }

  /** These tasks by id, leaving out those the server no longer has (a read of one that is gone fails). */
  private async readPresent(ids: readonly string[]): Promise<Task[]> {
    try {
      return await this.read(ids);
    } catch (error) {
      if (apiErrorKind(error) !== 'notFound') throw error;
      if (ids.length === 1) return [];
      const each = await Promise.all(ids.map((id) => this.readPresent([id])));
      return each.flat();
    }
  }

  async refresh(background = false): Promise<void> {
    if (this.disposed) return;
    await this.store.refresh(background);
    if (this.disposed) return;
    this.poller.reschedule();
    if (this.needsUser) this.poller.setWatching(false);
  }

  hasPassword(): Thenable<boolean> {
    return this.credentials.get(this.config).then((password) => password !== undefined);
  }

  /** Drops the session (cookies, tokens) so the next call signs in again with what is stored. */
  async signOut(): Promise<void> {
    const adapter = this.productAdapter;
    this.productAdapter = undefined;
    await adapter?.close();
  }

  private async signInDetails(): Promise<{ username: string; password: string }> {
    const password = await this.credentials.get(this.config);
    if (password === undefined) throw new MissingPasswordError(this.config.name);
    return { username: this.config.username, password };
  }

  dispose(): void {
    this.disposed = true;
    this.poller.dispose();
    this.store.dispose();
    void this.productAdapter?.close();
  }
}

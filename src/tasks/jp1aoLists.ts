/**
 * How one JP1/AO connection reads its task lists, totals and unfinished tasks (docs/api/jp1ao.md,
 * "Status words"): status filters are built only from the words this connection's server has
 * sent; when such a filter is refused (400) or answers nothing while a task just read still shows
 * that status, the connection reads unfiltered and counts and orders on the client from then on.
 */
import type { Jp1aoClient } from '../api/jp1ao/client';
import type { Jp1aoTask } from '../api/jp1ao/types';
import { apiErrorKind } from './errorText';
import { mapWithConcurrency } from '../util/collections';
import type { ListOptions, TaskPage, TaskTotals } from './adapter';
import { jp1aoStatusCategory } from './jp1aoStatus';
import { Jp1aoStatusWords } from './jp1aoWords';
import { activeCategories, type StatusCategory, type Task } from './model';
import { orderedPage } from './ordering';
import type { TaskQuery } from './query';
import { totalsOfCategories } from './summary';

const runningCategories: readonly StatusCategory[] = ['running', 'runningWithErrors'];
const failedCategories: readonly StatusCategory[] = ['failed'];
const unfinishedCategories: readonly StatusCategory[] = ['running', 'runningWithErrors', 'pending'];
const activeList: readonly StatusCategory[] = [...activeCategories];

/** Up to this many unfinished tasks are read one by one; more cost one filtered list instead. */
const maxSingleReads = 2;
/** Without a usable status filter, a poll reads up to this many unfinished tasks one by one. */
const maxSingleReadsUnfiltered = 20;
/** Room in the filtered list for tasks started since the last full read, so the shown ones still fit. */
const unfinishedSpare = 50;
/** Calls in flight per JP1/AO server. */
const concurrency = 4;

/** One filtered count and the spellings it asked for. */
interface ServerCount {
  statuses: string[];
  count: number;
}

/** The server's status filter cannot be trusted: read unfiltered from now on. */
class FilterDistrusted extends Error {}

/** The word filter and the TODO flag of a query, as the server takes them. */
export interface ServerQuery {
  q?: string;
  filter?: string;
}

export interface Jp1aoListHelpers {
  toTask(task: Jp1aoTask): Task;
  unique(tasks: readonly Task[]): Task[];
  /** A line for the log (said once per connection for each thing it reports). */
  notice(message: string): void;
}

export class Jp1aoLists {
  readonly words: Jp1aoStatusWords;
  /** Set for the connection's life once its status filter proved wrong. */
  private onClient = false;
  /** The tasks of the last page read: a filter answering nothing while one of them shows the status is checked. */
  private loaded: readonly Task[] = [];
  private survey: Promise<void> | undefined;

  constructor(
    private readonly client: Jp1aoClient,
    private readonly helpers: Jp1aoListHelpers,
  ) {
    this.words = new Jp1aoStatusWords(helpers.notice);
  }

  /** Whether the connection counts and orders on the client (its status filter proved wrong). */
  get countsOnClient(): boolean {
    return this.onClient;
  }

  async list(server: ServerQuery, query: TaskQuery, limit: number, options: ListOptions): Promise<TaskPage> {
    if (!this.onClient) {
      try {
        return await this.listFiltered(server, query, limit, options);
      } catch (error) {
        if (!(error instanceof FilterDistrusted)) throw error;
      }
    }
    return this.listOnClient(server, query, limit, options);
  }

  /** The server's counts of running and failed tasks. */
  async totals(signal?: AbortSignal): Promise<TaskTotals> {
    if (!this.onClient) {
      try {
        await this.learnWords(signal);
        return await this.countFiltered(this.loaded, signal);
      } catch (error) {
        if (!(error instanceof FilterDistrusted)) throw error;
      }
    }
    return this.countOnClient({}, signal);
  }

  /**
   * A few unfinished tasks are read one by one; more in one list filtered to the unfinished
   * statuses. Undefined when only a full read can tell (a task left that list or is gone).
   */
  async readUnfinished(tasks: readonly Task[], signal?: AbortSignal): Promise<Task[] | undefined> {
    try {
      const few = tasks.length <= (this.onClient ? maxSingleReadsUnfiltered : maxSingleReads);
      if (few) return this.helpers.unique(await mapWithConcurrency(tasks, concurrency, async (task) => this.helpers.toTask(await this.client.getTask(task.id, { signal }))));
      if (this.onClient) return undefined;
      for (const task of tasks) this.words.learn(task.status); // the server sent these too
      const statuses = this.words.spellingsIn(activeList);
      if (!statuses.length) return undefined;
      const page = await this.filtered(() => this.client.listTasks({ statuses, offset: 0, limit: tasks.length + unfinishedSpare, signal }));
      const byId = new Map(page.tasks.map((task) => [String(task.instanceID), task]));
      const read = tasks.map((task) => byId.get(task.id));
      if (read.some((task) => task === undefined)) return undefined;
      return this.helpers.unique(read.map((task) => this.helpers.toTask(task!)));
    } catch (error) {
      if (error instanceof FilterDistrusted) return undefined;
      if (apiErrorKind(error) === 'notFound') return undefined;
      throw error;
    }
  }

  private async listFiltered(server: ServerQuery, query: TaskQuery, limit: number, { signal, totals: withTotals }: ListOptions): Promise<TaskPage> {
    await this.learnWords(signal);
    const categories = query.categories?.length ? query.categories : undefined;
    const statuses = categories && this.words.spellingsIn(categories);
    const wanted = unfinishedCategories.filter((category) => !categories || categories.includes(category));
    const unfinishedStatuses = query.order === 'runningFirst' ? this.words.spellingsIn(wanted) : [];
    const evidence = this.loaded;
    const [page, unfinished, counts] = await Promise.all([
      statuses && !statuses.length ? { tasks: [], count: 0 } : this.filtered(() => this.client.listTasks({ ...server, statuses, offset: 0, limit, signal })),
      unfinishedStatuses.length ? this.filtered(() => this.client.listTasks({ ...server, statuses: unfinishedStatuses, offset: 0, limit, signal })) : undefined,
      withTotals ? this.serverCounts(signal) : undefined,
    ]);
    const tasks = this.helpers.unique(page.tasks.map((task) => this.helpers.toTask(task)));
    const seen = [...tasks, ...evidence];
    if (statuses) await this.check(page.count, statuses, seen, signal);
    if (unfinished) await this.check(unfinished.count, unfinishedStatuses, seen, signal);
    const totals = counts && (await this.checkedTotals(counts, seen, signal));
    if (!categories) this.loaded = tasks;
    if (query.order !== 'runningFirst') return { tasks, total: page.count, totals };
    // The running and pending tasks first, then the newest of the rest, each newest first.
    const first = this.helpers.unique((unfinished?.tasks ?? []).map((task) => this.helpers.toTask(task)));
    const merged = new Map([...first, ...tasks].map((task) => [task.key, task]));
    return { tasks: orderedPage([...merged.values()], 'runningFirst', limit), total: page.count, totals };
  }

  /** Every matching task read unfiltered; the status filter, the order and the totals made here. */
  private async listOnClient(server: ServerQuery, query: TaskQuery, limit: number, { signal, totals: withTotals }: ListOptions): Promise<TaskPage> {
    const categories = query.categories?.length ? query.categories : undefined;
    const plain = !categories && query.order !== 'runningFirst';
    const [page, totals] = await Promise.all([
      this.client.listTasks({ ...server, offset: 0, limit: plain ? limit : undefined, signal }),
      withTotals ? this.countOnClient({}, signal) : undefined,
    ]);
    const tasks = this.helpers.unique(page.tasks.map((task) => this.helpers.toTask(task)));
    if (!categories) this.loaded = plain ? tasks : tasks.slice(0, limit);
    if (plain) return { tasks, total: page.count, totals };
    const matching = categories ? tasks.filter((task) => categories.includes(task.category)) : tasks;
    return { tasks: orderedPage(matching, query.order, limit), total: matching.length, totals };
  }

  /** The running and failed counts, one filtered request each asking for one row of ids. */
  private async serverCounts(signal?: AbortSignal): Promise<ServerCount[]> {
    return Promise.all(
      [runningCategories, failedCategories].map(async (categories): Promise<ServerCount> => {
        const statuses = this.words.spellingsIn(categories);
        // The server has sent no such status: it has no such task.
        return { statuses, count: statuses.length ? await this.filtered(() => this.client.countTasks({ statuses, signal })) : 0 };
      }),
    );
  }

  /** The totals of the counts, once a count of nothing that a task just read contradicts has been ruled out. */
  private async checkedTotals([running, failed]: ServerCount[], seen: readonly Task[], signal?: AbortSignal): Promise<TaskTotals> {
    for (const { statuses, count } of [running, failed]) await this.check(count, statuses, seen, signal);
    return { running: running.count, failed: failed.count };
  }

  /** The server's counts of running and failed tasks. */
  private async countFiltered(seen: readonly Task[], signal?: AbortSignal): Promise<TaskTotals> {
    return this.checkedTotals(await this.serverCounts(signal), seen, signal);
  }

  /** Every task's status read (ids and statuses only) and counted here. */
  private async countOnClient(server: ServerQuery, signal?: AbortSignal): Promise<TaskTotals> {
    const rows = await this.statusRows(server, signal);
    return totalsOfCategories(rows.map((row) => jp1aoStatusCategory(typeof row.status === 'string' ? row.status : '')));
  }

  /** Once per connection, before the first filter: every task's status, to learn the server's words. */
  private learnWords(signal?: AbortSignal): Promise<void> {
    this.survey ??= this.statusRows({}, signal).then(
      () => undefined,
      (error: unknown) => {
        this.survey = undefined;
        throw error;
      },
    );
    return this.survey;
  }

  private async statusRows(server: ServerQuery, signal?: AbortSignal): Promise<Jp1aoTask[]> {
    const { tasks } = await this.client.listTasks({ ...server, fields: ['instanceID', 'status'], signal });
    for (const row of tasks) this.words.learn(row.status);
    return tasks;
  }

  /** A filtered call; its refusal (400) distrusts the filter. */
  private async filtered<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (apiErrorKind(error) === 'badRequest') this.distrust('refused a status filter (HTTP 400)');
      throw error;
    }
  }

  /**
   * A filter that answered nothing while a task just read shows one of its words: that task is read
   * again, and when it still shows the word, the filter is distrusted.
   */
  private async check(count: number, statuses: readonly string[], seen: readonly Task[], signal?: AbortSignal): Promise<void> {
    if (count > 0) return;
    const witness = seen.find((task) => statuses.includes(task.status));
    if (!witness) return;
    const now = await this.client.getTask(witness.id, { signal }).catch(() => undefined);
    if (now && typeof now.status === 'string' && statuses.includes(now.status)) {
      this.distrust(`answered no task to a status filter for "${now.status}" while task ${witness.id} shows it`);
    }
  }

  private distrust(why: string): never {
    if (!this.onClient) {
      this.onClient = true;
      this.helpers.notice(`JP1/AO ${why}: this connection now reads task lists unfiltered and counts and orders them itself`);
    }
    throw new FilterDistrusted(why);
  }
}

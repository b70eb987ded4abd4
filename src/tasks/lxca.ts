// The LXCA adapter: reads the job list (whole, compact or by id), cancels jobs, and closes the session.
import type { LxcaClient } from '../api/lxca/client';
import type { ListJobsOptions, LxcaJob, RequestOptions } from '../api/lxca/types';
import type { JobRecord as LxcaJobRecord } from '../api/lxca/jobs';
import { failedOutcomes, type ActionRequest, type CancelCallbackSender, type ListOptions, type ProductAdapter, type ProductDetails, type TaskOutcome, type TaskPage } from './adapter';
import { lxcaDetails } from './lxcaDetails';
import { toLxcaTask, type LxcaApi } from './lxcaMapping';
import { lxcaStatusCategory } from './lxcaStatus';
import { isUnfinished, taskKey, type Task } from './model';
import { orderedPage } from './ordering';
import { productInfo } from './products';
import { totalsOf, totalsOfCategories } from './summary';
import { apiErrorKind } from './errorText';
import { isEmptyQuery, matchesQuery, type TaskQuery } from './query';
import { firstK } from '../util/collections';
import { duplicateReporter, uniqueTasks, type DuplicateReport } from './uniqueTasks';
import { t } from './l10n';
import { readableById } from './unusableId';

/** Longest `/tasks/{job_list}` path sent in one request: well below what servers and proxies accept. */
export const maxJobListPathLength = 2000;

/** The ids in groups whose `/tasks/{job_list}` path (ids joined by literal commas) fits the length. */
export function jobListChunks(ids: readonly string[], maxPathLength = maxJobListPathLength): string[][] {
  const prefix = '/tasks/'.length;
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let length = prefix;
  for (const id of ids) {
    const idLength = encodeURIComponent(id).length;
    if (chunk.length > 0 && length + 1 + idLength > maxPathLength) {
      chunks.push(chunk);
      chunk = [];
      length = prefix;
    }
    length += (chunk.length > 0 ? 1 : 0) + idLength;
    chunk.push(id);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** LXCA hands out job ids in increasing order, so the highest id is the newest job. */
export function newestLxcaTasksFirst(tasks: readonly Task[]): Task[] {
  return [...tasks].sort(newerTaskFirst);
}

const newerTaskFirst = (a: Task, b: Task) => compareIdsDescending(a.id, b.id);
const newerRecordFirst = (a: LxcaJobRecord, b: LxcaJobRecord) => compareIdsDescending(a.jobUID, b.jobUID);

function compareIdsDescending(a: string, b: string): number {
  const numberA = Number(a);
  const numberB = Number(b);
  if (Number.isFinite(numberA) && Number.isFinite(numberB) && numberA !== numberB) return numberB - numberA;
  return b.localeCompare(a);
}

/**
 * An idle read (a poll at the idle interval) lists the jobs without their subtasks
 * (`GET /tasks?compact=true`) and reads the subtasks only of the shown jobs that may have new ones;
 * every this many idle reads, and on every user's Refresh, the full list with every subtask.
 */
export const fullListEveryNthIdleRead = 10;

/** The ids of these tasks and of all their subtasks. */
function idsWithSubtasks(tasks: readonly Task[]): string[] {
  return tasks.flatMap((task) => [task.id, ...idsWithSubtasks(task.children)]);
}

/** The highest of these ids that are numbers (LXCA's are strings of digits); undefined when none is. */
function highestJobId(ids: readonly string[]): number | undefined {
  let highest: number | undefined;
  for (const id of ids) if (/^\d{1,15}$/.test(id)) highest = Math.max(highest ?? 0, Number(id));
  return highest;
}

/** The subtasks a shown job had when last read with them, and whether it had finished then. */
interface KnownSubtasks {
  readonly children: readonly Task[];
  readonly finished: boolean;
}

/**
 * LXCA jobs. LXCA documents no paging, filter or sort for `GET /tasks`: the whole list is read and
 * paged, filtered and sorted here.
 */
export class LxcaAdapter implements ProductAdapter {
  readonly info = productInfo('lxca');
  readonly cancelCallback: CancelCallbackSender;
  private readonly reportDuplicate: DuplicateReport;
  /** The subtasks of the jobs shown by the last list read, by job id. */
  private knownSubtasks = new Map<string, KnownSubtasks>();
  /** Idle reads since the last full list. */
  private idleReads = 0;
  /** The highest numeric job id (of a job or a subtask) the lists read so far showed. */
  private newestJobId: number | undefined;

  /** `onNotice` hears about odd answers worth a line in the log (a job listed twice). */
  constructor(
    private readonly api: LxcaApi,
    private readonly connection: string,
    private readonly client: LxcaClient,
    private readonly closeHttp: () => Promise<void>,
    onNotice?: (message: string) => void,
  ) {
    this.cancelCallback = {
      check: (input) => void api.validateCancelCallback(input),
      send: (ids, input) => client.cancelWithCallback(ids, input),
    };
    this.reportDuplicate = duplicateReporter(this.info.noun, onNotice);
  }

  /**
   * Newest first without a filter, only the jobs shown are parsed and become Tasks: the newest
   * `limit` are picked by id first, and the totals counted from the statuses alone. A filter or
   * "Running first" needs every job parsed and mapped. A job listed twice is shown once (the first
   * wins), so the tree never holds two rows of one id.
   */
  async list(query: TaskQuery, limit: number, { background, signal }: ListOptions): Promise<TaskPage> {
    const compact = this.compactRead(background);
    const { listedIds, ...page } = await this.listPage(query, limit, { background, signal, compact });
    const tasks = compact ? await this.withSubtasks(page.tasks, { background, signal }) : page.tasks;
    this.knownSubtasks = new Map(tasks.map((task) => [task.id, { children: task.children, finished: !isUnfinished(task) }]));
    this.newestJobId = highestJobId([...listedIds, ...idsWithSubtasks(tasks)]);
    return { ...page, tasks };
  }

  /**
   * Whether LXCA has a job newer than every job the last list showed: one `GET /tasks/{id}` of the
   * id after the highest known. This relies on LXCA giving job ids in increasing order (an
   * assumption, not documented: docs/api/lxca.md, "Idle reads"); were it wrong, a new job would
   * still appear at the next full list, a few idle intervals later.
   */
  async hasNewer(background: boolean, signal?: AbortSignal): Promise<boolean | undefined> {
    if (this.newestJobId === undefined) return undefined;
    try {
      return (await this.client.getJobs([String(this.newestJobId + 1)], { background, signal })).length > 0;
    } catch (error) {
      if (apiErrorKind(error) === 'notFound') return false;
      throw error;
    }
  }

  /** Whether this read may leave the subtasks out: an idle read, but not every Nth, and not before one full list. */
  private compactRead(background: boolean): boolean {
    if (background && this.knownSubtasks.size > 0 && ++this.idleReads % fullListEveryNthIdleRead !== 0) return true;
    this.idleReads = 0;
    return false;
  }

  /**
   * The shown jobs of a compact read with their subtasks: read again (`GET /tasks/{ids}`) for a job
   * not shown before, and for one with subtasks that is unfinished or was at the last read; the
   * others keep those last read, so subtasks never vanish between reads.
   */
  private async withSubtasks(tasks: readonly Task[], options: RequestOptions): Promise<Task[]> {
    const stale = tasks.filter((task) => {
      const known = this.knownSubtasks.get(task.id);
      return !known || (known.children.length > 0 && (!known.finished || isUnfinished(task)));
    });
    const fresh = new Map<string, Task>();
    for (const chunk of jobListChunks(stale.map((task) => task.id))) {
      try {
        for (const task of this.toTasks(await this.client.getJobs(chunk, options), false)) fresh.set(task.id, task);
      } catch (error) {
        // A job gone since the list, or an id no path can carry: it keeps what was known.
        const kind = apiErrorKind(error);
        if (kind !== 'notFound' && kind !== 'invalidInput') throw error;
      }
    }
    return tasks.map((task) => {
      const read = fresh.get(task.id);
      if (read) return read;
      const known = this.knownSubtasks.get(task.id);
      return known?.children.length ? { ...task, children: known.children } : task;
    });
  }

  /** The page, and the ids of every job the list carried (with their subtasks when not compact). */
  private async listPage(query: TaskQuery, limit: number, { background, signal, compact }: ListJobsOptions): Promise<TaskPage & { listedIds: string[] }> {
    if (isEmptyQuery(query) && query.order !== 'runningFirst') {
      const records = this.uniqueRecords(await this.client.listJobRecords({ background, signal, compact }));
      const serverOrder = new Map(records.map((record, index) => [record, index]));
      // Ids repeated inside the page are dropped in the server's order (the first wins), then shown newest first.
      const page = firstK(records, limit, newerRecordFirst).sort((a, b) => serverOrder.get(a)! - serverOrder.get(b)!);
      const jobs = page.flatMap(({ record }) => this.api.parseLxcaJob(record) ?? []);
      const totals = totalsOfCategories(records.map(({ status }) => lxcaStatusCategory(status)));
      return { tasks: this.toTasks(jobs, false).sort(newerTaskFirst), total: records.length, totals, listedIds: records.map((record) => record.jobUID) };
    }
    const tasks = this.toTasks(await this.client.listJobs({ background, signal, compact }), false);
    const matching = tasks.filter((task) => matchesQuery(task, query));
    return { tasks: orderedPage(matching.sort(newerTaskFirst), query.order, limit), total: matching.length, totals: totalsOf(tasks), listedIds: idsWithSubtasks(tasks) };
  }

  private uniqueRecords(records: readonly LxcaJobRecord[]): LxcaJobRecord[] {
    const seen = new Set<string>();
    return records.filter((record) => {
      if (!seen.has(record.jobUID)) return seen.add(record.jobUID);
      this.reportDuplicate({ key: taskKey(this.connection, record.jobUID), id: record.jobUID });
      return false;
    });
  }

  /**
   * The unfinished jobs in one `GET /tasks/{job_list}` (several only when the list would make the
   * URL too long). A job LXCA no longer has (404, or left out of the answer) needs the full list.
   */
  async readUnfinished(tasks: readonly Task[], background: boolean, signal?: AbortSignal): Promise<Task[] | undefined> {
    const ids = readableById(tasks, this.api.isUsableLxcaJobId).map((task) => task.id);
    const jobs: LxcaJob[] = [];
    try {
      for (const chunk of jobListChunks(ids)) jobs.push(...(await this.client.getJobs(chunk, { background, signal })));
    } catch (error) {
      if (apiErrorKind(error) === 'notFound') return undefined;
      throw error;
    }
    if (jobs.length !== ids.length) return undefined;
    return this.toTasks(jobs, false);
  }

  /** One `GET /tasks/{ids}`; a job LXCA leaves out is missing from the answer. */
  async read(ids: readonly string[]): Promise<Task[]> {
    return this.toTasks(await this.client.getJobs(ids));
  }

  /**
   * One `cancelJobs` call for the connection: the client sends one request per cancel hook, using
   * the hook each job advertised.
   */
  async perform(request: ActionRequest, tasks: readonly Task[]): Promise<TaskOutcome[]> {
    if (request.operation !== 'cancel') return failedOutcomes(tasks, new Error(t('LXCA jobs cannot be {0}.', request.participle)));
    let outcomes;
    try {
      const jobs = tasks.map((task): LxcaJob => ({ jobUID: task.id, cancelHook: task.cancelHook, children: [], raw: task.raw }));
      outcomes = await this.client.cancelJobs(jobs, { expirationTimeOut: request.cancelExpirationSeconds, plain: request.cancelRequest === 'plain' });
    } catch (error) {
      return failedOutcomes(tasks, error);
    }
    const byJob = new Map(outcomes.flatMap((outcome) => outcome.jobIds.map((id) => [id, outcome] as const)));
    return tasks.map((task): TaskOutcome => {
      const outcome = byJob.get(task.id);
      if (!outcome) return { task, ok: false, error: new Error(t('No cancel request was sent for this job.')) };
      // A hook sent with `PUT /tasks/{job_list}` may only register it (specs §8): its job is watched for the plain cancel.
      return outcome.ok ? { task, ok: true, plainCancelIfNotTaken: outcome.hook } : { task, ok: false, error: outcome.error };
    });
  }

  async describe(): Promise<string> {
    const jobs = await this.client.listJobs({ compact: true });
    return t('{0}, {1} jobs', this.info.name, jobs.length);
  }

  async details(task: Task): Promise<ProductDetails> {
    return lxcaDetails(this.api, task);
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => undefined);
    await this.closeHttp();
  }

  /** Tasks read one by one (`read`) keep the server's object for the details view; listed ones leave it out. */
  private toTasks(jobs: readonly LxcaJob[], withRaw = true): Task[] {
    return uniqueTasks(
      jobs.map((job) => toLxcaTask(this.api, this.connection, job, withRaw)),
      this.reportDuplicate,
    );
  }
}
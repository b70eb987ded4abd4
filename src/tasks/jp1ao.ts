import type { Jp1aoClient } from '../api/jp1ao/client';
import type { Jp1aoTask } from '../api/jp1ao/types';
import { mapWithConcurrency, groupBy } from '../util/collections';
import { optionalString } from '../util/values';
import { errorText } from './errorText';
import { logTail } from './detailsContent';
import { failedOutcomes, sharedOutcome, type ActionOperation, type ActionRequest, type NotesEditor, type NotesView, type ProductAdapter, type ProductDetails, type TaskOutcome, type ListOptions, type TaskPage, type TaskTotals } from './adapter';
import { Jp1aoLists } from './jp1aoLists';
import type { Task, TaskOperation } from './model';
import { productInfo } from './products';
import { splitToDoWord, type TaskQuery } from './query';
import { duplicateReporter, uniqueTasks, type DuplicateReport } from './uniqueTasks';
import { t } from './l10n';
import { readableById } from './unusableId';
import { safeLine } from '../util/displayText';
import { Jp1aoOperatorLoop, type OperatorLoop } from './jp1aoLoop';
import { toJp1aoTask, type Jp1aoApi } from './jp1aoMapping';
import { jp1aoFields, jp1aoSummaryRows, notesSnapshot, propertyRows, sameModifyTime, serverZone } from './jp1aoDetails';

/** Calls in flight per JP1/AO server: quick for a big selection without flooding the server. */
export const jp1aoConcurrency = 4;

/** Bytes of the task log read from its end, and how many of its lines the details page shows. */
const logReadSize = 16 * 1024;
const logLines = 200;

type TaskCall = (client: Jp1aoClient, id: string) => Promise<unknown>;

const taskCalls = new Map<ActionOperation, TaskCall>([
  ['stop', (client, id) => client.stop(id)],
  ['forceStop', (client, id) => client.forceStop(id)],
  ['retry', (client, id) => client.rerunStart(id)],
  ['retryNext', (client, id) => client.rerunStepStart(id)],
  ['archive', (client, id) => client.archive(id)],
]);

/** JP1/AO tasks. The server pages, filters and sorts: one request returns the first tasks and the total. */
export class Jp1aoAdapter implements ProductAdapter {
  readonly info = productInfo('jp1ao');
  readonly notes: NotesEditor;
  readonly operatorLoop: OperatorLoop | undefined;
  private readonly reportDuplicate: DuplicateReport;
  private readonly lists: Jp1aoLists;
  /** Operations the server said it does not offer for a task, kept from the menu while its status stays. */
  private readonly withheld = new Map<string, { status: string; operations: Set<TaskOperation> }>();

  /** `onNotice` hears about odd answers worth a line in the log (a task listed twice). */
  constructor(
    private readonly api: Jp1aoApi,
    private readonly connection: string,
    private readonly client: Jp1aoClient,
    private readonly username: string,
    private readonly closeHttp: () => Promise<void>,
    onNotice?: (message: string) => void,
  ) {
    this.reportDuplicate = duplicateReporter(this.info.noun, onNotice);
    this.lists = new Jp1aoLists(client, {
      toTask: (task) => this.toTask(task),
      unique: (tasks) => this.unique(tasks),
      notice: (message) => onNotice?.(message),
    });
    const { jp1aoResponseChoices, jp1aoResponseBody, jp1aoResubmitInputs, jp1aoResubmitBody } = api;
    this.operatorLoop =
      jp1aoResponseChoices && jp1aoResponseBody && jp1aoResubmitInputs && jp1aoResubmitBody
        ? new Jp1aoOperatorLoop({ jp1aoResponseChoices, jp1aoResponseBody, jp1aoResubmitInputs, jp1aoResubmitBody }, client, (task) => this.toTask(task))
        : undefined;
    this.notes = {
      read: async (id) => this.notesView(await client.getTask(id)),
      viewOf: (task) => this.notesView(task.raw as Jp1aoTask),
      sameVersion: (a, b) => sameModifyTime(api, a, b),
      save: async (id, edit) => this.toTask(await client.updateTask(id, edit)),
      setToDo: async (id, toDo) => {
        const current = await client.getTask(id);
        const notes = typeof current.notes === 'string' ? current.notes : '';
        return this.toTask(await client.updateTask(id, { notes, toDo }));
      },
    };
  }

  async list(query: TaskQuery, limit: number, options: ListOptions): Promise<TaskPage> {
    // "TODO" among the words filters on the flag instead of searching for the word.
    const { words, toDo } = splitToDoWord(query.text);
    return this.lists.list({ q: words || undefined, filter: toDo ? 'toDo eq true' : undefined }, query, limit, options);
  }

  async readUnfinished(tasks: readonly Task[], _background: boolean, signal?: AbortSignal): Promise<Task[] | undefined> {
    return this.lists.readUnfinished(readableById(tasks, this.api.isUsableJp1aoId), signal);
  }

  /** The server's counts of running and failed tasks. */
  async totals(): Promise<TaskTotals> {
    return this.lists.totals();
  }

  /** One `GET …/Tasks/{id}` per task. */
  async read(ids: readonly string[]): Promise<Task[]> {
    return this.unique(await mapWithConcurrency(ids, jp1aoConcurrency, async (id) => this.toTask(await this.client.getTask(id))));
  }

  private unique(tasks: readonly Task[]): Task[] {
    return uniqueTasks(tasks, this.reportDuplicate);
  }

  async perform(request: ActionRequest, tasks: readonly Task[]): Promise<TaskOutcome[]> {
    const call = taskCalls.get(request.operation);
    if (!call) return this.cancelSchedules(tasks);
    const outcomes = await mapWithConcurrency(tasks, jp1aoConcurrency, (task) => sharedOutcome([task], () => this.offered(request.operation, task, () => call(this.client, task.id))));
    return outcomes.flat();
  }

  /**
   * Runs the operation; when its template answers 404 or 409, the server does not offer it for the
   * task now: the message says so, and the task's menu leaves it out until the task's status changes.
   */
  private async offered(operation: TaskOperation, task: Task, run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof this.api.Jp1aoOperationNotOffered)) throw error;
      const known = this.withheld.get(task.id);
      const operations = known?.status === task.status ? known.operations : new Set<TaskOperation>();
      this.withheld.set(task.id, { status: task.status, operations: operations.add(operation) });
      // Typed like every failure of a call, with the words a user reads; the server's own stay in the cause.
      throw new this.api.ApiError(error.kind, t('The JP1/AO server does not offer this operation for the task now. It is not offered for this task again until its status changes.'), { status: error.status, cause: error });
    }
  }

  /** A waiting or holding task is cancelled through its schedule: one call per schedule. */
  private async cancelSchedules(tasks: readonly Task[]): Promise<TaskOutcome[]> {
    const bySchedule = groupBy(tasks, (task) => task.scheduleId);
    const unscheduled = failedOutcomes(bySchedule.get(undefined) ?? [], new Error(t('The task has no schedule to cancel.')));
    bySchedule.delete(undefined);
    const outcomes = await mapWithConcurrency([...bySchedule], jp1aoConcurrency, ([scheduleId, group]) =>
      sharedOutcome(group, () => this.offered('cancel', group[0], () => this.client.cancelSchedule(scheduleId!))),
    );
    return [...outcomes.flat(), ...unscheduled];
  }

  async describe(): Promise<string> {
    const [version, user] = await Promise.all([this.client.version(), this.client.user()]);
    // The server's words, whatever their type (`{"toString":1}` cannot be put in a template string).
    const name = safeLine(version.productName) || this.info.name;
    const apiVersion = safeLine(version.apiVersion, 40);
    const api = apiVersion ? ` (API ${apiVersion})` : '';
    const who = safeLine(user.name) || this.username;
    return t('{0}, signed in as {1}', `${name} ${safeLine(version.productVersion, 40)}${api}`.replace(/\s+/g, ' ').trim(), who);
  }

  /** The members, the property values and the end of the task log; a part that fails says so. */
  async details(task: Task): Promise<ProductDetails> {
    const [properties, log, offered] = await Promise.allSettled([
      this.client.propertyValues(task.id),
      this.client.taskLog(task.id, { reverse: true, offset: 0, readSize: logReadSize }),
      this.client.taskActions(task.id),
    ]);
    const operations = offered.status === 'fulfilled' ? [{ name: t('Operations the server offers now'), value: offered.value.join(', ') || t('none') }] : [];
    return {
      fields: [...jp1aoFields(this.api, task), ...operations],
      properties: properties.status === 'fulfilled' ? { rows: propertyRows(properties.value) } : { error: errorText(properties.reason) },
      log: log.status === 'fulfilled' ? { ...logTail(log.value, logReadSize, logLines), zone: serverZone(task) } : { error: errorText(log.reason) },
    };
  }

  async close(): Promise<void> {
    this.client.signOut();
    await this.closeHttp();
  }

  private notesView(task: Jp1aoTask): NotesView {
    const identity = `${String(task.instanceID)}@${optionalString(task.submitTime) ?? ''}`;
    return { title: this.toTask(task).title, summary: jp1aoSummaryRows(this.api, task), saved: notesSnapshot(task), identity };
  }

  private toTask(task: Jp1aoTask): Task {
    this.lists.words.learn(task.status);
    const mapped = toJp1aoTask(this.api, this.connection, task);
    const withheld = this.withheld.get(mapped.id);
    if (!withheld) return mapped;
    if (withheld.status !== mapped.status) {
      this.withheld.delete(mapped.id); // the status moved on: the server may offer it again
      return mapped;
    }
    return { ...mapped, operations: mapped.operations.filter((operation) => !withheld.operations.has(operation)) };
  }
}

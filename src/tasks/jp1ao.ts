import type * as Api from '../api/index';
import type { Jp1aoClient } from '../api/jp1ao/client';
import type { Jp1aoTask, PropertyValue } from '../api/jp1ao/types';
import { mapWithConcurrency, groupBy } from '../util/collections';
import { displayText, isPresent, optionalBoolean, optionalString } from '../util/values';
import { safeText } from '../util/safeText';
import { apiErrorKind, errorText } from '../ui/errorText';
import { fieldsOf, logTail } from '../webview/detailsContent';
import type { FieldValue, NotesSnapshot, PropertyRow, Row } from '../webview/protocol';
import {
  failedOutcomes,
  sharedOutcome,
  type ActionOperation,
  type ActionRequest,
  type NotesEditor,
  type NotesView,
  type ProductAdapter,
  type ProductDetails,
  type TaskOutcome,
  type ListOptions,
  type TaskPage,
  type TaskTotals,
} from './adapter';
import { jp1aoStatusMeaning, jp1aoStatusOf, jp1aoStatusesIn, operationStatuses } from './jp1aoStatus';
import { activeCategories, taskKey, type StatusCategory, type Task, type TaskOperation } from './model';
import { orderedPage } from './ordering';
import { productInfo } from './products';
import { localTimeText } from './time';
import type { TaskQuery } from './query';
import { duplicateReporter, uniqueTasks, type DuplicateReport } from './uniqueTasks';
import { t } from './l10n';
import { Jp1aoOperatorLoop, type Jp1aoLoopApi, type OperatorLoop } from './jp1aoLoop';

/** What JP1/AO tasks need from the API bundle to become Tasks and details (loaded lazily by the caller). */
export type Jp1aoApi = Pick<typeof Api, 'parseJp1aoTime' | 'jp1aoSupportedActionTypeNames'> & Partial<Jp1aoLoopApi>;

const unfinishedCategories: readonly StatusCategory[] = ['running', 'runningWithErrors', 'pending'];

/** Calls in flight per JP1/AO server: quick for a big selection without flooding the server. */
export const jp1aoConcurrency = 4;

/** Up to this many unfinished tasks are read one by one; more cost one filtered list instead. */
const maxSingleReads = 2;
/** Room in the filtered list for tasks started since the last full read, so the shown ones still fit. */
const unfinishedSpare = 50;
const unfinishedStatuses = jp1aoStatusesIn([...activeCategories]);

/** Bytes of the task log read from its end, and how many of its lines the details page shows. */
const logReadSize = 16 * 1024;
const logLines = 200;

/**
 * The lower-cased names in `supportedActionType`, or undefined when the server did not send it.
 * Sent but empty means the service supports none of the optional actions.
 */
function supportedActionTypes(task: Jp1aoTask): Set<string> | undefined {
  const field = task.supportedActionType;
  if (typeof field !== 'string') return undefined;
  return new Set(field.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean));
}

function capabilityNames(api: Jp1aoApi, operation: TaskOperation): readonly string[] | undefined {
  const capabilities: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(api.jp1aoSupportedActionTypeNames));
  return capabilities.get(operation);
}

function supportedByService(api: Jp1aoApi, operation: TaskOperation, supported: Set<string> | undefined): boolean {
  const names = capabilityNames(api, operation);
  if (supported === undefined || names === undefined) return true;
  return names.some((name) => supported.has(name.toLowerCase()));
}

const operationTitles = new Map<TaskOperation, string>([
  ['forceStop', 'Force Stop'],
  ['retry', 'Retry'],
]);

/** The actions the task's status allows but its service does not support, each with why. */
export function jp1aoNotOffered(api: Jp1aoApi, task: Jp1aoTask): string[] {
  const status = typeof task.status === 'string' ? jp1aoStatusOf(task.status) : undefined;
  const supported = supportedActionTypes(task);
  const reasons: string[] = [];
  for (const [operation, title] of operationTitles) {
    const allowed = status !== undefined && operationStatuses.get(operation)?.includes(status);
    if (allowed && !supportedByService(api, operation, supported)) {
      const listed = [...(supported ?? [])].join(', ') || 'nothing';
      reasons.push(`${title}: the task's service does not support it (supported actions: ${listed})`);
    }
  }
  return reasons;
}

/** The service's `supportedActionType` names this operation explicitly. */
function namedByService(api: Jp1aoApi, operation: TaskOperation, supported: Set<string>): boolean {
  return capabilityNames(api, operation)?.some((name) => supported.has(name.toLowerCase())) ?? false;
}

/**
 * Operations the user may start on this task, sorted. For a status we do not know, the server's
 * `supportedActionType` alone decides: the operations it names are offered and the server judges.
 */
export function jp1aoOperations(api: Jp1aoApi, task: Jp1aoTask): TaskOperation[] {
  const status = typeof task.status === 'string' ? jp1aoStatusOf(task.status) : undefined;
  const supported = supportedActionTypes(task);
  const operations: TaskOperation[] = ['editNotes'];
  for (const [operation, statuses] of operationStatuses) {
    if (status === undefined) {
      if (supported !== undefined && namedByService(api, operation, supported)) operations.push(operation);
      continue;
    }
    if (!statuses.includes(status)) continue;
    if (operation === 'cancel' && !isPresent(task.scheduleID)) continue;
    if (supportedByService(api, operation, supported)) operations.push(operation);
  }
  return operations.sort();
}

/**
 * JP1/AO names a task `<service>_<YYYYMMDDhhmmss>`, the stamp being its submit time in the
 * server's zone. Such a name is told apart by its time: the service name becomes the row's label
 * and the time goes beside it. Any other name is shown whole.
 */
export function jp1aoShortTitle(api: Jp1aoApi, task: Jp1aoTask): Task['shortTitle'] {
  const name = optionalString(task.name);
  const submitText = optionalString(task.submitTime);
  const match = name === undefined ? null : /^(.+)_(\d{14})$/.exec(name);
  const submitted = api.parseJp1aoTime(submitText);
  if (!match || submitText === undefined || submitted === undefined) return undefined;
  if (submitText.replace(/\D/g, '').slice(0, 14) !== match[2]) return undefined;
  const service = optionalString(task.serviceName)?.trim() || match[1].replace(/_/g, ' ');
  return { label: service, time: submitted };
}

/** Map one JP1/AO task to the extension's Task model. */
export function toJp1aoTask(api: Jp1aoApi, connection: string, task: Jp1aoTask): Task {
  const id = String(task.instanceID);
  const rawStatus = optionalString(task.status) ?? '';
  const meaning = jp1aoStatusMeaning(rawStatus);
  return {
    key: taskKey(connection, id),
    id,
    connection,
    product: 'jp1ao',
    title: optionalString(task.name) || t('Task {0}', id),
    shortTitle: jp1aoShortTitle(api, task),
    status: rawStatus,
    statusLabel: meaning.label,
    category: meaning.category,
    awaitsResponse: jp1aoStatusOf(rawStatus) === 'waitingResponse' || undefined,
    start: api.parseJp1aoTime(task.startTime) ?? api.parseJp1aoTime(task.scheduledStartTime),
    end: api.parseJp1aoTime(task.completionTime),
    owner: optionalString(task.submitter),
    children: [],
    notes: optionalString(task.notes),
    toDo: optionalBoolean(task.toDo),
    modifyTime: optionalString(task.modifyTime),
    scheduleId: isPresent(task.scheduleID) ? String(task.scheduleID) : undefined,
    operations: jp1aoOperations(api, task),
    notOffered: jp1aoNotOffered(api, task),
    raw: task,
  };
}

/** A JP1/AO time as the user's local time, or the server's text when it cannot be read. */
export function jp1aoTimeText(api: Jp1aoApi, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ms = api.parseJp1aoTime(value);
  return ms === undefined ? value : localTimeText(ms);
}

function labelled(text: string | undefined, format: (text: string) => string): string | undefined {
  return text && format(text);
}

function schedule(task: Jp1aoTask): string | undefined {
  const parts = [
    displayText(task.scheduleType),
    labelled(displayText(task.recurrenceInterval), (text) => t('every {0}', text)),
    labelled(displayText(task.recurrenceTime), (text) => t('at {0}', text)),
    labelled(displayText(task.recurrenceStartDate), (text) => t('from {0}', text)),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(t(', ')) : undefined;
}

/** The read-only facts above the notes form. */
export function jp1aoSummaryRows(api: Jp1aoApi, task: Jp1aoTask): Row[] {
  const time = (value: unknown) => jp1aoTimeText(api, value);
  const rows: [string, string | undefined][] = [
    [t('Name'), displayText(task.name)],
    [t('Status'), displayText(jp1aoStatusMeaning(optionalString(task.status) ?? '').label)],
    [t('Service'), displayText(task.serviceName)],
    [t('Service group'), displayText(task.serviceGroupName)],
    [t('Submitter'), displayText(task.submitter)],
    [t('Submitted'), time(task.submitTime)],
    [t('Scheduled start'), time(task.scheduledStartTime)],
    [t('Started'), time(task.startTime)],
    [t('Completed'), time(task.completionTime)],
    [t('Modified'), time(task.modifyTime)],
    [t('Tags'), displayText(task.tags)],
    [t('Schedule'), schedule(task)],
    [t('Supported actions'), displayText(task.supportedActionType)],
    [t('Task ID'), displayText(task.instanceID)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, value]) => ({ label, value }));
}

export function notesSnapshot(task: Jp1aoTask): NotesSnapshot {
  return {
    notes: typeof task.notes === 'string' ? task.notes : '',
    toDo: task.toDo === true,
    modifyTime: typeof task.modifyTime === 'string' ? task.modifyTime : undefined,
  };
}

/** Same instant, whatever the offset's spelling (`+0900` / `+09:00`). */
export function sameModifyTime(api: Jp1aoApi, a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  const [ma, mb] = [api.parseJp1aoTime(a), api.parseJp1aoTime(b)];
  return ma !== undefined && ma === mb;
}

export function propertyRows(values: readonly PropertyValue[]): PropertyRow[] {
  return values.map((property) => {
    const name = property.displayName ?? property.name;
    const value = property.value;
    return {
      key: typeof property.keyName === 'string' ? property.keyName : '',
      name: typeof name === 'string' && name !== property.keyName ? name : undefined,
      value: safeText(value),
    };
  });
}

/** The task's members for the details page, its times also in the user's local time. */
export function jp1aoFields(api: Jp1aoApi, task: Task): ProductDetails['fields'] {
  const localTime = (name: string, value: unknown): FieldValue | undefined => {
    if (typeof value !== 'string' || !/Time$/.test(name)) return undefined;
    const time = jp1aoTimeText(api, value);
    return { kind: 'text', text: time && time !== value ? `${time} (${value})` : value };
  };
  return fieldsOf(task, localTime);
}

/** The word "TODO" in the filter means tasks marked TODO; the server searches for the other words. */
export function splitToDoWord(text: string | undefined): { words: string; toDo: boolean } {
  const words = (text ?? '').split(/\s+/).filter(Boolean);
  const rest = words.filter((word) => word.toLowerCase() !== 'todo');
  return { words: rest.join(' '), toDo: rest.length !== words.length };
}

type TaskCall = (client: Jp1aoClient, id: string) => Promise<unknown>;

const taskCalls = new Map<ActionOperation, TaskCall>([
  ['stop', (client, id) => client.stop(id)],
  ['forceStop', (client, id) => client.forceStop(id)],
  ['retry', (client, id) => client.rerunStart(id)],
  ['retryNext', (client, id) => client.rerunStepStart(id)],
  ['archive', (client, id) => client.archive(id)],
]);

/** JP1/AO tasks. The server pages, filters and sorts: one request returns the first tasks and the total. */
/** The server's offset from UTC ("UTC+09:00") as the task's own times carry it: its log is in that clock. */
export function serverZone(task: Task): string | undefined {
  const raw = task.raw as Partial<Jp1aoTask> | undefined;
  for (const time of [raw?.submitTime, raw?.startTime]) {
    const match = typeof time === 'string' ? /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(time.trim().slice(-8)) : null;
    if (match) return match[1] ? `UTC${match[1]}${match[2]}:${match[3]}` : 'UTC';
  }
  return undefined;
}

export class Jp1aoAdapter implements ProductAdapter {
  readonly info = productInfo('jp1ao');
  readonly notes: NotesEditor;
  readonly operatorLoop: OperatorLoop | undefined;
  private readonly reportDuplicate: DuplicateReport;

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

  async list(query: TaskQuery, limit: number, { signal, totals: withTotals }: ListOptions): Promise<TaskPage> {
    const statuses = query.categories?.length ? jp1aoStatusesIn(query.categories) : undefined;
    // "TODO" among the words filters on the flag instead of searching for the word.
    const { words, toDo } = splitToDoWord(query.text);
    const q = words || undefined;
    const filter = toDo ? 'toDo eq true' : undefined;
    const [page, unfinished, totals] = await Promise.all([
      statuses && !statuses.length ? { tasks: [], count: 0 } : this.client.listTasks({ q, filter, statuses, offset: 0, limit, signal }),
      query.order === 'runningFirst' ? this.unfinished(q, filter, query, limit) : [],
      withTotals ? this.totals() : undefined,
    ]);
    const tasks = this.unique(page.tasks.map((task) => this.toTask(task)));
    if (query.order !== 'runningFirst') return { tasks, total: page.count, totals };
    // The running and pending tasks first, then the newest of the rest, each newest first.
    const merged = new Map([...this.unique(unfinished), ...tasks].map((task) => [task.key, task]));
    return { tasks: orderedPage([...merged.values()], 'runningFirst', limit), total: page.count, totals };
  }

  /**
   * A few unfinished tasks are read one by one; more in one list filtered to the unfinished
   * statuses, which costs one request. A task that left that list (it finished or was archived)
   * or one that is gone needs the full page to show where it went.
   */
  async readUnfinished(tasks: readonly Task[], _background: boolean, signal?: AbortSignal): Promise<Task[] | undefined> {
    try {
      if (tasks.length <= maxSingleReads) {
        return this.unique(await mapWithConcurrency(tasks, jp1aoConcurrency, async (task) => this.toTask(await this.client.getTask(task.id, { signal }))));
      }
      const page = await this.client.listTasks({ statuses: unfinishedStatuses, offset: 0, limit: tasks.length + unfinishedSpare, signal });
      const byId = new Map(page.tasks.map((task) => [String(task.instanceID), task]));
      const read = tasks.map((task) => byId.get(task.id));
      if (read.some((task) => task === undefined)) return undefined;
      return this.unique(read.map((task) => this.toTask(task!)));
    } catch (error) {
      if (apiErrorKind(error) === 'notFound') return undefined;
      throw error;
    }
  }

  /** The running and pending tasks matching the query, read with a status filter so none hides behind "Load more…". */
  private async unfinished(q: string | undefined, filter: string | undefined, query: TaskQuery, limit: number): Promise<Task[]> {
    const wanted = unfinishedCategories.filter((category) => !query.categories?.length || query.categories.includes(category));
    const statuses = jp1aoStatusesIn(wanted);
    if (!statuses.length) return [];
    const page = await this.client.listTasks({ q, filter, statuses, offset: 0, limit });
    return page.tasks.map((task) => this.toTask(task));
  }

  /** The server's counts of running and failed tasks: one filtered request each, reading only `count`. */
  async totals(): Promise<TaskTotals> {
    const count = async (categories: readonly StatusCategory[]) =>
      (await this.client.listTasks({ statuses: jp1aoStatusesIn(categories), offset: 0, limit: 1 })).count;
    const [running, failed] = await Promise.all([count(['running', 'runningWithErrors']), count(['failed'])]);
    return { running, failed };
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
    const outcomes = await mapWithConcurrency(tasks, jp1aoConcurrency, (task) => sharedOutcome([task], () => call(this.client, task.id)));
    return outcomes.flat();
  }

  /** A waiting or holding task is cancelled through its schedule: one call per schedule. */
  private async cancelSchedules(tasks: readonly Task[]): Promise<TaskOutcome[]> {
    const bySchedule = groupBy(tasks, (task) => task.scheduleId);
    const unscheduled = failedOutcomes(bySchedule.get(undefined) ?? [], new Error(t('The task has no schedule to cancel.')));
    bySchedule.delete(undefined);
    const outcomes = await mapWithConcurrency([...bySchedule], jp1aoConcurrency, ([scheduleId, group]) =>
      sharedOutcome(group, () => this.client.cancelSchedule(scheduleId!)),
    );
    return [...outcomes.flat(), ...unscheduled];
  }

  async describe(): Promise<string> {
    const [version, user] = await Promise.all([this.client.version(), this.client.user()]);
    const name = version.productName ?? this.info.name;
    const api = version.apiVersion ? ` (API ${version.apiVersion})` : '';
    const who = user.name ?? this.username;
    return t('{0}, signed in as {1}', `${name} ${version.productVersion ?? ''}${api}`.replace(/\s+/g, ' ').trim(), who);
  }

  /** The members, the property values and the end of the task log; a part that fails says so. */
  async details(task: Task): Promise<ProductDetails> {
    const [properties, log] = await Promise.allSettled([
      this.client.propertyValues(task.id),
      this.client.taskLog(task.id, { reverse: true, offset: 0, readSize: logReadSize }),
    ]);
    return {
      fields: jp1aoFields(this.api, task),
      properties: properties.status === 'fulfilled' ? { rows: propertyRows(properties.value) } : { error: errorText(properties.reason) },
      log: log.status === 'fulfilled' ? { ...logTail(log.value, logReadSize, logLines), zone: serverZone(task) } : { error: errorText(log.reason) },
    };
  }

  async close(): Promise<void> {
    this.client.signOut();
    await this.closeHttp();
  }

  private notesView(task: Jp1aoTask): NotesView {
    return { title: this.toTask(task).title, summary: jp1aoSummaryRows(this.api, task), saved: notesSnapshot(task) };
  }

  private toTask(task: Jp1aoTask): Task {
    return toJp1aoTask(this.api, this.connection, task);
  }
}

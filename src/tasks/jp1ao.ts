import type * as Api from '../api/index';
import type { Jp1aoClient } from '../api/jp1ao/client';
import type { Jp1aoTask, PropertyValue } from '../api/jp1ao/types';
import { mapWithConcurrency, groupBy } from '../util/collections';
import { displayText, isPresent, optionalBoolean, optionalString } from '../util/values';
import { safeText } from '../util/safeText';
import { errorText } from './errorText';
import { fieldsOf, logTail } from './detailsContent';
import type { FieldValue, NotesSnapshot, PropertyRow, Row } from './detailsData';
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
import { jp1aoStatusMeaning, jp1aoStatusOf, operationStatuses } from './jp1aoStatus';
import { Jp1aoLists } from './jp1aoLists';
import { taskKey, type Task, type TaskOperation } from './model';
import { productInfo } from './products';
import { localTimeText } from './time';
import { splitToDoWord, type TaskQuery } from './query';
import { duplicateReporter, uniqueTasks, type DuplicateReport } from './uniqueTasks';
import { t } from './l10n';
import { readableById, withUnusableId } from './unusableId';
import { safeLine } from '../util/displayText';
import { Jp1aoOperatorLoop, type Jp1aoLoopApi, type OperatorLoop } from './jp1aoLoop';

/** What JP1/AO tasks need from the API bundle to become Tasks and details (loaded lazily by the caller). */
export type Jp1aoApi = Pick<typeof Api, 'parseJp1aoTime' | 'jp1aoSupportedActionTypeNames' | 'isUsableJp1aoId' | 'Jp1aoOperationNotOffered' | 'ApiError'> & Partial<Jp1aoLoopApi>;

/** Calls in flight per JP1/AO server: quick for a big selection without flooding the server. */
export const jp1aoConcurrency = 4;

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
  const mapped: Task = {
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
    submitted: api.parseJp1aoTime(task.submitTime),
    ...jp1aoRunTimes(api, task),
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
  return withUnusableId(mapped, api.isUsableJp1aoId);
}

/** A JP1/AO time as the user's local time, or the server's text when it cannot be read. */
/**
 * The start of the latest run and the end. JP1/AO keeps `startTime` at the first start; `stepTime`
 * moves when the task enters a running step again (a retry, an answered response). A `stepTime`
 * after the start and before the end is the latest run's start; one equal to the end is the end's.
 */
export function jp1aoRunTimes(api: Jp1aoApi, task: Jp1aoTask): Pick<Task, 'start' | 'firstStart' | 'end'> {
  const started = api.parseJp1aoTime(task.startTime);
  const end = api.parseJp1aoTime(task.completionTime);
  if (started === undefined) return { start: api.parseJp1aoTime(task.scheduledStartTime), end };
  const step = api.parseJp1aoTime(task.stepTime);
  const rerun = step !== undefined && step > started && (end === undefined || step < end);
  return rerun ? { start: step, firstStart: started, end } : { start: started, end };
}

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

type TaskCall = (client: Jp1aoClient, id: string) => Promise<unknown>;

const taskCalls = new Map<ActionOperation, TaskCall>([
  ['stop', (client, id) => client.stop(id)],
  ['forceStop', (client, id) => client.forceStop(id)],
  ['retry', (client, id) => client.rerunStart(id)],
  ['retryNext', (client, id) => client.rerunStepStart(id)],
  ['archive', (client, id) => client.archive(id)],
]);

/** The server's offset from UTC ("UTC+09:00") as the task's own times carry it: its log is in that clock. */
export function serverZone(task: Task): string | undefined {
  const raw = task.raw as Partial<Jp1aoTask> | undefined;
  for (const time of [raw?.submitTime, raw?.startTime]) {
    const match = typeof time === 'string' ? /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(time.trim().slice(-8)) : null;
    if (match) return match[1] ? `UTC${match[1]}${match[2]}:${match[3]}` : 'UTC';
  }
  return undefined;
}

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
    const operations = offered.status === 'fulfilled' ? [{ name: t('Operations the server offers now'), value: { kind: 'text' as const, text: offered.value.join(', ') || t('none') } }] : [];
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

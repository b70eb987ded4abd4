/**
 * One JP1/AO task as the extension's Task: its status, the operations its status and service
 * allow, its titles and times. Pure: no vscode, no network.
 */
import type * as Api from '../api/index';
import type { Jp1aoTask } from '../api/jp1ao/types';
import { isPresent, optionalBoolean, optionalString } from '../util/values';
import { jp1aoStatusMeaning, jp1aoStatusOf, operationStatuses } from './jp1aoStatus';
import { taskKey, type Task, type TaskOperation } from './model';
import { localTimeText } from './time';
import { t } from './l10n';
import { withUnusableId } from './unusableId';
import type { Jp1aoLoopApi } from './jp1aoLoop';

/** What JP1/AO tasks need from the API bundle to become Tasks and details (loaded lazily by the caller). */
export type Jp1aoApi = Pick<typeof Api, 'parseJp1aoTime' | 'jp1aoSupportedActionTypeNames' | 'isUsableJp1aoId' | 'Jp1aoOperationNotOffered' | 'ApiError'> & Partial<Jp1aoLoopApi>;

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

/** A JP1/AO time as the user's local time, or the server's text when it cannot be read. */
export function jp1aoTimeText(api: Jp1aoApi, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const ms = api.parseJp1aoTime(value);
  return ms === undefined ? value : localTimeText(ms);
}

// Imports name the api files directly: the api index would pull undici into the extension bundle.
import { supportedActionTypeNames, type Jp1aoStatus } from '../api/jp1ao/assumptions';
import { parseJp1aoTime } from '../api/jp1ao/dates';
import type { Jp1aoTask } from '../api/jp1ao/types';
import { taskKey, type StatusCategory, type Task, type TaskOperation } from './model';

interface StatusMeaning {
  label: string;
  category: StatusCategory;
}

/** Spec §3 status table. */
const statusMeanings: Readonly<Record<Jp1aoStatus, StatusMeaning>> = {
  waiting: { label: 'Waiting', category: 'pending' },
  holding: { label: 'Holding (schedule paused)', category: 'pending' },
  inProgress: { label: 'In Progress', category: 'running' },
  waitingResponse: { label: 'Waiting for Response', category: 'running' },
  abnormalDetection: { label: 'In Progress (with Error)', category: 'runningWithErrors' },
  terminating: { label: 'Stopping', category: 'running' },
  completed: { label: 'Completed', category: 'succeeded' },
  failed: { label: 'Failed', category: 'failed' },
  canceled: { label: 'Canceled', category: 'cancelled' },
};

const statusByLowerCase = new Map<string, Jp1aoStatus>(
  (Object.keys(statusMeanings) as Jp1aoStatus[]).map((status) => [status.toLowerCase(), status]),
);

/** The known status a raw value stands for, whatever its casing. */
export function jp1aoStatusOf(raw: string): Jp1aoStatus | undefined {
  return statusByLowerCase.get(raw.trim().toLowerCase());
}

/** Spec §5: the statuses in which each operation is allowed. */
const operationStatuses: Readonly<Partial<Record<TaskOperation, readonly Jp1aoStatus[]>>> = {
  stop: ['inProgress', 'waitingResponse', 'abnormalDetection'],
  forceStop: ['inProgress', 'waitingResponse', 'abnormalDetection', 'terminating'],
  retry: ['failed'],
  retryNext: ['failed'],
  archive: ['completed', 'failed', 'canceled'],
  cancel: ['waiting', 'holding'],
};

function present(value: unknown): value is string | number {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/** The lower-cased names in `supportedActionType`, or undefined when the server did not say. */
function supportedActionTypes(task: Jp1aoTask): Set<string> | undefined {
  const field = task.supportedActionType;
  if (typeof field !== 'string' || field.trim() === '') return undefined;
  return new Set(field.split(',').map((name) => name.trim().toLowerCase()));
}

const capabilityNames: Readonly<Partial<Record<TaskOperation, readonly string[]>>> = supportedActionTypeNames;

function supportedByService(operation: TaskOperation, supported: Set<string> | undefined): boolean {
  const names = capabilityNames[operation];
  if (supported === undefined || names === undefined) return true;
  return names.some((name) => supported.has(name.toLowerCase()));
}

/** Operations the user may start on this task, sorted. */
export function jp1aoOperations(task: Jp1aoTask): TaskOperation[] {
  const status = typeof task.status === 'string' ? jp1aoStatusOf(task.status) : undefined;
  const supported = supportedActionTypes(task);
  const operations: TaskOperation[] = ['editNotes'];
  for (const [operation, statuses] of Object.entries(operationStatuses) as [TaskOperation, readonly Jp1aoStatus[]][]) {
    if (status === undefined || !statuses.includes(status)) continue;
    if (operation === 'cancel' && !present(task.scheduleID)) continue;
    if (supportedByService(operation, supported)) operations.push(operation);
  }
  return operations.sort();
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** Map one JP1/AO task to the extension's Task model. */
export function toJp1aoTask(connection: string, task: Jp1aoTask): Task {
  const id = String(task.instanceID);
  const rawStatus = text(task.status) ?? '';
  const known = jp1aoStatusOf(rawStatus);
  const meaning: StatusMeaning = known ? statusMeanings[known] : { label: rawStatus, category: 'unknown' };
  return {
    key: taskKey(connection, id),
    id,
    connection,
    product: 'jp1ao',
    title: text(task.name) || `Task ${id}`,
    status: rawStatus,
    statusLabel: meaning.label,
    category: meaning.category,
    start: parseJp1aoTime(task.startTime) ?? parseJp1aoTime(task.scheduledStartTime),
    end: parseJp1aoTime(task.completionTime),
    owner: text(task.submitter),
    children: [],
    notes: text(task.notes),
    toDo: flag(task.toDo),
    modifyTime: text(task.modifyTime),
    scheduleId: present(task.scheduleID) ? String(task.scheduleID) : undefined,
    operations: jp1aoOperations(task),
    raw: task,
  };
}

/** The known statuses that fall in any of the categories (for a server-side status filter). */
export function jp1aoStatusesIn(categories: readonly StatusCategory[]): Jp1aoStatus[] {
  const statuses = Object.keys(statusMeanings) as Jp1aoStatus[];
  return statuses.filter((status) => categories.includes(statusMeanings[status].category));
}

/**
 * What JP1/AO's task statuses mean to the tree, and in which statuses each operation is allowed.
 * Kept with the Task model (not in the API layer) because categories and operations are the
 * extension's vocabulary.
 */
import type { Jp1aoStatus } from '../api/jp1ao/assumptions';
import type { StatusCategory, TaskOperation } from './model';

export interface StatusMeaning {
  label: string;
  category: StatusCategory;
}

/** Spec §3 status table. */
const statusMeanings = new Map<Jp1aoStatus, StatusMeaning>([
  ['waiting', { label: 'Waiting', category: 'pending' }],
  ['holding', { label: 'Holding (schedule paused)', category: 'pending' }],
  ['inProgress', { label: 'In Progress', category: 'running' }],
  ['waitingResponse', { label: 'Waiting for Response', category: 'running' }],
  ['abnormalDetection', { label: 'In Progress (with Error)', category: 'runningWithErrors' }],
  ['terminating', { label: 'Stopping', category: 'running' }],
  ['completed', { label: 'Completed', category: 'succeeded' }],
  ['failed', { label: 'Failed', category: 'failed' }],
  ['canceled', { label: 'Canceled', category: 'cancelled' }],
]);

const statusByLowerCase = new Map<string, Jp1aoStatus>([...statusMeanings.keys()].map((status) => [status.toLowerCase(), status]));

/** The known status a raw value stands for, whatever its casing. */
export function jp1aoStatusOf(raw: string): Jp1aoStatus | undefined {
  return statusByLowerCase.get(raw.trim().toLowerCase());
}

/** The label and category of a raw status; an unknown one is shown as received, in `unknown`. */
export function jp1aoStatusMeaning(raw: string): StatusMeaning {
  const known = jp1aoStatusOf(raw);
  return (known && statusMeanings.get(known)) ?? { label: raw, category: 'unknown' };
}

/** The known statuses that fall in any of the categories (for a server-side status filter). */
export function jp1aoStatusesIn(categories: readonly StatusCategory[]): Jp1aoStatus[] {
  return [...statusMeanings].filter(([, meaning]) => categories.includes(meaning.category)).map(([status]) => status);
}

/** Spec §5: the statuses in which each operation is allowed. */
export const operationStatuses: ReadonlyMap<TaskOperation, readonly Jp1aoStatus[]> = new Map<TaskOperation, readonly Jp1aoStatus[]>([
  ['stop', ['inProgress', 'waitingResponse', 'abnormalDetection']],
  // Not while `terminating`: the stop already asked for is under way.
  ['forceStop', ['inProgress', 'waitingResponse', 'abnormalDetection']],
  ['retry', ['failed']],
  ['retryNext', ['failed']],
  ['archive', ['completed', 'failed', 'canceled']],
  ['cancel', ['waiting', 'holding']],
]);

/**
 * What JP1/AO's task statuses mean to the tree, and in which statuses each operation is allowed.
 * Kept with the Task model (not in the API layer) because categories and operations are the
 * extension's vocabulary.
 */
import type { Jp1aoStatus } from '../api/jp1ao/assumptions';
import { t } from './l10n';
import type { StatusCategory, TaskOperation } from './model';

export interface StatusMeaning {
  label: string;
  category: StatusCategory;
}

/** Status table (docs/api/jp1ao.md, "Statuses"). */
/** Labels are functions so that they read in the display language at the time they are shown. */
const statusMeanings = new Map<Jp1aoStatus, { label: () => string; category: StatusCategory }>([
  ['waiting', { label: () => t('Waiting'), category: 'pending' }],
  ['holding', { label: () => t('Holding (schedule paused)'), category: 'pending' }],
  ['inProgress', { label: () => t('In Progress'), category: 'running' }],
  ['waitingResponse', { label: () => t('Waiting for Response'), category: 'running' }],
  ['abnormalDetection', { label: () => t('In Progress (with Error)'), category: 'runningWithErrors' }],
  ['terminating', { label: () => t('Stopping'), category: 'running' }],
  ['completed', { label: () => t('Completed'), category: 'succeeded' }],
  ['failed', { label: () => t('Failed'), category: 'failed' }],
  ['canceled', { label: () => t('Canceled'), category: 'cancelled' }],
  ['longRunning', { label: () => t('Long Running'), category: 'running' }],
]);

/**
 * DECIDED (docs/api/jp1ao.md, "Status words"): display names a server may send instead of the API
 * word — the manuals' (AOUG0034) and those of Ops Center Automator's task-status page.
 */
const statusAliases: Readonly<Record<string, Jp1aoStatus>> = {
  'Waiting for Response': 'waitingResponse',
  'Waiting for Input': 'waitingResponse',
  'In Progress (with Error)': 'abnormalDetection',
  'In Progress (Terminating)': 'terminating',
  Suspended: 'holding',
};

/** Only `completed` is confirmed in API form, so statuses are compared by their letters alone. */
function statusLetters(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z]/g, '');
}

const statusByLetters = new Map<string, Jp1aoStatus>([
  ...[...statusMeanings.keys()].map((status): [string, Jp1aoStatus] => [statusLetters(status), status]),
  ...Object.entries(statusAliases).map(([alias, status]): [string, Jp1aoStatus] => [statusLetters(alias), status]),
]);

/** The known status a raw value stands for, whatever its casing and separators (`IN_PROGRESS`). */
export function jp1aoStatusOf(raw: string): Jp1aoStatus | undefined {
  return statusByLetters.get(statusLetters(raw));
}

/** The label and category of a raw status; an unknown one is shown as received, in `unknown`. */
export function jp1aoStatusMeaning(raw: string): StatusMeaning {
  const known = jp1aoStatusOf(raw);
  const meaning = known && statusMeanings.get(known);
  return meaning ? { label: meaning.label(), category: meaning.category } : { label: raw, category: 'unknown' };
}

/** The category of a raw status (`unknown` for a word we do not know), without its label. */
export function jp1aoStatusCategory(raw: string): StatusCategory {
  const known = jp1aoStatusOf(raw);
  return (known && statusMeanings.get(known)?.category) ?? 'unknown';
}

/** The known statuses that fall in any of the categories (for a server-side status filter). */
export function jp1aoStatusesIn(categories: readonly StatusCategory[]): Jp1aoStatus[] {
  return [...statusMeanings].filter(([, meaning]) => categories.includes(meaning.category)).map(([status]) => status);
}

/** The statuses in which each operation is allowed (docs/api/jp1ao.md, "Task operations"). */
export const operationStatuses: ReadonlyMap<TaskOperation, readonly Jp1aoStatus[]> = new Map<TaskOperation, readonly Jp1aoStatus[]>([
  ['stop', ['inProgress', 'longRunning', 'waitingResponse', 'abnormalDetection']],
  // The reference answers 409 to both unless the task is in progress, waiting for a response or in
  // abnormal detection: a task that is already terminating cannot be force stopped.
  ['forceStop', ['inProgress', 'longRunning', 'waitingResponse', 'abnormalDetection']],
  ['retry', ['failed']],
  ['retryNext', ['failed']],
  ['archive', ['completed', 'failed', 'canceled']],
  ['cancel', ['waiting', 'holding']],
]);

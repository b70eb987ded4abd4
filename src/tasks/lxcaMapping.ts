// Maps an LXCA job, with its subtasks, to a Task: its title, status, progress and the operations it offers.
import type * as Api from '../api/index';
import type { LxcaJob } from '../api/lxca/types';
import { classifyLxcaStatus, lxcaStatusCategory } from './lxcaStatus';
import { isUnfinished, taskKey, type Task, type TaskOperation } from './model';
import { t } from './l10n';
import { withUnusableId } from './unusableId';

/** What LXCA jobs need from the API bundle to become Tasks and details (loaded lazily by the caller). */
export type LxcaApi = Pick<typeof Api, 'lxcaPlainText' | 'substituteLxcaArgs' | 'parseLxcaFormattedText' | 'parseLxcaJob' | 'validateCancelCallback' | 'isUsableLxcaJobId'>;

/** Shared by every task that has them: thousands of finished jobs need no array each. */
const noOperations: readonly TaskOperation[] = Object.freeze([]);
const cancelOperations: readonly TaskOperation[] = Object.freeze(['cancel', 'cancelWithCallback'] as TaskOperation[]);
const noTasks: readonly Task[] = Object.freeze([]);

/**
 * Cancelling is offered while a job has not finished (an unknown status counts as unfinished while
 * the job has no end time and is below 100 %), unless it says `cancelable: false`.
 */
export function lxcaOperations(job: LxcaJob): readonly TaskOperation[] {
  const category = lxcaStatusCategory(job.status);
  const unfinished = isUnfinished({ category, end: job.endTime, progress: job.percentage });
  if (!unfinished || job.cancelable === false) return noOperations;
  return cancelOperations;
}

/** The job's name as one line of plain text with its args filled in, else `Job <id>`. */
export function lxcaJobTitle(api: LxcaApi, job: LxcaJob): string {
  const name = job.name === undefined ? '' : api.substituteLxcaArgs(api.lxcaPlainText(job.name, { singleLine: true }), job.args);
  return name || t('Job {0}', job.jobUID);
}

/**
 * Map one LXCA job, with its subtasks, to the extension's Task model. `withRaw` false leaves the
 * server's object out: a listed job does not need it, and 5,000 of them would keep megabytes alive.
 */
export function toLxcaTask(api: LxcaApi, connection: string, job: LxcaJob, withRaw = true): Task {
  const status = job.status ?? '';
  const { category, label } = classifyLxcaStatus(job.status);
  const task: Task = {
    key: taskKey(connection, job.jobUID),
    id: job.jobUID,
    connection,
    product: 'lxca',
    title: lxcaJobTitle(api, job),
    status,
    statusLabel: label,
    category,
    progress: job.percentage,
    start: job.startTime,
    end: job.endTime,
    owner: job.createdBy,
    children: job.children.length ? job.children.map((child) => toLxcaTask(api, connection, child, withRaw)) : noTasks,
    cancelHook: job.cancelHook,
    operations: lxcaOperations(job),
    raw: withRaw ? job.raw : undefined,
  };
  return withUnusableId(task, api.isUsableLxcaJobId);
}

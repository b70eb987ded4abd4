// Imports name the api files directly: the api index would pull undici into the extension bundle.
import { classifyLxcaStatus, substituteArgs } from '../api/lxca/assumptions';
import { plainText } from '../api/lxca/text';
import type { LxcaJob } from '../api/lxca/types';
import { activeCategories, taskKey, type Task, type TaskOperation } from './model';

/** Cancelling is offered while a job has not finished, unless it says `cancelable: false`. */
export function lxcaOperations(job: LxcaJob): TaskOperation[] {
  const { category } = classifyLxcaStatus(job.status);
  if (!activeCategories.has(category) || job.cancelable === false) return [];
  const operations: TaskOperation[] = ['cancel', 'cancelWithCallback'];
  return operations.sort();
}

/** The job's name as one line of plain text with its args filled in, else `Job <id>`. */
export function lxcaJobTitle(job: LxcaJob): string {
  const name = job.name === undefined ? '' : substituteArgs(plainText(job.name, { singleLine: true }), job.args);
  return name || `Job ${job.jobUID}`;
}

/** Map one LXCA job, with its subtasks, to the extension's Task model. */
export function toLxcaTask(connection: string, job: LxcaJob): Task {
  const status = job.status ?? '';
  const { category, label } = classifyLxcaStatus(job.status);
  return {
    key: taskKey(connection, job.jobUID),
    id: job.jobUID,
    connection,
    product: 'lxca',
    title: lxcaJobTitle(job),
    status,
    statusLabel: label,
    category,
    progress: job.percentage,
    start: job.startTime,
    end: job.endTime,
    owner: job.createdBy,
    children: job.children.map((child) => toLxcaTask(connection, child)),
    operations: lxcaOperations(job),
    raw: job.raw,
  };
}

/** LXCA hands out job ids in increasing order, so the highest id is the newest job. */
export function newestLxcaTasksFirst(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => compareIdsDescending(a.id, b.id));
}

function compareIdsDescending(a: string, b: string): number {
  const numberA = Number(a);
  const numberB = Number(b);
  if (Number.isFinite(numberA) && Number.isFinite(numberB) && numberA !== numberB) return numberB - numberA;
  return b.localeCompare(a);
}

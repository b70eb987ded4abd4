import type { Task } from './model';

/** How a connection's tasks are ordered: newest first, or running work first. */
export type TaskOrder = 'newest' | 'runningFirst';

const dayMs = 86_400_000;

/** Running, then pending, then failed in the last 24 h, then the rest. */
export function runningFirstRank(task: Task, now: number): number {
  switch (task.category) {
    case 'running':
    case 'runningWithErrors':
      return 0;
    case 'pending':
      return 1;
    case 'failed':
      return now - (task.end ?? task.start ?? 0) <= dayMs ? 2 : 3;
    default:
      return 3;
  }
}

/** Tasks given newest first, reordered running first; each group stays newest first. */
export function runningFirst(tasks: readonly Task[], now = Date.now()): Task[] {
  return tasks
    .map((task, index) => ({ task, index, rank: runningFirstRank(task, now) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.task);
}

/** Running or pending: with "Running first" such a task is never behind "Load more…". */
export function isUnfinishedWork(task: Task): boolean {
  return task.category === 'running' || task.category === 'runningWithErrors' || task.category === 'pending';
}

/**
 * The first page of tasks given newest first, in the order asked for: with "Running first" the
 * page grows to hold all running and pending work.
 */
export function orderedPage(tasks: readonly Task[], order: TaskOrder | undefined, limit: number, now = Date.now()): Task[] {
  if (order !== 'runningFirst') return tasks.slice(0, limit);
  const unfinished = tasks.filter(isUnfinishedWork).length;
  return runningFirst(tasks, now).slice(0, Math.max(limit, unfinished));
}

// Pure merges of task lists that the store applies its reads with.
import type { TaskTotals } from './adapter';
import type { Task } from './model';
import type { TaskQuery } from './query';
import { totalsOf } from './summary';

/** The tasks read, those shown before in their places, then the new ones in the order read. */
export function inPlacesOf(shown: readonly Task[], read: readonly Task[]): Task[] {
  const byKey = new Map(read.map((task) => [task.key, task]));
  const kept = shown.flatMap((task) => byKey.get(task.key) ?? []);
  const keys = new Set(kept.map((task) => task.key));
  return [...kept, ...read.filter((task) => !keys.has(task.key))];
}

/** The list with each task that has an update replaced by it; the others stay the same objects. */
export function replaceByKey(tasks: readonly Task[], updated: readonly Task[]): Task[] {
  if (updated.length === 0) return tasks as Task[];
  const byKey = new Map(updated.map((task) => [task.key, task]));
  return tasks.map((task) => byKey.get(task.key) ?? task);
}

/** A task that left the filter's categories needs the full list to show what now matches. */
export function fitsCategories(task: Task, query: TaskQuery): boolean {
  return !query.categories?.length || query.categories.includes(task.category);
}

/** The server's totals after a read of the unfinished tasks alone: what those tasks moved to, added in. */
export function movedTotals(totals: TaskTotals | undefined, before: readonly Task[], after: readonly Task[]): TaskTotals | undefined {
  if (!totals) return undefined;
  const was = totalsOf(before);
  const now = totalsOf(after);
  return {
    running: Math.max(0, totals.running - was.running + now.running),
    failed: Math.max(0, totals.failed - was.failed + now.failed),
  };
}

import type { Task } from './model';

/** What a refresh changed, so the tree fires events for those nodes only. */
export interface TaskListDiff {
  /** Tasks were added, removed or reordered, or the total changed: the connection node re-renders. */
  listChanged: boolean;
  /** Tasks still in the same place whose visible state changed. */
  changed: Task[];
}

export const noChange: TaskListDiff = { listChanged: false, changed: [] };

export function diffTaskLists(before: readonly Task[], after: readonly Task[]): TaskListDiff {
  if (before.length !== after.length) return { listChanged: true, changed: [] };
  for (let i = 0; i < after.length; i++) {
    if (before[i].key !== after[i].key) return { listChanged: true, changed: [] };
  }
  const changed: Task[] = [];
  for (let i = 0; i < after.length; i++) {
    if (!sameVisibleState(before[i], after[i])) changed.push(after[i]);
  }
  return { listChanged: false, changed };
}

/**
 * Whether two reads of a task show the same thing, children included; `raw` is left out on
 * purpose. Compared field by field, without building strings, and walked with a list instead of
 * recursion: the cost grows with the size of the task's tree and no nesting can overflow the stack.
 */
export function sameVisibleState(a: Task, b: Task): boolean {
  const pending: [Task, Task][] = [[a, b]];
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [x, y] = pair;
    if (x === y) continue;
    if (
      x.key !== y.key ||
      x.title !== y.title ||
      x.status !== y.status ||
      !Object.is(x.progress, y.progress) ||
      !Object.is(x.start, y.start) ||
      !Object.is(x.end, y.end) ||
      !Object.is(x.submitted, y.submitted) ||
      !Object.is(x.firstStart, y.firstStart) ||
      x.owner !== y.owner ||
      x.notes !== y.notes ||
      x.toDo !== y.toDo ||
      x.modifyTime !== y.modifyTime ||
      x.operations.length !== y.operations.length ||
      x.operations.some((operation, i) => operation !== y.operations[i]) ||
      x.children.length !== y.children.length
    ) {
      return false;
    }
    for (let i = 0; i < x.children.length; i++) pending.push([x.children[i], y.children[i]]);
  }
  return true;
}

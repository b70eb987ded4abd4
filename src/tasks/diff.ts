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
  if (before.length !== after.length || before.some((task, i) => task.key !== after[i].key)) {
    return { listChanged: true, changed: [] };
  }
  const changed = after.filter((task, i) => signature(task) !== signature(before[i]));
  return { listChanged: false, changed };
}

/**
 * Everything a task node shows, children included; `raw` is left out on purpose. Built as one
 * array encoded once: encoding each child's signature again inside its parent's would escape it
 * once more per level, doubling its length at every level of nesting.
 */
export function signature(task: Task): string {
  return JSON.stringify(signatureParts(task));
}

function signatureParts(task: Task): unknown[] {
  return [
    task.title,
    task.status,
    task.progress,
    task.start,
    task.end,
    task.owner,
    task.notes,
    task.toDo,
    task.modifyTime,
    task.operations,
    task.children.map(signatureParts),
  ];
}

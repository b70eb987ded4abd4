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
    if (before[i] !== after[i] && signature(before[i]) !== signature(after[i])) changed.push(after[i]);
  }
  return { listChanged: false, changed };
}

/** Tasks are immutable: each one's signature is computed once, however many polls compare it. */
const signatures = new WeakMap<Task, string>();

/**
 * Everything a task node shows, children included; `raw` is left out on purpose. The children's
 * keys and signatures are bracketed by control characters JSON text never holds unescaped, instead
 * of being JSON-encoded again: re-encoding doubles the escaping at every level of nesting.
 */
export function signature(task: Task): string {
  let known = signatures.get(task);
  if (known === undefined) {
    const own = JSON.stringify([
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
    ]);
    known = task.children.length
      ? `${own}\u0001${task.children.map((child) => JSON.stringify(child.key) + signature(child)).join('\n')}\u0002`
      : own;
    signatures.set(task, known);
  }
  return known;
}

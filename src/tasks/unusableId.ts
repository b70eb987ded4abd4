import type { Task, TaskOperation } from './model';
import { t } from './l10n';

const noOperations: readonly TaskOperation[] = Object.freeze([]);

/**
 * The task as shown when the client refuses its id in a request: every action would fail before
 * sending, and a poll that read it by id would fail the whole connection, so it offers none and
 * says why.
 */
export function withUnusableId(task: Task, usable: (id: string) => boolean): Task {
  if (usable(task.id)) return task;
  return { ...task, unusableId: true, operations: noOperations, notOffered: [t('Actions: its id cannot be used in a request')] };
}

/** The tasks a product may read one by one (by id): marked usable when mapped, and still so for the client. */
export function readableById(tasks: readonly Task[], usable: (id: string) => boolean): Task[] {
  return tasks.filter((task) => !task.unusableId && usable(task.id));
}

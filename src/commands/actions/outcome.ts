import type { Task } from '../../tasks/model';

/** What happened to one task of an action. */
export type TaskOutcome = { readonly task: Task; readonly ok: true } | { readonly task: Task; readonly ok: false; readonly error: unknown };

/** Every task shares the result of one call (a schedule cancel, a cancel request). */
export async function sharedOutcome(tasks: readonly Task[], call: () => Promise<unknown>): Promise<TaskOutcome[]> {
  try {
    await call();
    return tasks.map((task) => ({ task, ok: true }));
  } catch (error) {
    return failedOutcomes(tasks, error);
  }
}

export function failedOutcomes(tasks: readonly Task[], error: unknown): TaskOutcome[] {
  return tasks.map((task) => ({ task, ok: false, error }));
}

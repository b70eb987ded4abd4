/**
 * Which steps of the operator's loop a task offers (the menus test these flags): Respond… while it
 * waits for a response, Resubmit… once a JP1/AO task completed, failed or was canceled (the
 * manual's GUI offers it then; the server's template answers for anything else).
 */
import type { Task } from './model';

const resubmittable = new Set(['succeeded', 'failed', 'cancelled']);

export function canRespond(task: Pick<Task, 'awaitsResponse'>): boolean {
  return task.awaitsResponse === true;
}

export function canResubmit(task: Pick<Task, 'product' | 'category'>): boolean {
  return task.product === 'jp1ao' && resubmittable.has(task.category);
}

/** The context-value flags of the loop's actions this task offers. */
export function loopFlags(task: Task): string[] {
  return [...(canRespond(task) ? ['respond'] : []), ...(canResubmit(task) ? ['resubmit'] : [])];
}

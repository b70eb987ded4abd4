import type { Task } from './model';

/** The key facts of a task as label/text pairs, undefined where the server did not say. */
export function taskFacts(task: Task): [string, string | undefined][] {
  return [
    ['Status', task.status === task.statusLabel ? task.status : `${task.statusLabel} (${task.status})`],
    ['Progress', task.progress === undefined ? undefined : `${Math.round(task.progress)}%`],
    ['Started', task.start === undefined ? undefined : new Date(task.start).toLocaleString()],
    ['Ended', task.end === undefined ? undefined : new Date(task.end).toLocaleString()],
    ['Owner', task.owner],
    ['ID', task.id],
  ];
}

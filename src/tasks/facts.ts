import type { Task } from './model';
import { localTimeText } from './time';

/** The key facts of a task as label/text pairs, undefined where the server did not say. */
export function taskFacts(task: Task): [string, string | undefined][] {
  return [
    ['Status', task.status === task.statusLabel ? task.status : `${task.statusLabel} (${task.status})`],
    ['Progress', task.progress === undefined ? undefined : `${Math.round(task.progress)}%`],
    ['Started', task.start === undefined ? undefined : localTimeText(task.start)],
    ['Ended', task.end === undefined ? undefined : localTimeText(task.end)],
    ['Owner', task.owner],
    ['ID', task.id],
    ['Not offered', task.notOffered?.length ? task.notOffered.join('; ') : undefined],
  ];
}

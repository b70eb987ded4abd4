import type { Task } from './model';
import { locale, t } from './l10n';

/** The key facts of a task as label/text pairs, undefined where the server did not say. */
export function taskFacts(task: Task): [string, string | undefined][] {
  return [
    [t('Status'), task.status === task.statusLabel ? task.status : `${task.statusLabel} (${task.status})`],
    [t('Progress'), task.progress === undefined ? undefined : `${Math.round(task.progress)}%`],
    [t('Started'), task.start === undefined ? undefined : new Date(task.start).toLocaleString(locale())],
    [t('Ended'), task.end === undefined ? undefined : new Date(task.end).toLocaleString(locale())],
    [t('Owner'), task.owner],
    [t('ID'), task.id],
  ];
}

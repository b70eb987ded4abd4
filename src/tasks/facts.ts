import type { Task } from './model';
import { localTimeText } from './time';
import { t } from './l10n';

/** The key facts of a task as label/text pairs, undefined where the server did not say. */
export function taskFacts(task: Task): [string, string | undefined][] {
  return [
    [t('Status'), task.status === task.statusLabel ? task.status : `${task.statusLabel} (${task.status})`],
    [t('Progress'), task.progress === undefined ? undefined : `${Math.round(task.progress)}%`],
    [t('Started'), task.start === undefined ? undefined : localTimeText(task.start)],
    [t('Ended'), task.end === undefined ? undefined : localTimeText(task.end)],
    [t('Owner'), task.owner],
    [t('ID'), task.id],
    [t('Not offered'), task.notOffered?.length ? task.notOffered.join('; ') : undefined],
  ];
}

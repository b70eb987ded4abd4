import { isActive, type Task } from './model';
import { durationText, taskDurationMs } from './duration';
import { localTimeText } from './time';
import { t } from './l10n';

/**
 * The key facts of a task as label/text pairs, undefined where the server did not say. Each time
 * says what it is and is given in the user's time zone, named ("GMT+9").
 */
export function taskFacts(task: Task, now = Date.now()): [string, string | undefined][] {
  const time = (ms: number | undefined) => (ms === undefined ? undefined : localTimeText(ms));
  const measurable = task.start !== undefined && task.start <= now && (task.end !== undefined || isActive(task));
  const ran = measurable ? taskDurationMs(task, now) : undefined;
  return [
    [t('Status'), task.status === task.statusLabel ? task.status : `${task.statusLabel} (${task.status})`],
    [t('Progress'), task.progress === undefined ? undefined : `${Math.round(task.progress)}%`],
    [t('Submitted'), time(task.submitted)],
    [t('First started'), time(task.firstStart)],
    [task.firstStart === undefined ? t('Started') : t('Latest run started'), time(task.start)],
    [t('Ended'), time(task.end)],
    [task.end === undefined ? t('Running for') : t('Ran for'), ran === undefined ? undefined : durationText(ran)],
    [t('Owner'), task.owner],
    [t('ID'), task.id],
    [t('Not offered'), task.notOffered?.length ? task.notOffered.join('; ') : undefined],
  ];
}

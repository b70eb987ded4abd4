import type { Task } from './model';
import { t } from './l10n';

/** Told of a task whose id came before. */
export type DuplicateReport = (task: Pick<Task, 'key' | 'id'>) => void;

/**
 * The tasks with each id once across the whole tree, roots and subtasks alike: VS Code refuses a
 * tree with two elements of one id, and a server may list a job twice, repeat a parent's id in a
 * child, or send `5` and `"5"`. The first in the server's order wins.
 */
export function uniqueTasks(tasks: readonly Task[], onDuplicate: DuplicateReport): Task[] {
  const seen = new Set<string>();
  const keep = (list: readonly Task[]): Task[] =>
    list.flatMap((task) => {
      if (seen.has(task.key)) {
        onDuplicate(task);
        return [];
      }
      seen.add(task.key);
      return [task.children.length ? { ...task, children: keep(task.children) } : task];
    });
  return keep(tasks);
}

/** Reports each duplicated id once per connection, not on every refresh. */
export function duplicateReporter(noun: string, onNotice: ((message: string) => void) | undefined): DuplicateReport {
  const reported = new Set<string>();
  return (task) => {
    if (reported.has(task.key)) return;
    reported.add(task.key);
    onNotice?.(t('The server listed {0} {1} more than once; only the first is shown.', noun, JSON.stringify(task.id)));
  };
}

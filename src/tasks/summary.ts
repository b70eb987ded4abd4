import type { TaskTotals } from './adapter';
import { t } from './l10n';
import type { StatusCategory, Task } from './model';

export type CategoryCounts = Partial<Record<StatusCategory, number>>;

/** "3 running · 1 failed" — the categories a watcher cares about, in that order. */
export function summarise(counts: CategoryCounts): string {
  const running = (counts.running ?? 0) + (counts.runningWithErrors ?? 0);
  const parts = [
    [running, (n: number) => t('{0} running', n)],
    [counts.pending ?? 0, (n: number) => t('{0} pending', n)],
    [counts.failed ?? 0, (n: number) => t('{0} failed', n)],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, label]) => label(n)).join(' · ');
  return text || t('nothing running');
}

/** Running and failed among these tasks (the whole list, for a product that reads it all). */
export function totalsOf(tasks: readonly Task[]): TaskTotals {
  return totalsOfCategories(tasks.map((task) => task.category));
}

/** Running (with or without errors) and failed among these categories. */
export function totalsOfCategories(categories: readonly StatusCategory[]): TaskTotals {
  let running = 0;
  let failed = 0;
  for (const category of categories) {
    if (category === 'running' || category === 'runningWithErrors') running++;
    else if (category === 'failed') failed++;
  }
  return { running, failed };
}

/** What the connection row, badge and status bar count: the server's totals, else what is loaded. */
export function shownTotals(store: { readonly totals?: TaskTotals; readonly tasks: readonly Task[] }): TaskTotals {
  return store.totals ?? totalsOf(store.tasks);
}

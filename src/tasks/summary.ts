import type { TaskTotals } from './adapter';
import type { StatusCategory, Task } from './model';

export type CategoryCounts = Partial<Record<StatusCategory, number>>;

export function countByCategory(tasks: readonly Task[]): CategoryCounts {
  const counts: CategoryCounts = {};
  for (const task of tasks) counts[task.category] = (counts[task.category] ?? 0) + 1;
  return counts;
}

/** "3 running · 1 failed" — the categories a watcher cares about, in that order. */
export function summarise(counts: CategoryCounts): string {
  const running = (counts.running ?? 0) + (counts.runningWithErrors ?? 0);
  const parts = [
    [running, 'running'],
    [counts.pending ?? 0, 'pending'],
    [counts.failed ?? 0, 'failed'],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`).join(' · ');
  return text || 'nothing running';
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

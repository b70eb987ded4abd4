import { t } from './l10n';
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
    [running, (n: number) => t('{0} running', n)],
    [counts.pending ?? 0, (n: number) => t('{0} pending', n)],
    [counts.failed ?? 0, (n: number) => t('{0} failed', n)],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, label]) => label(n)).join(' · ');
  return text || t('nothing running');
}

import { t } from './l10n';
import type { StatusCategory, Task } from './model';
import type { TaskOrder } from './ordering';

/** What the user filtered the tree by: words and status categories (empty = everything), and the order. */
export interface TaskQuery {
  text?: string;
  categories?: readonly StatusCategory[];
  /** Not a filter: newest first when absent. */
  order?: TaskOrder;
}

export function isEmptyQuery(query: TaskQuery): boolean {
  return !query.text?.trim() && !query.categories?.length;
}

/** Local filtering, for products whose API cannot filter (LXCA). */
export function matchesQuery(task: Task, query: TaskQuery): boolean {
  if (query.categories?.length && !query.categories.includes(task.category)) return false;
  const words = query.text?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  if (!words.length) return true;
  const haystack = [task.title, task.id, task.statusLabel, task.owner, task.notes, task.toDo ? 'todo' : undefined].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function describeQuery(query: TaskQuery): string {
  const parts: string[] = [];
  if (query.text?.trim()) parts.push(t('"{0}"', query.text.trim()));
  if (query.categories?.length) parts.push(query.categories.map(categoryLabel).join(t(', ')));
  return parts.join(' · ');
}

const categoryLabels: Record<StatusCategory, () => string> = {
  pending: () => t('Pending'),
  running: () => t('Running'),
  runningWithErrors: () => t('Running with errors'),
  succeeded: () => t('Succeeded'),
  succeededWithErrors: () => t('Succeeded with errors'),
  cancelled: () => t('Cancelled'),
  failed: () => t('Failed'),
  unknown: () => t('Other'),
};

export function categoryLabel(category: StatusCategory): string {
  return categoryLabels[category]();
}

export const allCategories = Object.keys(categoryLabels) as StatusCategory[];

/** The server's own count of running and failed work, whatever is loaded or filtered. */
export interface TaskTotals {
  running: number;
  failed: number;
}

/** The first `limit` tasks matching a query, in the query's order, and how many match in all. */
export interface TaskPage {
  tasks: Task[];
  total: number;
  /** Unfiltered counts, when the product can give them with the page. */
  totals?: TaskTotals;
}

/** The word "TODO" in the filter means tasks marked TODO; the server searches for the other words. */
export function splitToDoWord(text: string | undefined): { words: string; toDo: boolean } {
  const words = (text ?? '').split(/\s+/).filter(Boolean);
  const rest = words.filter((word) => word.toLowerCase() !== 'todo');
  return { words: rest.join(' '), toDo: rest.length !== words.length };
}

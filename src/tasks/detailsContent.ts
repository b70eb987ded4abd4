/**
 * Turns a task into the details page's data, whatever its product; the product adapters add
 * their own sections and fields. Pure: no vscode, no network.
 */
import { taskFacts } from './facts';
import type { Task } from './model';
import { productInfo } from './products';
import type { Row, Subtask } from './detailsData';
import { t } from './l10n';

/** Members shown in their own section rather than in the field table. */
const ownSections = new Set(['children', 'messages']);

export function summaryRows(task: Task): Row[] {
  const rows: [string, string | undefined][] = [
    [t('Title'), task.title],
    ...taskFacts(task),
    [t('Connection'), task.connection],
    ['TODO', productInfo(task.product).editsNotes ? (task.toDo ? t('yes') : t('no')) : undefined],
    [t('Notes'), task.notes || undefined],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, value]) => ({ label, value }));
}

/** Every member of the server's object but those with a section of their own, in its order. */
export function membersOf(task: Task): [name: string, value: unknown][] {
  const raw = task.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).filter(([name]) => !ownSections.has(name));
}

/** The subtask tree, depth first, as rows with their depth. */
export function subtasksOf(task: Task): Subtask[] | undefined {
  if (task.children.length === 0) return undefined;
  const rows: Subtask[] = [];
  const visit = (children: readonly Task[], depth: number) => {
    for (const child of children) {
      rows.push({ depth, id: child.id, title: child.title, status: child.statusLabel, progress: child.progress });
      visit(child.children, depth + 1);
    }
  };
  visit(task.children, 0);
  return rows;
}

/**
 * The log's last lines. The server returns a byte window, so when it was full the first line may
 * be cut: it is dropped and the log marked partial.
 */
export function logTail(lines: readonly string[], readSize: number, maxLines: number): { lines: string[]; partial: boolean } {
  const bytes = lines.reduce((sum, line) => sum + new TextEncoder().encode(line).length + 1, 0);
  const full = bytes >= readSize;
  const complete = full ? lines.slice(1) : [...lines];
  const tail = complete.slice(-maxLines);
  return { lines: tail, partial: full || tail.length < complete.length };
}

/**
 * Turns a task into the details page's data, whatever its product; the product adapters add
 * their own sections and field formats. Pure: no vscode, no network.
 */
import { taskFacts } from './facts';
import type { Task } from './model';
import { productInfo } from './products';
import { localTimeText } from './time';
import type { FieldValue, Row, Subtask } from './detailsData';
import { t } from './l10n';
import { boundedJson } from '../util/safeText';

/** A product's own rendering of a member, or undefined for the plain one. */
export type FieldFormat = (name: string, value: unknown) => FieldValue | undefined;

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

/** Every member of the server's object, in its order, each as text, formatted text or JSON. */
export function fieldsOf(task: Task, format: FieldFormat = () => undefined): { name: string; value: FieldValue }[] {
  const raw = task.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([name]) => !ownSections.has(name))
    .map(([name, value]) => ({ name, value: format(name, value) ?? fieldValue(name, value) }));
}

function fieldValue(name: string, value: unknown): FieldValue {
  if (value === null || value === undefined) return { kind: 'text', text: '' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') {
    // A large number in a `…Time` member is milliseconds since the epoch (LXCA sends them so).
    const isTime = /Time$/.test(name) && value > 1e11;
    return { kind: 'text', text: isTime ? `${localTimeText(value)} (${value})` : String(value) };
  }
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  return { kind: 'json', text: boundedJson(value) };
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

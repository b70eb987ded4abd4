/** Turns a task (either product) into the details page's data. Pure: no vscode, no network. */
import { taskFacts } from '../tasks/facts';
import { parseFormattedText } from '../api/lxca/text';
import type { PropertyValue } from '../api/jp1ao/types';
import type { Task } from '../tasks/model';
import type { FieldValue, FormattedPart, LxcaMessageView, PropertyRow, Row, Subtask } from './protocol';
import { jp1aoTimeText } from './jp1aoSummary';

/** Members shown in their own section rather than in the field table. */
const ownSections = new Set(['children', 'messages']);

export function summaryRows(task: Task): Row[] {
  const rows: [string, string | undefined][] = [
    ['Title', task.title],
    ...taskFacts(task),
    ['Connection', task.connection],
    ['TODO', task.product === 'jp1ao' ? (task.toDo ? 'yes' : 'no') : undefined],
    ['Notes', task.notes || undefined],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, value]) => ({ label, value }));
}

/** Every member of the server's object, in its order, each as text, formatted text or JSON. */
export function fieldsOf(task: Task): { name: string; value: FieldValue }[] {
  const raw = task.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([name]) => !ownSections.has(name))
    .map(([name, value]) => ({ name, value: fieldValue(task, name, value) }));
}

function fieldValue(task: Task, name: string, value: unknown): FieldValue {
  if (value === null || value === undefined) return { kind: 'text', text: '' };
  if (typeof value === 'string') {
    const time = task.product === 'jp1ao' && /Time$/.test(name) ? jp1aoTimeText(value) : undefined;
    return { kind: 'text', text: time && time !== value ? `${time} (${value})` : value };
  }
  if (typeof value === 'number') {
    // LXCA times are milliseconds since the epoch.
    const isTime = /Time$/.test(name) && value > 1e11;
    return { kind: 'text', text: isTime ? `${new Date(value).toLocaleString()} (${value})` : String(value) };
  }
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  const parts = task.product === 'lxca' && Array.isArray(value) ? formattedParts(value) : undefined;
  if (parts) return { kind: 'formatted', parts };
  return { kind: 'json', text: JSON.stringify(value, null, 2) };
}

/** LXCA formatted text as parts; undefined when the value is not formatted text. */
export function formattedParts(value: unknown): FormattedPart[] | undefined {
  const parsed = parseFormattedText(value);
  if (parsed === undefined) return undefined;
  if (typeof parsed === 'string') return [{ text: parsed, format: [] }];
  return parsed.map((part) => {
    const run: FormattedPart = { text: part.text, format: part.format ?? [] };
    if (typeof part.link === 'string') run.link = part.link;
    return run;
  });
}

/** LXCA job messages (`messages`: `{id, text, explanation?, timeStamp?}`). */
export function lxcaMessages(task: Task): LxcaMessageView[] | undefined {
  const messages = (task.raw as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages) || messages.length === 0) return undefined;
  return messages.flatMap((message): LxcaMessageView[] => {
    const record: Record<string, unknown> = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { text: message };
    const text = formattedParts(record.text);
    if (!text) return [];
    const time = record.timeStamp ?? record.timestamp;
    return [
      {
        id: typeof record.id === 'string' ? record.id : undefined,
        time: typeof time === 'number' ? new Date(time).toLocaleString() : typeof time === 'string' ? time : undefined,
        text,
        explanation: typeof record.explanation === 'string' ? record.explanation : undefined,
      },
    ];
  });
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

export function propertyRows(values: readonly PropertyValue[]): PropertyRow[] {
  return values.map((property) => {
    const name = property.displayName ?? property.name;
    const value = property.value;
    return {
      key: typeof property.keyName === 'string' ? property.keyName : '',
      name: typeof name === 'string' && name !== property.keyName ? name : undefined,
      value: typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value),
    };
  });
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

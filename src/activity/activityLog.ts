import { isProduct } from '../tasks/products';
import type * as vscode from 'vscode';
import { EventEmitter } from '../tasks/events';
import { t } from '../tasks/l10n';
import type { ActivityEntry } from './record';

const storageKey = 'opsTasks.activity';
export const activityCap = 200;

const kinds = new Set(['cancel', 'stop', 'forceStop', 'retry', 'retryNext', 'archive', 'notesSaved', 'cancelCallback', 'plainCancel', 'respond', 'resubmit']);
const results = new Set(['done', 'refused', 'uncertain', 'notSent', 'pending', 'notTaken']);

/** Entries read back from storage are checked: anything else stored under the key is dropped. */
export function isActivityEntry(value: unknown): value is ActivityEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' &&
    typeof entry.time === 'number' &&
    typeof entry.kind === 'string' &&
    kinds.has(entry.kind) &&
    typeof entry.connection === 'string' &&
    isProduct(entry.product) &&
    typeof entry.taskId === 'string' &&
    typeof entry.taskTitle === 'string' &&
    typeof entry.result === 'string' &&
    results.has(entry.result) &&
    (entry.message === undefined || typeof entry.message === 'string') &&
    (entry.offersPlainCancel === undefined || typeof entry.offersPlainCancel === 'boolean')
  );
}

/** An entry still waiting for its outcome when VS Code closed: nobody watches it any more, so it says so. */
function unwatched(entry: ActivityEntry): ActivityEntry {
  if (entry.result !== 'pending') return entry;
  return { ...entry, result: 'notTaken', message: t('sent; VS Code closed before the server showed the outcome') };
}

/** What the user did from VS Code, newest first, kept across reloads and capped. Plain Node: tested without VS Code. */
export class ActivityLog implements vscode.Disposable {
  private items: ActivityEntry[];
  private readonly changed = new EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.Memento) {
    const stored = storage.get<unknown>(storageKey);
    this.items = Array.isArray(stored) ? stored.filter(isActivityEntry).slice(0, activityCap).map(unwatched) : [];
  }

  get entries(): readonly ActivityEntry[] {
    return this.items;
  }

  add(entry: ActivityEntry): void {
    this.items = [entry, ...this.items].slice(0, activityCap);
    this.save();
  }

  /** Puts an entry's outcome in place of what it said before; an entry no longer kept is left out. */
  update(entry: ActivityEntry): void {
    const at = this.items.findIndex((item) => item.id === entry.id);
    if (at < 0) return;
    this.items = this.items.map((item, index) => (index === at ? entry : item));
    this.save();
  }

  clear(): void {
    this.items = [];
    this.save();
  }

  private save(): void {
    void this.storage.update(storageKey, this.items);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

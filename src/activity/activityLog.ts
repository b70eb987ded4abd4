import { isProduct } from '../tasks/products';
import type * as vscode from 'vscode';
import { EventEmitter } from '../tasks/events';
import type { ActivityEntry } from './record';

const storageKey = 'opsTasks.activity';
export const activityCap = 200;

const kinds = new Set(['cancel', 'stop', 'forceStop', 'retry', 'retryNext', 'archive', 'notesSaved', 'cancelCallback', 'respond', 'resubmit']);
const results = new Set(['done', 'refused', 'uncertain']);

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
    (entry.message === undefined || typeof entry.message === 'string')
  );
}

/** What the user did from VS Code, newest first, kept across reloads and capped. Plain Node: tested without VS Code. */
export class ActivityLog implements vscode.Disposable {
  private items: ActivityEntry[];
  private readonly changed = new EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.Memento) {
    const stored = storage.get<unknown>(storageKey);
    this.items = Array.isArray(stored) ? stored.filter(isActivityEntry).slice(0, activityCap) : [];
  }

  get entries(): readonly ActivityEntry[] {
    return this.items;
  }

  add(entry: ActivityEntry): void {
    this.items = [entry, ...this.items].slice(0, activityCap);
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

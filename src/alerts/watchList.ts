import * as vscode from 'vscode';
import { setContextKey } from '../connections/contextKeys';
import { taskKey } from '../tasks/model';

/** One watched task. Only ids are kept: the name and state are read from the server. */
export interface Watch {
  readonly connection: string;
  readonly id: string;
  /**
   * The end time the task had already finished at when it was watched (a task being retried):
   * that old end is not its completion.
   */
  readonly previousEnd?: number;
}

const storageKey = 'opsTasks.watchedTasks';

function isWatch(value: unknown): value is Watch {
  if (typeof value !== 'object' || value === null) return false;
  const watch = value as Record<string, unknown>;
  return typeof watch.connection === 'string' && typeof watch.id === 'string' && (watch.previousEnd === undefined || typeof watch.previousEnd === 'number');
}

/** The tasks the user asked to be told about, kept in the workspace's state across reloads. */
export class WatchList implements vscode.Disposable {
  private readonly watches = new Map<string, Watch>();
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  /** Fires with the keys of the tasks watched or no longer watched. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: vscode.Memento) {
    const stored = storage.get<unknown>(storageKey);
    for (const watch of Array.isArray(stored) ? stored.filter(isWatch) : []) {
      this.watches.set(taskKey(watch.connection, watch.id), { connection: watch.connection, id: watch.id, previousEnd: watch.previousEnd });
    }
  }

  get size(): number {
    return this.watches.size;
  }

  has(key: string): boolean {
    return this.watches.has(key);
  }

  get(key: string): Watch | undefined {
    return this.watches.get(key);
  }

  all(): Watch[] {
    return [...this.watches.values()];
  }

  add(watch: Watch): void {
    const key = taskKey(watch.connection, watch.id);
    this.watches.set(key, watch);
    this.save([key]);
  }

  remove(keys: readonly string[]): void {
    const removed = keys.filter((key) => this.watches.delete(key));
    if (removed.length) this.save(removed);
  }

  private save(keys: readonly string[]): void {
    void this.storage.update(storageKey, this.all());
    void setContextKey('opsTasks.watching', this.watches.size > 0);
    this.changed.fire(keys);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

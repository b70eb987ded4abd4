import type * as vscode from 'vscode';
import type { Connection } from '../../connections/connection';
import type { ConnectionRegistry } from '../../connections/registry';
import type { Task } from '../../tasks/model';
import type { TaskAction } from './definitions';
import { refreshTasks } from './refresh';

/** Gaps between the quick reads after an action, until its tasks reach where it leads. */
const settleDelaysMs = [1000, 2000, 4000, 8000];

/** Polls the tasks an action changed a few times, quickly, then leaves them to the normal polling. */
export class SettlePolling implements vscode.Disposable {
  private readonly timers = new Set<NodeJS.Timeout>();
  private disposed = false;

  constructor(private readonly registry: ConnectionRegistry) {}

  watch(connection: Connection, tasks: readonly Task[], action: TaskAction): void {
    this.next(connection, tasks.map((task) => task.key), action, 0);
  }

  private next(connection: Connection, keys: readonly string[], action: TaskAction, attempt: number): void {
    const unsettled = keys.flatMap((key) => connection.store.find(key) ?? []).filter((task) => !action.settled(task));
    const replaced = this.registry.get(connection.name) !== connection;
    if (this.disposed || unsettled.length === 0 || replaced || attempt >= settleDelaysMs.length) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void refreshTasks(this.registry, connection, unsettled).then(() =>
        this.next(connection, unsettled.map((task) => task.key), action, attempt + 1),
      );
    }, settleDelaysMs[attempt]);
    this.timers.add(timer);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

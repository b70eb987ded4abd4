/** The view-title toggle between "Newest first" and "Running first", remembered across sessions. */
import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import { setContextKey } from '../connections/contextKeys';
import type { ConnectionRegistry } from '../connections/registry';
import type { TaskOrder } from '../tasks/ordering';

const storageKey = 'opsTasks.order';

export function savedOrder(storage: vscode.Memento): TaskOrder {
  return storage.get<unknown>(storageKey) === 'runningFirst' ? 'runningFirst' : 'newest';
}

export function registerTaskOrder(registry: ConnectionRegistry, storage: vscode.Memento): vscode.Disposable[] {
  void setContextKey('opsTasks.order', savedOrder(storage));
  const setOrder = async (order: TaskOrder) => {
    await storage.update(storageKey, order);
    await setContextKey('opsTasks.order', order);
    const query = registry.setQuery({ ...registry.currentQuery, order });
    await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => query);
  };
  return [
    registerCommand('opsTasks.showRunningFirst', () => setOrder('runningFirst')),
    registerCommand('opsTasks.showNewestFirst', () => setOrder('newest')),
  ];
}

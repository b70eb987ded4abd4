/**
 * The context keys the menus and welcome views of package.json test (`when` clauses), set in this
 * one place so their names and value types are written once.
 */
import * as vscode from 'vscode';
import type { TaskOrder } from '../tasks/ordering';

interface ContextKeys {
  /** Configured connections, valid or not: the welcome view shows at 0. */
  'opsTasks.connectionCount': number;
  /** Some task is watched: "Unwatch All" shows. */
  'opsTasks.watching': boolean;
  /** The order the tree is sorted by: the checked item of the order menu. */
  'opsTasks.order': TaskOrder;
  /** A filter is applied: "Clear Filter" shows. */
  'opsTasks.filtered': boolean;
}

export function setContextKey<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}

import type * as vscode from 'vscode';
import type { TreeNode } from './nodes';

/**
 * How long a connection's rows keep their places after the user selected one of its tasks or an
 * action on them ran: a re-sort ("Running first") waits, so the row under the pointer (and the
 * context menu opened on it) stays the row the user chose. VS Code tells nothing about open menus.
 */
export const orderHoldMs = 5_000;

/** Holds the order of the connections whose tasks are in these nodes. */
export function holdOrderOf(nodes: readonly TreeNode[]): void {
  const stores = new Set(nodes.flatMap((node) => (node.kind === 'task' ? [node.connection.store] : [])));
  for (const store of stores) store.holdOrder(orderHoldMs);
}

/** Selecting a task holds its connection's order. */
export function holdOrderOnSelection(view: vscode.TreeView<TreeNode>): vscode.Disposable {
  return view.onDidChangeSelection((event) => holdOrderOf(event.selection));
}

import type * as vscode from 'vscode';
import type { TaskNode, TreeNode } from '../tree/nodes';

function isTaskNode(value: unknown): value is TaskNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'task';
}

/**
 * The task nodes a command acts on: the menu's `(node, selectedNodes)` — the whole selection when
 * the clicked row is part of it — or, from the palette, the tree's selection.
 */
export function taskNodesOf(view: vscode.TreeView<TreeNode>, node: unknown, selected: unknown): { clicked: TaskNode; all: TaskNode[] } | undefined {
  const selection = Array.isArray(selected) ? selected.filter(isTaskNode) : [];
  if (isTaskNode(node)) return { clicked: node, all: selection.includes(node) ? selection : [node] };
  const viewSelection = view.selection.filter(isTaskNode);
  return viewSelection.length ? { clicked: viewSelection[0]!, all: viewSelection } : undefined;
}

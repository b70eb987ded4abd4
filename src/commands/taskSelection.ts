/** Which tasks a command acts on: the clicked row, the tree's selection, or a pick from the palette. */
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import type { Task } from '../tasks/model';
import { TaskNode, type TreeNode } from '../tree/nodes';

export interface ActionTarget {
  readonly connection: Connection;
  readonly task: Task;
}

export interface Selection {
  readonly targets: ActionTarget[];
  /** Selected tasks the action does not fit (their state rules it out, or an action runs on them). */
  readonly skipped: Task[];
}

/** The action can run on this task now. */
type Fits = (task: Task) => boolean;

function isTaskNode(value: unknown): value is TaskNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'task';
}

/**
 * A tree command receives the clicked node and the selection. The selection counts only when it
 * holds the clicked node: a right-click outside the selection acts on that node alone.
 */
export function selectionFromTree(node: unknown, selected: unknown, fits: Fits): Selection {
  const chosen = Array.isArray(selected) && selected.includes(node) ? selected : [node];
  const nodes = chosen.filter((item): item is TaskNode => item instanceof TaskNode);
  const targets: ActionTarget[] = [];
  const skipped: Task[] = [];
  for (const { connection, task } of nodes) {
    if (fits(task)) targets.push({ connection, task });
    else skipped.push(task);
  }
  return { targets, skipped };
}

function* withSubtasks(tasks: readonly Task[]): Generator<Task> {
  for (const task of tasks) {
    yield task;
    yield* withSubtasks(task.children);
  }
}

/** From the palette: a multi-select pick of the loaded tasks the action fits. */
export async function selectionFromPick(
  registry: ConnectionRegistry,
  action: { title: string; participle: string },
  fits: Fits,
): Promise<Selection | undefined> {
  const candidates = registry
    .all()
    .flatMap((connection) => [...withSubtasks(connection.store.tasks)].filter(fits).map((task) => ({ connection, task })));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No loaded task can be {0} now.', action.participle));
    return undefined;
  }
  const items = candidates.map((target) => ({
    label: target.task.title,
    description: `${target.connection.name} · ${target.task.statusLabel}`,
    target,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: `${action.title}: which tasks?`,
    placeHolder: vscode.l10n.t('Select one or more tasks'),
    matchOnDescription: true,
  });
  if (!picked?.length) return undefined;
  return { targets: picked.map((item) => item.target), skipped: [] };
}

/**
 * The task nodes a form command acts on: the menu's `(node, selectedNodes)` — the whole selection
 * when the clicked row is part of it — or, from the palette, the tree's selection.
 */
export function taskNodesOf(view: vscode.TreeView<TreeNode>, node: unknown, selected: unknown): { clicked: TaskNode; all: TaskNode[] } | undefined {
  const selection = Array.isArray(selected) ? selected.filter(isTaskNode) : [];
  if (isTaskNode(node)) return { clicked: node, all: selection.includes(node) ? selection : [node] };
  const viewSelection = view.selection.filter(isTaskNode);
  return viewSelection.length ? { clicked: viewSelection[0]!, all: viewSelection } : undefined;
}

/** A command handler that runs `act` on the command's task nodes, or says how to pick one. */
export function onTaskNodes(view: vscode.TreeView<TreeNode>, act: (clicked: TaskNode, all: TaskNode[]) => unknown) {
  return (node?: unknown, selected?: unknown) => {
    const nodes = taskNodesOf(view, node, selected);
    if (!nodes) return vscode.window.showInformationMessage(vscode.l10n.t('Select a task in the Ops Tasks view first.'));
    return act(nodes.clicked, nodes.all);
  };
}

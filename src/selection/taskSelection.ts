/** Which tasks a command acts on: the clicked row, the tree's selection, or a pick from the palette. */
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import type { Task } from '../tasks/model';
import { TaskNode, type TreeNode } from '../tree/nodes';
import { displayText } from '../util/displayText';

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

interface Candidate extends ActionTarget {
  readonly parent?: Task;
}

function* withSubtasks(connection: Connection, tasks: readonly Task[], parent?: Task): Generator<Candidate> {
  for (const task of tasks) {
    yield { connection, task, parent };
    yield* withSubtasks(connection, task.children, task);
  }
}

/** What a palette pick asks for: "Show Details", the task fits, one task or several. */
export interface PickRequest {
  readonly title: string;
  /** Completes "No loaded task can be … now.". */
  readonly participle: string;
  readonly fits: Fits;
  readonly canPickMany: boolean;
}

/**
 * The palette's pick of loaded tasks, the same for every task command: each row names the task,
 * its connection, status and id, and a subtask its parent job, so equal titles can be told apart.
 */
export async function pickTasks(registry: ConnectionRegistry, request: PickRequest): Promise<ActionTarget[] | undefined> {
  const candidates = registry.all().flatMap((connection) => [...withSubtasks(connection, connection.store.tasks)].filter((candidate) => request.fits(candidate.task)));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No loaded task can be {0} now.', request.participle));
    return undefined;
  }
  const items = candidates.map((candidate) => ({
    label: displayText(candidate.task.title),
    description: `${displayText(candidate.task.statusLabel)} · ${candidate.connection.name} · ID ${displayText(candidate.task.id)}`,
    detail: candidate.parent ? vscode.l10n.t('Subtask of "{0}" (ID {1})', displayText(candidate.parent.title), displayText(candidate.parent.id)) : undefined,
    target: { connection: candidate.connection, task: candidate.task },
  }));
  const options = {
    title: request.canPickMany ? vscode.l10n.t('{0}: which tasks?', request.title) : vscode.l10n.t('{0}: which task?', request.title),
    placeHolder: request.canPickMany ? vscode.l10n.t('Select one or more tasks') : vscode.l10n.t('Select a task'),
    matchOnDescription: true,
    matchOnDetail: true,
  };
  if (request.canPickMany) {
    const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true });
    return picked?.length ? picked.map((item) => item.target) : undefined;
  }
  const picked = await vscode.window.showQuickPick(items, options);
  return picked ? [picked.target] : undefined;
}

/** From the palette: a multi-select pick of the loaded tasks the action fits. */
export async function selectionFromPick(
  registry: ConnectionRegistry,
  action: { title: string; participle: string },
  fits: Fits,
): Promise<Selection | undefined> {
  const targets = await pickTasks(registry, { title: action.title, participle: action.participle, fits, canPickMany: true });
  return targets && { targets, skipped: [] };
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

/**
 * A command handler that runs `act` on the command's task nodes; from the palette with nothing
 * selected it offers the same pick as the actions.
 */
export function onTaskNodes(
  view: vscode.TreeView<TreeNode>,
  registry: ConnectionRegistry,
  pick: PickRequest,
  act: (clicked: TaskNode, all: TaskNode[]) => unknown,
) {
  return async (node?: unknown, selected?: unknown) => {
    const nodes = taskNodesOf(view, node, selected);
    if (nodes) return act(nodes.clicked, nodes.all);
    const targets = await pickTasks(registry, pick);
    if (!targets) return undefined;
    const picked = targets.map((target) => new TaskNode(target.connection, target.task));
    return act(picked[0]!, picked);
  };
}

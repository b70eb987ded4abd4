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

interface Candidate extends ActionTarget {
  /** The job a subtask belongs to, so two "Validate request" steps can be told apart. */
  readonly parent?: Task;
}

function* candidatesOf(connection: Connection, tasks: readonly Task[], parent?: Task): Generator<Candidate> {
  for (const task of tasks) {
    yield { connection, task, parent };
    yield* candidatesOf(connection, task.children, task);
  }
}

/** How the palette pickers show a task: name, where it runs and its status, and for a subtask its job. */
function pickItem(candidate: Candidate): vscode.QuickPickItem & { target: ActionTarget } {
  const { connection, task, parent } = candidate;
  const detail = parent
    ? vscode.l10n.t('Subtask of "{0}" (ID {1}) · ID {2}', parent.title, parent.id, task.id)
    : vscode.l10n.t('ID {0}', task.id);
  return {
    label: task.title,
    description: `${connection.name} · ${task.statusLabel}`,
    detail,
    target: { connection, task },
  };
}

export interface PickRequest {
  /** "Cancel", "Show Details": the picker's title starts with it. */
  readonly title: string;
  /** Completes "No loaded task can be … now." */
  readonly participle: string;
  readonly canPickMany: boolean;
}

/** The palette's way to choose tasks when none is selected: every loaded task the command fits. */
export async function pickTasks(registry: ConnectionRegistry, request: PickRequest, fits: Fits): Promise<ActionTarget[] | undefined> {
  const candidates = registry.all().flatMap((connection) => [...candidatesOf(connection, connection.store.tasks)].filter(({ task }) => fits(task)));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No loaded task can be {0} now.', request.participle));
    return undefined;
  }
  const options = {
    title: vscode.l10n.t('{0}: which tasks?', request.title),
    placeHolder: request.canPickMany ? vscode.l10n.t('Select one or more tasks') : vscode.l10n.t('Select a task'),
    matchOnDescription: true,
    matchOnDetail: true,
  };
  const items = candidates.map(pickItem);
  if (!request.canPickMany) {
    const picked = await vscode.window.showQuickPick(items, options);
    return picked ? [picked.target] : undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { ...options, canPickMany: true });
  return picked?.length ? picked.map((item) => item.target) : undefined;
}

/** From the palette: a multi-select pick of the loaded tasks the action fits. */
export async function selectionFromPick(
  registry: ConnectionRegistry,
  action: { title: string; participle: string },
  fits: Fits,
): Promise<Selection | undefined> {
  const targets = await pickTasks(registry, { ...action, canPickMany: true }, fits);
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
 * selected, it asks with the same picker as the task actions.
 */
export function onTaskNodes(
  view: vscode.TreeView<TreeNode>,
  registry: ConnectionRegistry,
  request: PickRequest & { fits: Fits },
  act: (clicked: TaskNode, all: TaskNode[]) => unknown,
) {
  return async (node?: unknown, selected?: unknown) => {
    const nodes = taskNodesOf(view, node, selected);
    if (nodes) return act(nodes.clicked, nodes.all);
    const targets = await pickTasks(registry, request, request.fits);
    if (!targets) return undefined;
    const picked = targets.map(({ connection, task }) => new TaskNode(connection, task));
    return act(picked[0]!, picked);
  };
}

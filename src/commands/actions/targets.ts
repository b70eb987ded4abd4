import * as vscode from 'vscode';
import type { Connection } from '../../connections/connection';
import type { ConnectionRegistry } from '../../connections/registry';
import type { Task } from '../../tasks/model';
import { TaskNode } from '../../tree/nodes';
import type { TaskAction } from './definitions';

export interface ActionTarget {
  readonly connection: Connection;
  readonly task: Task;
}

export interface Selection {
  readonly targets: ActionTarget[];
  /** Selected tasks the action does not fit (their state rules it out, or an action runs on them). */
  readonly skipped: Task[];
}

type IsBusy = (key: string) => boolean;

function fits(task: Task, action: TaskAction, isBusy: IsBusy): boolean {
  return task.operations.includes(action.operation) && !isBusy(task.key);
}

/**
 * A tree command receives the clicked node and the selection. The selection counts only when it
 * holds the clicked node: a right-click outside the selection acts on that node alone.
 */
export function selectionFromTree(node: unknown, selected: unknown, action: TaskAction, isBusy: IsBusy): Selection {
  const chosen = Array.isArray(selected) && selected.includes(node) ? selected : [node];
  const nodes = chosen.filter((item): item is TaskNode => item instanceof TaskNode);
  const targets: ActionTarget[] = [];
  const skipped: Task[] = [];
  for (const { connection, task } of nodes) {
    if (fits(task, action, isBusy)) targets.push({ connection, task });
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
export async function selectionFromPick(registry: ConnectionRegistry, action: TaskAction, isBusy: IsBusy): Promise<Selection | undefined> {
  const candidates = registry
    .all()
    .flatMap((connection) => [...withSubtasks(connection.store.tasks)].filter((task) => fits(task, action, isBusy)).map((task) => ({ connection, task })));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(`No loaded task can be ${action.participle} now.`);
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
    placeHolder: 'Select one or more tasks',
    matchOnDescription: true,
  });
  if (!picked?.length) return undefined;
  return { targets: picked.map((item) => item.target), skipped: [] };
}

/** Shows one task by connection and id — from a notification or the Activity view, where no tree row is at hand. */
import * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import { taskKey } from '../tasks/model';
import { TaskNode, type TreeNode } from '../tree/nodes';
import type { TaskTreeProvider } from '../tree/provider';
import { errorText } from '../tasks/errorText';

export interface TaskRef {
  readonly connection: string;
  readonly id: string;
}

/** The task as the tree has it, else as the server has it now. */
async function findTask(registry: ConnectionRegistry, ref: TaskRef): Promise<TaskNode | string> {
  const connection = registry.get(ref.connection);
  if (!connection) return vscode.l10n.t('The connection {0} no longer exists.', ref.connection);
  const known = connection.store.find(taskKey(ref.connection, ref.id));
  if (known) return new TaskNode(connection, known);
  try {
    const [task] = await connection.read([ref.id]);
    return task ? new TaskNode(connection, task) : vscode.l10n.t('{0} no longer has the task {1}.', ref.connection, ref.id);
  } catch (error) {
    return vscode.l10n.t('Could not read the task {0} on {1}: {2}', ref.id, ref.connection, errorText(error));
  }
}

export async function showTaskDetails(registry: ConnectionRegistry, ref: TaskRef): Promise<void> {
  const node = await findTask(registry, ref);
  if (typeof node === 'string') void vscode.window.showWarningMessage(node);
  else await vscode.commands.executeCommand('opsTasks.showDetails', node);
}

/** Opens the Tasks view and selects the task's row; says so when the task is not among the loaded ones. */
export async function revealTask(registry: ConnectionRegistry, provider: TaskTreeProvider, view: vscode.TreeView<TreeNode>, ref: TaskRef): Promise<void> {
  await vscode.commands.executeCommand('opsTasks.tasks.focus');
  const key = taskKey(ref.connection, ref.id);
  let node = provider.nodeFor(key);
  const connection = registry.get(ref.connection);
  if (!node && connection) {
    // The rows are made when the tree asks for them; ask as a shown view would.
    const roots = await provider.getChildren();
    const parent = roots.find((root) => root.kind === 'connection' && root.connection === connection);
    if (parent) await provider.loadedChildren(parent);
    node = provider.nodeFor(key);
  }
  if (!node) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The task {0} is not among the tasks loaded for {1}.', ref.id, ref.connection));
    return;
  }
  await view.reveal(node, { select: true, focus: true, expand: false });
}

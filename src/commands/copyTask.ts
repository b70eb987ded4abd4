/**
 * Copy Name, Copy ID, Copy as JSON and Open in Browser: what a user takes from a row to a ticket,
 * a chat or the appliance's own console.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import type { Task } from '../tasks/model';
import type { TreeNode } from '../tree/nodes';
import { errorText } from '../tasks/errorText';
import { pickConnection } from './pickConnection';
import { taskNodesOf } from '../selection/taskSelection';

/** The tasks a copy command is about: the clicked row with the selection, or the tree's selection (Ctrl+C). */
function tasksOf(view: vscode.TreeView<TreeNode>, node: unknown, selected: unknown): Task[] {
  return taskNodesOf(view, node, selected)?.all.map((taskNode) => taskNode.task) ?? [];
}

/** Copies and says so in the status bar for a moment. */
async function copy(text: string, said: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(said, 3000);
}

/** One line per selected task: its full name. */
export async function copyNames(view: vscode.TreeView<TreeNode>, node?: unknown, selected?: unknown): Promise<void> {
  const tasks = tasksOf(view, node, selected);
  if (tasks.length) await copy(tasks.map((task) => task.title).join('\n'), tasks.length === 1 ? vscode.l10n.t('Copied the name.') : vscode.l10n.t('Copied {0} names.', tasks.length));
}

/** One line per selected task: the server's id (LXCA jobUID, JP1/AO instanceID). */
export async function copyIds(view: vscode.TreeView<TreeNode>, node?: unknown, selected?: unknown): Promise<void> {
  const tasks = tasksOf(view, node, selected);
  if (tasks.length) await copy(tasks.map((task) => task.id).join('\n'), tasks.length === 1 ? vscode.l10n.t('Copied the ID.') : vscode.l10n.t('Copied {0} IDs.', tasks.length));
}

/** The server's object of the task, as it sent it: the one in hand, else read again (a list read leaves LXCA's out). */
export async function copyAsJson(registry: ConnectionRegistry, view: vscode.TreeView<TreeNode>, node?: unknown, selected?: unknown): Promise<void> {
  const nodes = taskNodesOf(view, node, selected);
  if (!nodes) return;
  const { connection, task } = nodes.clicked;
  let raw = task.raw;
  if (raw === undefined) {
    try {
      [raw] = (await registry.current(connection.name).read([task.id])).map((fresh) => fresh.raw);
    } catch (error) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Could not read the task {0} on {1}: {2}', task.id, connection.name, errorText(error)));
      return;
    }
  }
  await copy(JSON.stringify(raw ?? null, null, 2), vscode.l10n.t('Copied the task as JSON.'));
}

/** The appliance's own web console, at the connection's base URL (the same address the extension talks to). */
export async function openInBrowser(registry: ConnectionRegistry, arg?: unknown): Promise<void> {
  const connection: Connection | undefined = await pickConnection(registry, arg, vscode.l10n.t('Open which connection in the browser?'));
  if (!connection) return;
  await vscode.env.openExternal(vscode.Uri.parse(`${connection.config.baseUrl}/`));
}

/** One connection at a time: fold every connection, then unfold and select the one asked for. */
import * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import type { TreeNode } from '../tree/nodes';
import type { TaskTreeProvider } from '../tree/provider';
import { pickConnection } from './pickConnection';

export async function focusConnection(registry: ConnectionRegistry, provider: TaskTreeProvider, view: vscode.TreeView<TreeNode>, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, vscode.l10n.t('Show which connection expanded?'));
  if (!connection) return;
  await vscode.commands.executeCommand('workbench.actions.treeView.opsTasks.tasks.collapseAll');
  const node = (await provider.getChildren()).find((root) => root.kind === 'connection' && root.connection === connection);
  if (node) await view.reveal(node, { expand: true, select: true, focus: true });
}

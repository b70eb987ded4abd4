import * as vscode from 'vscode';
import { Credentials } from './connections/credentials';
import { ConnectionRegistry } from './connections/registry';
import { registerCommands } from './commands/register';
import { stopDemo } from './commands/startDemo';
import { disposeLog } from './log';
import { useTranslation } from './tasks/l10n';
import { TaskTreeProvider } from './tree/provider';
import { RunningSummary } from './tree/runningSummary';
import type { TreeNode } from './tree/nodes';

/** What tests inside the extension host may reach. Not a public API. */
export interface OpsTasksTestApi {
  registry: ConnectionRegistry;
  provider: TaskTreeProvider;
  view: vscode.TreeView<TreeNode>;
}

/** Builds the services and registers the view and commands. No network, no API bundle. */
export function activate(context: vscode.ExtensionContext): OpsTasksTestApi {
  useTranslation(vscode.l10n.t, vscode.env.language);
  const credentials = new Credentials(context.secrets);
  const registry = new ConnectionRegistry(credentials);
  const provider = new TaskTreeProvider(registry, (work) =>
    Promise.resolve(vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => work)),
  );
  const view = vscode.window.createTreeView('opsTasks.tasks', {
    treeDataProvider: provider,
    canSelectMany: true,
    showCollapseAll: true,
  });

  const updateWatching = () => registry.setWatching(view.visible && vscode.window.state.focused);
  context.subscriptions.push(
    credentials,
    registry,
    provider,
    view,
    new RunningSummary(registry, view),
    view.onDidChangeVisibility(updateWatching),
    vscode.window.onDidChangeWindowState(updateWatching),
    ...registerCommands({ registry, provider, view }),
  );
  updateWatching();
  return { registry, provider, view };
}

export async function deactivate(): Promise<void> {
  disposeLog();
  await stopDemo();
}

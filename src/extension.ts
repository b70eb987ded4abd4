import * as vscode from 'vscode';
import { Credentials } from './connections/credentials';
import { ConnectionRegistry } from './connections/registry';
import { registerCommands } from './commands/register';
import { registerForms } from './webview/register';
import { demoPassword, isDemoConnection, stopDemo } from './demo/demoServers';
import { disposeLog } from './log';
import { useTranslation } from './tasks/l10n';
import { TaskTreeProvider } from './tree/provider';
import { RunningSummary } from './tree/runningSummary';
import type { TreeNode } from './tree/nodes';
import { TimeRefresh } from './tree/timeRefresh';
import { holdOrderOnSelection } from './tree/orderHold';
import { registerTaskOrder, savedOrder } from './commands/taskOrder';
import { registerActivity } from './activity/register';
import type { ActivityLog } from './activity/activityLog';
import { registerAlerts, type Alerts } from './alerts/register';

/** What tests inside the extension host may reach. Not a public API. */
export interface OpsTasksTestApi {
  registry: ConnectionRegistry;
  provider: TaskTreeProvider;
  view: vscode.TreeView<TreeNode>;
  alerts: Alerts;
  activity: ActivityLog;
}

/** Builds the services and registers the view and commands. No network, no API bundle. */
export function activate(context: vscode.ExtensionContext): OpsTasksTestApi {
  useTranslation(vscode.l10n.t, vscode.env.language);
  const credentials = new Credentials(context.secrets, (config) => (isDemoConnection(config) ? demoPassword(config) : undefined));
  const registry = new ConnectionRegistry(credentials, savedOrder(context.globalState));
  const provider = new TaskTreeProvider(registry, (work) =>
    Promise.resolve(vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => work)),
  );
  const view = vscode.window.createTreeView('opsTasks.tasks', {
    treeDataProvider: provider,
    canSelectMany: true,
    showCollapseAll: true,
  });

  const activity = registerActivity(context.globalState, registry, view);
  const alerts = registerAlerts({ registry, provider, view, storage: context.workspaceState });

  const updateWatching = () => registry.setWatching(view.visible && vscode.window.state.focused);
  const commandContext = { registry, provider, view, storage: context.globalState };
  context.subscriptions.push(
    credentials,
    registry,
    provider,
    view,
    new RunningSummary(registry, view),
    holdOrderOnSelection(view),
    view.onDidChangeVisibility(updateWatching),
    vscode.window.onDidChangeWindowState(updateWatching),
    ...registerCommands(commandContext),
    ...registerForms(commandContext),
    ...activity.disposables,
    ...alerts.disposables,
    ...registerTaskOrder(registry, context.globalState),
    new TimeRefresh(provider, view),
  );
  updateWatching();
  return { registry, provider, view, alerts: alerts.alerts, activity: activity.log };
}

export async function deactivate(): Promise<void> {
  disposeLog();
  await stopDemo();
}

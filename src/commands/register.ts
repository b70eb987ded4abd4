import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import type { PresentedCertificate } from '../api/errors';
import { log } from '../log';
import {
  addConnection,
  editConnection,
  removeConnection,
  renameConnection,
  setPassword,
  signOut,
  testConnection,
} from './connectionCommands';
import { applyFilter, filterTasks } from './filter';
import { copyAsJson, copyIds, copyNames, openInBrowser } from './copyTask';
import { focusConnection } from './focusConnection';
import { pickConnection } from './pickConnection';
import { startDemo } from './startDemo';
import { registerTaskActions } from './taskActions';
import { DoubleClickDetector, taskClickCommandId } from '../tree/taskClick';
import { onTaskNodes } from '../selection/taskSelection';
import { toggleToDoPick } from './toggleToDo';
import { toggleToDo } from './toggleToDo';
import { trustCertificate } from './trustCertificate';
import { resubmitPick, resubmitTask } from './resubmit';
import type { CommandContext } from './commandContext';

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const { registry, view, provider } = context;
  const doubleClick = new DoubleClickDetector();
  return [
    registerCommand('opsTasks.addConnection', () => addConnection(registry)),
    registerCommand('opsTasks.editConnection', (arg) => editConnection(registry, arg)),
    registerCommand('opsTasks.removeConnection', (arg) => removeConnection(registry, arg)),
    registerCommand('opsTasks.renameConnection', (arg) => renameConnection(registry, arg)),
    registerCommand('opsTasks.focusConnection', (arg) => focusConnection(registry, provider, view, arg)),
    registerCommand('opsTasks.setPassword', (arg) => setPassword(registry, arg)),
    registerCommand('opsTasks.signOut', (arg) => signOut(registry, arg)),
    registerCommand('opsTasks.testConnection', (arg) => testConnection(registry, arg)),
    registerCommand('opsTasks.refresh', async (arg) => {
      const connection = arg === undefined ? undefined : await pickConnection(registry, arg);
      const work = connection ? registry.refresh(connection) : registry.refreshAll();
      await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => work);
    }),
    registerCommand('opsTasks.loadMore', async (arg) => {
      const connection = await pickConnection(registry, arg);
      if (!connection) return;
      const shownBefore = connection.store.tasks.length;
      await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => connection.store.loadMore());
      // The "Load more…" row is gone: keyboard focus goes to the first row it loaded.
      const firstNew = connection.store.tasks[shownBefore];
      const node = firstNew && (await provider.topLevelNode(connection.name, firstNew.key));
      if (node) await view.reveal(node, { select: true, focus: true }).then(undefined, () => undefined);
    }),
    registerCommand('opsTasks.loadMoreArchived', async (name: unknown) => {
      if (typeof name !== 'string') return;
      await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => provider.archive.loadMore(name));
    }),
    registerCommand('opsTasks.filter', () => filterTasks(registry, view)),
    registerCommand('opsTasks.clearFilter', () => applyFilter(registry, view, {})),
    registerCommand('opsTasks.trustCertificate', (name: unknown, certificate?: PresentedCertificate) =>
      trustCertificate(registry, name, certificate),
    ),
    registerCommand('opsTasks.showLog', () => log().show()),
    registerCommand('opsTasks.startDemo', () => startDemo()),
    registerCommand(
      'opsTasks.toggleToDo',
      onTaskNodes(view, registry, toggleToDoPick, (clicked, all) => toggleToDo(registry, clicked, all)),
    ),
    // A double-click on a row opens Respond… for a task waiting for a response, else its Details.
    registerCommand(taskClickCommandId, (key: unknown) => {
      if (typeof key !== 'string' || !doubleClick.click(key)) return;
      const node = provider.nodeFor(key);
      if (node) return vscode.commands.executeCommand(node.task.awaitsResponse ? 'opsTasks.jp1ao.respond' : 'opsTasks.showDetails', node);
    }),
    // Enter: the tree's own Enter (select, expand, run the row's command), then Details of a task row.
    registerCommand('opsTasks.openFocusedTask', async () => {
      await vscode.commands.executeCommand('list.select');
      const [node] = view.selection;
      if (view.selection.length === 1 && node?.kind === 'task') await vscode.commands.executeCommand('opsTasks.showDetails', node);
    }),
    registerCommand('opsTasks.copyName', (node, selected) => copyNames(view, node, selected)),
    registerCommand('opsTasks.copyId', (node, selected) => copyIds(view, node, selected)),
    registerCommand('opsTasks.copyAsJson', (node, selected) => copyAsJson(registry, view, node, selected)),
    registerCommand('opsTasks.openInBrowser', (arg) => openInBrowser(registry, arg)),
    registerCommand('opsTasks.jp1ao.resubmit', onTaskNodes(view, registry, resubmitPick(), (clicked) => resubmitTask(registry, provider, view, clicked))),
    ...registerTaskActions(context),
  ];
}

import * as vscode from 'vscode';
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
  const register = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    register('opsTasks.addConnection', () => addConnection(registry)),
    register('opsTasks.editConnection', (arg) => editConnection(registry, arg)),
    register('opsTasks.removeConnection', (arg) => removeConnection(registry, arg)),
    register('opsTasks.renameConnection', (arg) => renameConnection(registry, arg)),
    register('opsTasks.focusConnection', (arg) => focusConnection(registry, provider, view, arg)),
    register('opsTasks.setPassword', (arg) => setPassword(registry, arg)),
    register('opsTasks.signOut', (arg) => signOut(registry, arg)),
    register('opsTasks.testConnection', (arg) => testConnection(registry, arg)),
    register('opsTasks.refresh', async (arg) => {
      const connection = arg === undefined ? undefined : await pickConnection(registry, arg);
      const work = connection ? registry.refresh(connection) : registry.refreshAll();
      await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => work);
    }),
    register('opsTasks.loadMore', async (arg) => {
      const connection = await pickConnection(registry, arg);
      if (!connection) return;
      const shownBefore = connection.store.tasks.length;
      await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => connection.store.loadMore());
      // The "Load more…" row is gone: keyboard focus goes to the first row it loaded.
      const firstNew = connection.store.tasks[shownBefore];
      const node = firstNew && (await provider.topLevelNode(connection.name, firstNew.key));
      if (node) await view.reveal(node, { select: true, focus: true }).then(undefined, () => undefined);
    }),
    register('opsTasks.loadMoreArchived', async (name: unknown) => {
      if (typeof name !== 'string') return;
      await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => provider.archive.loadMore(name));
    }),
    register('opsTasks.filter', () => filterTasks(registry, view)),
    register('opsTasks.clearFilter', () => applyFilter(registry, view, {})),
    register('opsTasks.trustCertificate', (name: unknown, certificate?: PresentedCertificate) =>
      trustCertificate(registry, name, certificate),
    ),
    register('opsTasks.showLog', () => log().show()),
    register('opsTasks.startDemo', () => startDemo()),
    register(
      'opsTasks.toggleToDo',
      onTaskNodes(view, registry, toggleToDoPick, (clicked, all) => toggleToDo(registry, clicked, all)),
    ),
    // A double-click on a row opens Respond… for a task waiting for a response, else its Details.
    register(taskClickCommandId, (key: unknown) => {
      if (typeof key !== 'string' || !doubleClick.click(key)) return;
      const node = provider.nodeFor(key);
      if (node) return vscode.commands.executeCommand(node.task.awaitsResponse ? 'opsTasks.jp1ao.respond' : 'opsTasks.showDetails', node);
    }),
    // Enter: the tree's own Enter (select, expand, run the row's command), then Details of a task row.
    register('opsTasks.openFocusedTask', async () => {
      await vscode.commands.executeCommand('list.select');
      const [node] = view.selection;
      if (view.selection.length === 1 && node?.kind === 'task') await vscode.commands.executeCommand('opsTasks.showDetails', node);
    }),
    register('opsTasks.copyName', (node, selected) => copyNames(view, node, selected)),
    register('opsTasks.copyId', (node, selected) => copyIds(view, node, selected)),
    register('opsTasks.copyAsJson', (node, selected) => copyAsJson(registry, view, node, selected)),
    register('opsTasks.openInBrowser', (arg) => openInBrowser(registry, arg)),
    register('opsTasks.jp1ao.resubmit', onTaskNodes(view, registry, resubmitPick(), (clicked) => resubmitTask(registry, provider, view, clicked))),
    ...registerTaskActions(context),
  ];
}

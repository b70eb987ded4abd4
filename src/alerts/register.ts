import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import { setContextKey } from '../connections/contextKeys';
import type { ConnectionRegistry } from '../connections/registry';
import { revealTask, showTaskDetails } from '../selection/openTask';
import { selectionFromPick, taskNodesOf } from '../selection/taskSelection';
import { taskKey, type Task } from '../tasks/model';
import type { TreeNode } from '../tree/nodes';
import type { TaskTreeProvider } from '../tree/provider';
import { CompletionNotifier } from './notifier';
import { isFinished, TaskWatcher } from './watcher';
import { WatchList } from './watchList';
import { displayText } from '../util/displayText';
import { ResponseAlerts } from './responseAlerts';
import { TaskNode } from '../tree/nodes';

export interface Alerts {
  readonly watches: WatchList;
  readonly watcher: TaskWatcher;
  readonly notifier: CompletionNotifier;
  readonly responses: ResponseAlerts;
}

interface AlertServices {
  readonly registry: ConnectionRegistry;
  readonly provider: TaskTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  /** Where the watched ids are kept across reloads. */
  readonly storage: vscode.Memento;
}

/** Notify When Done, Stop Watching, the watcher behind them and the mark on watched rows. */
export function registerAlerts({ registry, provider, view, storage }: AlertServices): { alerts: Alerts; disposables: vscode.Disposable[] } {
  const watches = new WatchList(storage);
  const notifier = new CompletionNotifier({
    showDetails: (task) => showTaskDetails(registry, task),
    reveal: (task) => revealTask(registry, provider, view, task),
  });
  const watcher = new TaskWatcher({
    registry,
    watches,
    notifier,
    treePolling: () => view.visible && vscode.window.state.focused,
    focused: () => vscode.window.state.focused,
  });
  const responses = new ResponseAlerts(registry, {
    respond: (connection, task) => vscode.commands.executeCommand('opsTasks.jp1ao.respond', new TaskNode(connection, task)),
    showDetails: (task) => showTaskDetails(registry, task),
  });
  provider.isWatched = (key) => watches.has(key);
  void setContextKey('opsTasks.watching', watches.size > 0);

  const notifyWhenDone = async (node?: unknown, selected?: unknown) => {
    const chosen = node === undefined ? await pickUnwatched(registry, watches) : tasksOf(view, node, selected);
    if (!chosen?.length) return;
    const finished = chosen.filter(isFinished);
    for (const task of chosen) {
      const connection = registry.get(task.connection);
      if (connection && !isFinished(task)) watcher.watch(connection, task);
    }
    if (finished.length) {
      void vscode.window.showInformationMessage(
        finished.length === 1
          ? vscode.l10n.t('"{0}" has already finished: {1}.', displayText(finished[0]!.title), displayText(finished[0]!.statusLabel))
          : vscode.l10n.t('{0} of the selected tasks have already finished.', finished.length),
      );
    }
  };

  const stopWatching = async (node?: unknown, selected?: unknown) => {
    const keys = node === undefined ? await pickWatched(registry, watches) : tasksOf(view, node, selected)?.map((task) => task.key);
    if (keys?.length) watcher.unwatch(keys);
  };

  return {
    alerts: { watches, watcher, notifier, responses },
    disposables: [
      watches,
      responses,
      notifier,
      watcher,
      watches.onDidChange((keys) => provider.redrawRows(keys)),
      vscode.window.onDidChangeWindowState(() => watcher.restart()),
      registerCommand('opsTasks.notifyWhenDone', notifyWhenDone),
      registerCommand('opsTasks.stopWatching', stopWatching),
    ],
  };
}

function tasksOf(view: vscode.TreeView<TreeNode>, node: unknown, selected: unknown): Task[] | undefined {
  return taskNodesOf(view, node, selected)?.all.map((taskNode) => taskNode.task);
}

/** From the palette: the loaded unfinished tasks not watched yet. */
async function pickUnwatched(registry: ConnectionRegistry, watches: WatchList): Promise<Task[] | undefined> {
  const selection = await selectionFromPick(
    registry,
    { title: vscode.l10n.t('Notify When Done'), participle: vscode.l10n.t('watched') },
    (task) => !isFinished(task) && !watches.has(task.key),
  );
  return selection?.targets.map((target) => target.task);
}

/** From the palette: the watched tasks, named as the tree has them when it has them. */
async function pickWatched(registry: ConnectionRegistry, watches: WatchList): Promise<string[] | undefined> {
  const watched = watches.all();
  if (!watched.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No task is watched.'));
    return undefined;
  }
  const items = watched.map((watch) => {
    const key = taskKey(watch.connection, watch.id);
    const known = registry.get(watch.connection)?.store.find(key);
    return { label: displayText(known?.title ?? watch.id), description: `${watch.connection} · ${displayText(watch.id)}`, key };
  });
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Stop Watching: which tasks?') });
  return picked?.map((item) => item.key);
}

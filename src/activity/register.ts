import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import type { ConnectionRegistry } from '../connections/registry';
import { showTaskDetails } from '../selection/openTask';
import { ActivityLog, isActivityEntry } from './activityLog';
import { ActivityTreeProvider, activityKindLabel, activityResultLabel } from './activityView';
import { onDidRecordActivity, onDidUpdateActivity } from './record';

/** The Activity view, its log (kept in global state) and its commands. */
export function registerActivity(
  storage: vscode.Memento,
  registry: ConnectionRegistry,
  tasksView?: vscode.TreeView<unknown>,
): { log: ActivityLog; disposables: vscode.Disposable[] } {
  const log = new ActivityLog(storage);
  const provider = new ActivityTreeProvider(log);
  const view = vscode.window.createTreeView('opsTasks.activity', { treeDataProvider: provider });

  const showDetails = async (entry?: unknown) => {
    let chosen = isActivityEntry(entry) ? entry : undefined;
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        log.entries.map((item) => ({
          label: `${activityKindLabel(item.kind)}: ${item.taskTitle}`,
          description: `${new Date(item.time).toLocaleString()} · ${item.connection} · ${activityResultLabel(item)}`,
          item,
        })),
        { title: vscode.l10n.t('Show Details: which activity?'), matchOnDescription: true },
      );
      chosen = picked?.item;
    }
    if (chosen) await showTaskDetails(registry, { connection: chosen.connection, id: chosen.taskId });
  };

  return {
    log,
    disposables: [
      log,
      provider,
      view,
      onDidRecordActivity(({ entry }) => {
        const first = log.entries.length === 0;
        log.add(entry);
        // The view starts folded while empty; its first entry unfolds it, if the side bar shows Ops Tasks.
        if (first && tasksView?.visible) void view.reveal(entry, { select: false, focus: false }).then(undefined, () => undefined);
      }),
      onDidUpdateActivity((entry) => log.update(entry)),
      registerCommand('opsTasks.activity.showDetails', showDetails),
      registerCommand('opsTasks.activity.clear', () => log.clear()),
    ],
  };
}

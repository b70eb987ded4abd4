/**
 * The buttons of the Details panel: the row's own context-menu actions (same state rules, same
 * confirmations — each button runs the menu's command on the task) plus copying and the web console.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { Task, TaskOperation } from '../tasks/model';
import { TaskNode } from '../tree/nodes';
import type { TaskTreeProvider } from '../tree/provider';
import { taskActions } from './taskActions';
import { canRespond, canResubmit } from '../tasks/loopOffers';

export interface DetailsAction {
  /** The command the button runs. */
  readonly id: string;
  readonly title: string;
}

/** What the Details form needs to offer and run its buttons; the form itself stays free of commands. */
export interface DetailsActions {
  offered(task: Task): DetailsAction[];
  /** Runs the button on the task; resolves when the command is done (answered, or backed out of). */
  run(connection: Connection, task: Task, id: string): Promise<void>;
}

interface RowAction {
  readonly operation: TaskOperation;
  readonly command: string;
  readonly title: () => string;
}

/** The operator's loop on JP1/AO tasks, offered as on the row (see tasks/loopOffers). */
const loopActions: readonly { offered: (task: Task) => boolean; command: string; title: () => string }[] = [
  { offered: canRespond, command: 'opsTasks.jp1ao.respond', title: () => vscode.l10n.t('Respond…') },
  { offered: canResubmit, command: 'opsTasks.jp1ao.resubmit', title: () => vscode.l10n.t('Resubmit…') },
];

/** In the context menu's order. */
const rowActions: readonly RowAction[] = [
  ...taskActions.map((action) => ({ operation: action.operation, command: action.command, title: () => action.title })),
  { operation: 'cancelWithCallback', command: 'opsTasks.lxca.cancelWithCallback', title: () => vscode.l10n.t('Cancel with Callback…') },
  { operation: 'editNotes', command: 'opsTasks.editNotes', title: () => vscode.l10n.t('Notes…') },
];

/** Offered whatever the task's state. */
const alwaysOffered: readonly { command: string; title: () => string }[] = [
  { command: 'opsTasks.copyAsJson', title: () => vscode.l10n.t('Copy as JSON') },
  { command: 'opsTasks.openInBrowser', title: () => vscode.l10n.t('Open in Browser') },
];

export function detailsActions(provider: TaskTreeProvider): DetailsActions {
  const offered = (task: Task): DetailsAction[] => {
    // As on the row: while an action's call runs on the task, it offers none.
    const busy = provider.isBusy(task.key);
    const own = busy ? [] : rowActions.filter((action) => task.operations.includes(action.operation));
    const loop = busy ? [] : loopActions.filter((action) => action.offered(task));
    return [...loop, ...own, ...alwaysOffered].map((action) => ({ id: action.command, title: action.title() }));
  };
  return {
    offered,
    async run(connection, task, id) {
      if (!offered(task).some((action) => action.id === id)) return;
      await vscode.commands.executeCommand(id, new TaskNode(connection, task));
    },
  };
}

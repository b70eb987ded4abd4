import * as vscode from 'vscode';
import { taskActions } from './actions/definitions';
import { runTaskAction } from './actions/runTaskAction';
import { SettlePolling } from './actions/settle';
import type { CommandContext } from './register';

/** Cancel, stop, force stop, retry and archive from the tree (issue: task actions). */
export function registerTaskActions(context: CommandContext): vscode.Disposable[] {
  const settle = new SettlePolling(context.registry);
  const services = { registry: context.registry, provider: context.provider, settle };
  return [
    settle,
    ...taskActions.map((action) =>
      vscode.commands.registerCommand(action.command, (node?: unknown, selected?: unknown) => runTaskAction(services, action, node, selected)),
    ),
  ];
}

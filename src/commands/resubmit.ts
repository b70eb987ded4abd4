/**
 * Resubmit… on a completed, failed or canceled JP1/AO task: shows the inputs the server's template
 * will reuse (passwords masked; only the values the template marks editable can change), asks,
 * posts the template, and selects the new task in the tree once it is listed.
 */
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import type { OperatorLoop, ResubmitInputView, ResubmitRequest } from '../tasks/jp1aoLoop';
import { canResubmit } from '../tasks/loopOffers';
import { taskKey } from '../tasks/model';
import type { TaskNode, TreeNode } from '../tree/nodes';
import type { TaskTreeProvider } from '../tree/provider';
import { errorText } from '../tasks/errorText';
import { recordActivity } from '../activity/record';
import type { PickRequest } from '../selection/taskSelection';

export function resubmitPick(): PickRequest {
  return { title: vscode.l10n.t('Resubmit'), participle: vscode.l10n.t('resubmitted'), fits: canResubmit, canPickMany: false };
}

const masked = '••••••••';

function loopOf(connection: Connection): OperatorLoop {
  const loop = connection.adapter().operatorLoop;
  if (!loop) throw new Error(vscode.l10n.t('{0} cannot resubmit tasks', connection.name));
  return loop;
}

/** Resolves with the new task's id, or undefined when the user backed out or it failed (said so). */
export async function resubmitTask(registry: ConnectionRegistry, provider: TaskTreeProvider, view: vscode.TreeView<TreeNode>, node: TaskNode): Promise<string | undefined> {
  const { connection, task } = node;
  if (!canResubmit(task)) return undefined;
  let request: ResubmitRequest;
  try {
    request = await vscode.window.withProgress({ location: { viewId: 'opsTasks.tasks' } }, () => loopOf(connection).readResubmit(task.id));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read what resubmitting "{0}" would reuse: {1}', task.title, errorText(error)));
    return undefined;
  }
  const changes = await reviewInputs(request);
  if (!changes) return undefined;
  const go = vscode.l10n.t('Resubmit');
  const changed = Object.keys(changes).length;
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Resubmit "{0}" on {1}? A new task runs the same service with these inputs.', task.title, connection.name),
    { modal: true, detail: changed ? vscode.l10n.t('{0} input(s) changed.', changed) : vscode.l10n.t('The inputs are the same as before.') },
    go,
  );
  if (choice !== go) return undefined;
  let newId: string | undefined;
  try {
    newId = await loopOf(connection).resubmit(request, changes);
    recordActivity('resubmit', task, { ok: true });
  } catch (error) {
    recordActivity('resubmit', task, { ok: false, error });
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not resubmit "{0}": {1}', task.title, errorText(error)));
    return undefined;
  }
  await registry.refresh(connection);
  if (newId) await selectNewTask(registry, provider, view, connection, newId);
  void vscode.window.showInformationMessage(
    newId ? vscode.l10n.t('Resubmitted "{0}" as task {1}.', task.title, newId) : vscode.l10n.t('Resubmitted "{0}".', task.title),
  );
  return newId;
}

async function selectNewTask(registry: ConnectionRegistry, provider: TaskTreeProvider, view: vscode.TreeView<TreeNode>, connection: Connection, id: string): Promise<void> {
  const key = taskKey(connection.name, id);
  if (!registry.get(connection.name)?.store.find(key)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The new task {0} is not among the tasks shown (check the filter).', id));
    return;
  }
  const node = await provider.topLevelNode(connection.name, key);
  if (node) await view.reveal(node, { select: true, focus: true, expand: false }).then(undefined, () => undefined);
}

type InputItem = vscode.QuickPickItem & { input?: ResubmitInputView; submit?: true };

/** The inputs as a list; an editable one opens an input box. Resolves with the changed values, or undefined when dismissed. */
async function reviewInputs(request: ResubmitRequest): Promise<Record<string, string> | undefined> {
  const changes: Record<string, string> = {};
  const valueOf = (input: ResubmitInputView) => changes[input.keyName] ?? input.value;
  for (;;) {
    const items: InputItem[] = [
      { label: `$(run) ${vscode.l10n.t('Resubmit with these inputs')}`, submit: true, alwaysShow: true },
      { label: vscode.l10n.t('Inputs'), kind: vscode.QuickPickItemKind.Separator },
      ...request.inputs.map((input) => ({
        label: `${input.editable ? '$(edit)' : '$(lock)'} ${input.displayName ?? input.keyName}`,
        description: input.secret ? masked : valueOf(input),
        detail: `${input.keyName} · ${input.editable ? vscode.l10n.t('editable: select to change') : vscode.l10n.t('read-only')}${Object.hasOwn(changes, input.keyName) ? ` · ${vscode.l10n.t('changed')}` : ''}`,
        input,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Resubmit "{0}": the inputs it reuses', request.task.title),
      placeHolder: request.inputs.length ? vscode.l10n.t('Select an editable input to change it, or Resubmit') : vscode.l10n.t('The task has no inputs'),
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.submit) return changes;
    const input = picked.input;
    if (!input?.editable) continue;
    const value = await vscode.window.showInputBox({
      title: input.displayName ?? input.keyName,
      prompt: vscode.l10n.t('New value of {0}', input.keyName),
      value: input.secret ? '' : valueOf(input),
      password: input.secret,
      ignoreFocusOut: true,
    });
    if (value !== undefined) changes[input.keyName] = value;
  }
}

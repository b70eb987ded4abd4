/** How a task action speaks to the user: the confirmation, the log lines and the one notification. */
import * as vscode from 'vscode';
import { log } from '../log';
import type { TaskOutcome } from '../tasks/adapter';
import type { Task } from '../tasks/model';
import { productInfo } from '../tasks/products';
import { errorText } from '../ui/errorText';
import { distinct } from '../util/collections';
import type { Selection, TaskAction } from './taskActions';

/** What a task action did; also the command's result, so tests can read it. */
export interface ActionReport {
  readonly action: string;
  readonly succeeded: string[];
  readonly failed: { key: string; message: string }[];
  readonly skipped: string[];
  /** The notification shown, if any: success alone is quiet. */
  readonly notification?: string;
}

/** What the products call these tasks ("job" for LXCA); a mixed selection is "tasks". */
export function taskNoun(tasks: readonly Task[], count = tasks.length): string {
  const products = distinct(tasks.map((task) => task.product));
  if (products.length !== 1) return count === 1 ? vscode.l10n.t('task') : vscode.l10n.t('tasks');
  const info = productInfo(products[0]);
  return count === 1 ? info.noun : info.nouns;
}

/** `job "Firmware update"` for one, `3 tasks` for more. */
export function countText(tasks: readonly Task[]): string {
  return tasks.length === 1 ? vscode.l10n.t('{0} "{1}"', taskNoun(tasks), tasks[0].title) : vscode.l10n.t('{0} {1}', tasks.length, taskNoun(tasks));
}

/** `"A", "B", "C" and 4 more`. */
export function nameList(names: readonly string[], shown = 5, separator = ', '): string {
  const listed = names.slice(0, shown).join(separator);
  return names.length > shown ? vscode.l10n.t('{0} and {1} more', listed, names.length - shown) : listed;
}

/** Names the skipped tasks with the status that rules the action out. */
function skippedText(skipped: readonly Task[], participle: string): string {
  return vscode.l10n.t('Skipped {0} {1} that cannot be {2}: {3}.', skipped.length, taskNoun(skipped), participle, nameList(skipped.map((task) => `"${task.title}" (${task.statusLabel})`), 3));
}

function needsConfirmation(action: TaskAction): boolean {
  if (action.confirm === 'always') return true;
  if (action.confirm === 'never') return false;
  return vscode.workspace.getConfiguration('opsTasks').get<boolean>('confirmCancel', true);
}

/** One modal for the whole selection, naming the tasks and the connections they run on. */
export async function confirmAction(action: TaskAction, { targets, skipped }: Selection): Promise<boolean> {
  if (!needsConfirmation(action)) return true;
  const tasks = targets.map((target) => target.task);
  const connections = distinct(targets.map((target) => target.connection.name));
  const message = vscode.l10n.t('{0} {1} on {2}?', action.title, countText(tasks), nameList(connections));
  const detail = [
    tasks.length > 1 ? nameList(tasks.map((task) => `"${task.title}"`)) : undefined,
    skipped.length ? skippedText(skipped, action.participle) : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const noun = taskNoun(tasks);
  const button = tasks.length === 1 ? vscode.l10n.t('{0} {1}', action.title, capitalise(noun)) : vscode.l10n.t('{0} {1} {2}', action.title, tasks.length, capitalise(noun));
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail: detail || undefined }, button);
  return answer === button;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function logOutcomes(action: TaskAction, outcomes: readonly TaskOutcome[]): void {
  for (const outcome of outcomes) {
    const { task } = outcome;
    const subject = `${action.title} ${task.connection} ${productInfo(task.product).noun} ${task.id} "${task.title}"`;
    if (outcome.ok) log().info(vscode.l10n.t('{0}: accepted', subject));
    else log().warn(vscode.l10n.t('{0}: failed: {1}', subject, errorText(outcome.error)));
  }
}

/** One notification at most: the failures with the server's words, and the tasks skipped. */
export function reportOutcomes(action: TaskAction, outcomes: readonly TaskOutcome[], skipped: readonly Task[]): ActionReport {
  const failures = outcomes.filter((outcome): outcome is Extract<TaskOutcome, { ok: false }> => !outcome.ok);
  const skippedPart = skipped.length ? skippedText(skipped, action.participle) : undefined;
  let notification: string | undefined;
  if (failures.length) {
    notification = [failureText(action, outcomes, failures), skippedPart].filter(Boolean).join(' ');
    void vscode.window.showErrorMessage(notification, vscode.l10n.t('Show Log')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('opsTasks.showLog');
    });
  } else if (skippedPart) {
    notification = outcomes.length ? skippedPart : vscode.l10n.t('Nothing to {0}. {1}', action.verb, skippedPart);
    void vscode.window.showInformationMessage(notification);
  }
  return {
    action: action.command,
    succeeded: outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.task.key),
    failed: failures.map((failure) => ({ key: failure.task.key, message: errorText(failure.error) })),
    skipped: skipped.map((task) => task.key),
    notification,
  };
}

function failureText(action: TaskAction, outcomes: readonly TaskOutcome[], failures: readonly Extract<TaskOutcome, { ok: false }>[]): string {
  const tasks = failures.map((failure) => failure.task);
  const severalConnections = distinct(outcomes.map((outcome) => outcome.task.connection)).length > 1;
  
  if (outcomes.length === 1) {
    const [{ task, error }] = failures;
    return vscode.l10n.t('Could not {0} {1} on {2}: {3}', action.verb, countText(tasks), task.connection, errorText(error));
  }
  const reasons = failures.map(({ task, error }) =>
    severalConnections
      ? vscode.l10n.t('"{0}" on {1}: {2}', task.title, task.connection, errorText(error))
      : vscode.l10n.t('"{0}": {1}', task.title, errorText(error)),
  );
  const all = outcomes.map((outcome) => outcome.task);
  return severalConnections
    ? vscode.l10n.t('Could not {0} {1} of {2} {3}: {4}', action.verb, failures.length, outcomes.length, taskNoun(all), nameList(reasons, 3, '; '))
    : vscode.l10n.t('Could not {0} {1} of {2} {3} on {4}: {5}', action.verb, failures.length, outcomes.length, taskNoun(all), tasks[0].connection, nameList(reasons, 3, '; '));
}

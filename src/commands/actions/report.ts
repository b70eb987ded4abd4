import * as vscode from 'vscode';
import { log } from '../../log';
import type { Task } from '../../tasks/model';
import { errorText } from '../../tree/errorNodes';
import type { TaskAction } from './definitions';
import type { TaskOutcome } from './outcome';
import { countText, distinct, nameList, skippedText, taskNoun } from './wording';

/** What a task action did; also the command's result, so tests can read it. */
export interface ActionReport {
  readonly action: string;
  readonly succeeded: string[];
  readonly failed: { key: string; message: string }[];
  readonly skipped: string[];
  /** The notification shown, if any: success alone is quiet. */
  readonly notification?: string;
}

export function logOutcomes(action: TaskAction, outcomes: readonly TaskOutcome[]): void {
  for (const outcome of outcomes) {
    const { task } = outcome;
    const subject = `${action.title} ${task.connection} ${task.product === 'lxca' ? 'job' : 'task'} ${task.id} "${task.title}"`;
    if (outcome.ok) log().info(`${subject}: accepted`);
    else log().warn(`${subject}: failed: ${errorText(outcome.error)}`);
  }
}

/** One notification at most: the failures with the server's words, and the tasks skipped. */
export function reportOutcomes(action: TaskAction, outcomes: readonly TaskOutcome[], skipped: readonly Task[]): ActionReport {
  const failures = outcomes.filter((outcome): outcome is Extract<TaskOutcome, { ok: false }> => !outcome.ok);
  const skippedPart = skipped.length ? skippedText(skipped, action.participle) : undefined;
  let notification: string | undefined;
  if (failures.length) {
    notification = [failureText(action, outcomes, failures), skippedPart].filter(Boolean).join(' ');
    void vscode.window.showErrorMessage(notification, 'Show Log').then((choice) => {
      if (choice) void vscode.commands.executeCommand('opsTasks.showLog');
    });
  } else if (skippedPart) {
    notification = outcomes.length ? skippedPart : `Nothing to ${action.verb}. ${skippedPart}`;
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
  const where = (task: Task) => (severalConnections ? ` on ${task.connection}` : '');
  if (outcomes.length === 1) {
    const [{ task, error }] = failures;
    return `Could not ${action.verb} ${countText(tasks)} on ${task.connection}: ${errorText(error)}`;
  }
  const reasons = failures.map(({ task, error }) => `"${task.title}"${where(task)}: ${errorText(error)}`);
  const all = outcomes.map((outcome) => outcome.task);
  return `Could not ${action.verb} ${failures.length} of ${outcomes.length} ${taskNoun(all)}${severalConnections ? '' : ` on ${tasks[0].connection}`}: ${nameList(reasons, 3, '; ')}`;
}

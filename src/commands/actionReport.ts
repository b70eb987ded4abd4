/** How a task action speaks to the user: the confirmation, the log lines and the one notification. */
import * as vscode from 'vscode';
import { log } from '../log';
import type { TaskOutcome } from '../tasks/adapter';
import type { Task } from '../tasks/model';
import { productInfo } from '../tasks/products';
import { errorLogText, errorText } from '../ui/errorText';
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
  const nouns = distinct(tasks.map((task) => productInfo(task.product).noun));
  const noun = nouns.length === 1 ? nouns[0] : 'task';
  return count === 1 ? noun : `${noun}s`;
}

/** `job "Firmware update"` for one, `3 tasks` for more. */
export function countText(tasks: readonly Task[]): string {
  return tasks.length === 1 ? `${taskNoun(tasks)} "${tasks[0].title}"` : `${tasks.length} ${taskNoun(tasks)}`;
}

/** `"A", "B", "C" and 4 more`. */
export function nameList(names: readonly string[], shown = 5, separator = ', '): string {
  const listed = names.slice(0, shown).join(separator);
  return names.length > shown ? `${listed} and ${names.length - shown} more` : listed;
}

/** Names the skipped tasks with the status that rules the action out. */
function skippedText(skipped: readonly Task[], participle: string): string {
  return `Skipped ${skipped.length} ${taskNoun(skipped)} that cannot be ${participle}: ${nameList(skipped.map((task) => `"${task.title}" (${task.statusLabel})`), 3)}.`;
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
  const message = `${action.title} ${countText(tasks)} on ${nameList(connections)}?`;
  const detail = [
    tasks.length > 1 ? nameList(tasks.map((task) => `"${task.title}"`)) : undefined,
    skipped.length ? skippedText(skipped, action.participle) : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const noun = taskNoun(tasks);
  const button = `${action.title} ${tasks.length === 1 ? capitalise(noun) : `${tasks.length} ${capitalise(noun)}`}`;
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
    if (outcome.ok) log().info(`${subject}: accepted`);
    else log().warn(`${subject}: failed: ${errorLogText(outcome.error)}`);
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

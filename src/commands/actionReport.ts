/** How a task action speaks to the user: the confirmation, the log lines and the one notification. */
import * as vscode from 'vscode';
import { settings } from '../connections/settings';
import { log } from '../log';
import type { Task } from '../tasks/model';
import { productInfo } from '../tasks/products';
import { relativeTime } from '../tasks/time';
import { errorText } from '../tasks/errorText';
import { distinct } from '../util/collections';
import type { Selection } from '../selection/taskSelection';
import type { TaskAction } from './taskAction';
import { displayText, quotedText } from '../util/displayText';

/** What a task action did; also the command's result, so tests can read it. */
export interface ActionReport {
  readonly action: string;
  readonly succeeded: string[];
  /** Left out: reading them again right before sending showed they had finished. */
  readonly alreadyFinished: string[];
  readonly failed: { key: string; message: string; mayHaveBeenCarriedOut: boolean }[];
  /** Never sent (an earlier request of the action got no answer, or the server could not be reached): may be tried again. */
  readonly notSent: string[];
  /** Accepted, but the server still did not show them where the action leads after the settle window. */
  readonly notTaken: { key: string; status: string; offersPlainCancel: boolean }[];
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
  return tasks.length === 1 ? vscode.l10n.t('{0} "{1}"', taskNoun(tasks), displayText(tasks[0].title)) : vscode.l10n.t('{0} {1}', tasks.length, taskNoun(tasks));
}

/** `"A", "B", "C" and 4 more`. */
export function nameList(names: readonly string[], shown = 5, separator = ', '): string {
  const listed = names.slice(0, shown).join(separator);
  return names.length > shown ? vscode.l10n.t('{0} and {1} more', listed, names.length - shown) : listed;
}

/** Names the skipped tasks with the status that rules the action out. */
function skippedText(skipped: readonly Task[], participle: string): string {
  return vscode.l10n.t('Skipped {0} {1} that cannot be {2}: {3}.', skipped.length, taskNoun(skipped), participle, nameList(skipped.map((task) => `${quotedText(task.title)} (${displayText(task.statusLabel)})`), 3));
}

function needsConfirmation(action: TaskAction): boolean {
  if (action.confirm === 'always') return true;
  if (action.confirm === 'never') return false;
  return settings.confirmCancel();
}

/** One modal for the whole selection, naming each task with its id and the connections they run on. */
export async function confirmAction(action: TaskAction, { targets, skipped }: Selection): Promise<boolean> {
  if (!needsConfirmation(action)) return true;
  const tasks = targets.map((target) => target.task);
  const connections = distinct(targets.map((target) => target.connection.name));
  const subject = tasks.length === 1 ? vscode.l10n.t('{0} (ID {1})', countText(tasks), tasks[0].id) : countText(tasks);
  const message = vscode.l10n.t('{0} {1} on {2}?', action.title, subject, nameList(connections));
  const detail = [
    tasks.length > 1 ? nameList(tasks.map((task) => vscode.l10n.t('{0} (ID {1})', quotedText(task.title), displayText(task.id)))) : undefined,
    skipped.length ? skippedText(skipped, action.participle) : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const noun = taskNoun(tasks);
  const button = tasks.length === 1 ? vscode.l10n.t('{0} {1}', action.title, capitalise(noun)) : vscode.l10n.t('{0} {1} {2}', action.title, tasks.length, capitalise(noun));
  // The dismiss button says what it leaves as it is, never a bare "Cancel" beside "Cancel Job".
  const dismiss: vscode.MessageItem = { title: dismissLabel(action), isCloseAffordance: true };
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail: detail || undefined }, { title: button }, dismiss);
  return answer?.title === button;
}

/** "Keep Running" for what stops work; "Don't Archive" for archiving. */
export function dismissLabel(action: Pick<TaskAction, 'operation'>): string {
  return action.operation === 'archive' ? vscode.l10n.t("Don't Archive") : vscode.l10n.t('Keep Running');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What an action did to one task: `done` (the server shows the task where the action leads; right
 * after the requests, accepted); `alreadyOver` (left out, since reading it again showed the
 * action no longer fits: it had finished); `failed` (the server refused, nothing happened);
 * `unknown` (no answer after sending: it may have been carried out, so it was not sent again);
 * `notSent` (the request never left: nothing happened, it may be tried again); `notTaken`
 * (accepted, yet after the settle window the server still shows the task as before); `gone` (the
 * server no longer has the task).
 */
export type ActionResult =
  | { readonly task: Task; readonly kind: 'done'; readonly plainCancelIfNotTaken?: boolean }
  | { readonly task: Task; readonly kind: 'alreadyOver' | 'gone' }
  | { readonly task: Task; readonly kind: 'notTaken'; readonly sentAt: number; readonly offersPlainCancel: boolean }
  | { readonly task: Task; readonly kind: 'failed' | 'unknown' | 'notSent'; readonly error: unknown };

export { mayHaveBeenCarriedOut } from '../tasks/errorText';

/** One task's result in a few words, for its node and the log. */
export function resultText(action: TaskAction, result: ActionResult): string {
  switch (result.kind) {
    case 'done':
      return vscode.l10n.t('{0}: {1}', action.title, result.task.statusLabel);
    case 'gone':
      return vscode.l10n.t('{0} sent — the server no longer has the {1}', action.title, productInfo(result.task.product).noun);
    case 'notTaken':
      return vscode.l10n.t('{0} sent {1} — the {2} is still {3}', action.title, relativeTime(result.sentAt), productInfo(result.task.product).noun, result.task.statusLabel);
    case 'notSent':
      return vscode.l10n.t('{0}: not sent, can be tried again: {1}', action.title, errorText(result.error));
    case 'alreadyOver':
      return vscode.l10n.t('{0}: not sent, it had already finished ({1})', action.title, displayText(result.task.statusLabel));
    case 'failed':
      return vscode.l10n.t('{0} failed: {1}', action.title, errorText(result.error));
    case 'unknown':
      return vscode.l10n.t('{0}: no answer, it may have been carried out (not sent again): {1}', action.title, errorText(result.error));
  }
}

export function logResults(action: TaskAction, results: readonly ActionResult[]): void {
  for (const result of results) {
    const { task } = result;
    const line = `${task.connection} ${productInfo(task.product).noun} ${displayText(task.id)} ${quotedText(task.title)}: ${resultText(action, result)}`;
    if (result.kind === 'failed' || result.kind === 'unknown' || result.kind === 'notSent' || result.kind === 'notTaken') log().warn(line);
    else log().info(line);
  }
}

/** "2 cancelled, 1 had already finished, 1 failed". */
function countsText(action: TaskAction, results: readonly ActionResult[]): string {
  const count = (kind: ActionResult['kind']) => results.filter((result) => result.kind === kind).length;
  const parts = [
    count('done') && vscode.l10n.t('{0} {1}', count('done'), action.participle),
    count('alreadyOver') && vscode.l10n.t('{0} had already finished', count('alreadyOver')),
    count('failed') && vscode.l10n.t('{0} failed', count('failed')),
    count('unknown') && vscode.l10n.t('{0} got no answer', count('unknown')),
    count('notSent') && vscode.l10n.t('{0} not sent', count('notSent')),
    count('notTaken') && vscode.l10n.t('{0} not taken yet', count('notTaken')),
    count('gone') && vscode.l10n.t('{0} no longer on the server', count('gone')),
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * One notification at most: the counts, then each task that was not done with its own message.
 * Success alone is quiet.
 */
export function reportResults(action: TaskAction, results: readonly ActionResult[], skipped: readonly Task[], plainCancel?: (keys: readonly string[]) => void): ActionReport {
  const notDone = results.filter((result) => result.kind !== 'done');
  const problems = results.filter((result): result is Extract<ActionResult, { error: unknown }> => result.kind === 'failed' || result.kind === 'unknown' || result.kind === 'notSent');
  const notTaken = results.filter((result): result is Extract<ActionResult, { kind: 'notTaken' }> => result.kind === 'notTaken');
  const offered = notTaken.filter((result) => result.offersPlainCancel).map((result) => result.task.key);
  const skippedPart = skipped.length ? skippedText(skipped, action.participle) : undefined;
  const severalConnections = distinct(results.map((result) => result.task.connection)).length > 1;
  let notification: string | undefined;
  if (notDone.length) {
    const connection = severalConnections || results.length === 0 ? undefined : results[0]!.task.connection;
    const oneProblem = results.length === 1 && problems.length === 1;
    const oneNotTaken = results.length === 1 && notTaken.length === 1;
    const heading = oneProblem
      ? vscode.l10n.t('Could not {0} {1} on {2}: {3}', action.verb, countText([problems[0]!.task]), results[0]!.task.connection, errorText(problems[0]!.error))
      : oneNotTaken
        ? vscode.l10n.t('{0} on {1}: {2}.', capitalise(countText([notTaken[0]!.task])), results[0]!.task.connection, resultText(action, notTaken[0]!))
      : connection === undefined
        ? vscode.l10n.t('{0}: {1}.', action.title, countsText(action, results))
        : vscode.l10n.t('{0} on {1}: {2}.', action.title, connection, countsText(action, results));
    const perTask = oneProblem || oneNotTaken ? [] : notDone.map((result) => taskResultText(action, result, severalConnections));
    notification = [heading, nameList(perTask, 5, '; '), skippedPart].filter(Boolean).join(' ');
    const show = problems.length ? vscode.window.showErrorMessage : notTaken.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const showLog = vscode.l10n.t('Show Log');
    const plain = vscode.l10n.t('Cancel with Plain Request');
    const buttons = offered.length && plainCancel ? [plain, showLog] : [showLog];
    void show(notification, ...buttons).then((choice) => {
      if (choice === plain) plainCancel?.(offered);
      else if (choice) void vscode.commands.executeCommand('opsTasks.showLog');
    });
  } else if (skippedPart) {
    notification = results.length ? skippedPart : vscode.l10n.t('Nothing to {0}. {1}', action.verb, skippedPart);
    void vscode.window.showInformationMessage(notification);
  }
  return {
    action: action.command,
    succeeded: results.filter((result) => result.kind === 'done').map((result) => result.task.key),
    alreadyFinished: results.filter((result) => result.kind === 'alreadyOver').map((result) => result.task.key),
    failed: problems.filter((result) => result.kind !== 'notSent').map((result) => ({ key: result.task.key, message: errorText(result.error), mayHaveBeenCarriedOut: result.kind === 'unknown' })),
    notSent: problems.filter((result) => result.kind === 'notSent').map((result) => result.task.key),
    notTaken: notTaken.map((result) => ({ key: result.task.key, status: result.task.statusLabel, offersPlainCancel: result.offersPlainCancel })),
    skipped: skipped.map((task) => task.key),
    notification,
  };
}

function taskResultText(action: TaskAction, result: ActionResult, severalConnections: boolean): string {
  const { task } = result;
  return severalConnections
    ? vscode.l10n.t('"{0}" on {1}: {2}', displayText(task.title), task.connection, resultText(action, result))
    : vscode.l10n.t('"{0}": {1}', displayText(task.title), resultText(action, result));
}

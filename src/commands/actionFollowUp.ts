// What follows a request the server accepted: watching for the outcome, then the rows, the Activity entries and the notices.
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import { recordActivity, updateActivity, type ActivityEntry } from '../activity/record';
import { isUnfinished, type Task } from '../tasks/model';
import type { ObservedOutcome } from '../tasks/outcome';
import type { TaskTreeProvider } from '../tree/provider';
import { reportResults, resultText, type ActionResult } from './actionReport';
import { sentLabel, WaitingNotice, watchOutcome } from './actionOutcome';
import type { CommandContext } from './commandContext';
import type { TaskAction } from './taskAction';

export interface ActionServices {
  registry: ConnectionRegistry;
  provider: TaskTreeProvider;
  disposed(): boolean;
}

/** The waiting notification, if shown, ends with what the server shows when every task got there. */
export function closeNotice(notice: WaitingNotice, results: readonly ActionResult[]): void {
  const done = results.filter((result) => result.kind === 'done');
  notice.close(done.length === results.length && done.length ? nameStates(done.map((result) => result.task)) : undefined);
}

/** What the server shows is in the status; anything else says so on the task's own row (a warning while it still runs). */
export function showResults(services: ActionServices, action: TaskAction, results: readonly ActionResult[]): void {
  for (const result of results) {
    if (result.kind === 'notTaken') {
      const warning = { whileStatus: result.task.status, offersPlainCancel: result.offersPlainCancel };
      services.provider.setActionResult(result.task.key, resultText(action, result), 30_000, warning);
    } else services.provider.setActionResult(result.task.key, resultText(action, result), result.kind === 'done' ? 0 : 30_000);
  }
}

/** `"A": Cancelled` for the notice's last words. */
function nameStates(tasks: readonly Task[]): string {
  return tasks.slice(0, 3).map((task) => vscode.l10n.t('"{0}": {1}', task.title, task.statusLabel)).join(', ') + (tasks.length > 3 ? ' …' : '');
}

/** Cancel with Plain Request for these tasks, from a notification's button. */
export function offerPlainCancel(services: ActionServices, keys: readonly string[]): void {
  const nodes = keys.flatMap((key) => services.provider.nodeFor(key) ?? []);
  if (nodes.length) void vscode.commands.executeCommand('opsTasks.lxca.cancelPlain', nodes[0], nodes);
}

/**
 * From the server's acceptance to what it shows: "Cancel sent…" on the rows, then each task's
 * result once the server shows it where the action leads or the settle window passes. The
 * Activity view gets the result; when the first read does not show it yet, a pending entry at
 * once, updated in place later.
 */
export async function followAccepted(
  services: ActionServices,
  connection: Connection,
  accepted: readonly Extract<ActionResult, { kind: 'done' }>[],
  action: TaskAction,
  notice: WaitingNotice,
  sentAt: number,
): Promise<ActionResult[]> {
  const keys = accepted.map((result) => result.task.key);
  services.provider.setBusy(keys, sentLabel(action.title));
  const kind = action.activityKind ?? action.operation;
  const entries = new Map<string, ActivityEntry>();
  const recordPending = (result: ActionResult) => {
    if (!entries.has(result.task.key)) entries.set(result.task.key, recordActivity(kind, result.task, { pending: true }));
  };
  try {
    if (action.removesTask) await services.registry.refresh(connection).catch(() => undefined);
    const observed = await watchOutcome({
      connection,
      tasks: accepted.map((result) => result.task),
      reached: action.settled,
      removes: action.removesTask === true,
      stillWatched: () => !services.disposed() && services.registry.get(connection.name) === connection,
      onWaiting: () => {
        accepted.forEach(recordPending);
        notice.show();
      },
    });
    const outcomes = new Map(observed.map((outcome) => [outcome.kind === 'gone' ? outcome.key : outcome.task.key, outcome]));
    return accepted.map((result) => {
      const final = outcomeResult(action, result, outcomes.get(result.task.key), sentAt);
      if (final.kind === 'done' && !entries.has(result.task.key)) recordActivity(kind, result.task, { ok: true });
      else {
        recordPending(result);
        updateEntry(entries.get(result.task.key)!, action, final);
      }
      return final;
    });
  } finally {
    services.provider.setBusy(keys, undefined);
  }
}

/**
 * Cancel with Callback…: a callback LXCA accepted for these jobs is followed like a cancel, since
 * it may only register how the job is to be cancelled: the rows, the Activity entries and, when a
 * job keeps running, a warning offering Cancel with Plain Request.
 */
export async function followCallbackCancel(context: Pick<CommandContext, 'registry' | 'provider'>, connectionName: string, jobs: readonly Task[]): Promise<void> {
  const connection = context.registry.get(connectionName);
  if (!connection) return;
  const services: ActionServices = { registry: context.registry, provider: context.provider, disposed: () => false };
  const notice = new WaitingNotice(sentLabel(callbackCancel.title));
  const accepted = jobs.map((task) => ({ task, kind: 'done' as const, plainCancelIfNotTaken: true }));
  const results = await followAccepted(services, connection, accepted, callbackCancel, notice, Date.now());
  closeNotice(notice, results);
  showResults(services, callbackCancel, results);
  if (results.some((result) => result.kind !== 'done')) reportResults(callbackCancel, results, [], (keys) => offerPlainCancel(services, keys));
}

/** The callback form's sends, followed as a cancel (not a command of its own). */
const callbackCancel: TaskAction = {
  command: 'opsTasks.lxca.cancelWithCallback',
  operation: 'cancel',
  get title() { return vscode.l10n.t('Cancel with Callback'); },
  get busyLabel() { return vscode.l10n.t('Cancelling…'); },
  get verb() { return vscode.l10n.t('cancel'); },
  get participle() { return vscode.l10n.t('cancelled'); },
  confirm: 'never',
  settled: (task) => !isUnfinished(task),
  activityKind: 'cancelCallback',
};

/** An accepted request's result once the server was watched: done only when it shows so. */
function outcomeResult(action: TaskAction, accepted: Extract<ActionResult, { kind: 'done' }>, observed: ObservedOutcome | undefined, sentAt: number): ActionResult {
  if (!observed) return accepted;
  if (observed.kind === 'gone') return action.removesTask ? accepted : { task: accepted.task, kind: 'gone' };
  if (observed.kind === 'reached') return { task: observed.task, kind: 'done' };
  return { task: observed.task, kind: 'notTaken', sentAt, offersPlainCancel: accepted.plainCancelIfNotTaken === true };
}

function updateEntry(entry: ActivityEntry, action: TaskAction, result: ActionResult): void {
  if (result.kind === 'done') updateActivity(entry, { result: 'done', message: result.task.statusLabel });
  else if (result.kind === 'notTaken') updateActivity(entry, { result: 'notTaken', message: resultText(action, result), offersPlainCancel: result.offersPlainCancel });
  else if (result.kind === 'gone') updateActivity(entry, { result: 'done', message: resultText(action, result) });
}

/**
 * Cancel, stop, force stop, retry and archive from the tree or the palette: the actions, and the
 * flow every one of them follows (select → confirm → call per connection → read back → report).
 */
import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import { settings } from '../connections/settings';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import { recordActivity } from '../activity/record';
import { isActivityEntry } from '../activity/activityLog';
import { log } from '../log';
import { failedOutcomes, type TaskOutcome } from '../tasks/adapter';
import { isUnfinished, taskKey, type Task } from '../tasks/model';
import { errorLogText, errorText, wasNotSent } from '../tasks/errorText';
import { groupBy } from '../util/collections';
import { confirmAction, logResults, mayHaveBeenCarriedOut, reportResults, type ActionReport, type ActionResult } from './actionReport';
import { closeNotice, followAccepted, offerPlainCancel, showResults, type ActionServices } from './actionFollowUp';
import { sentLabel, WaitingNotice } from './actionOutcome';
import type { CommandContext } from './commandContext';
import type { TaskAction } from './taskAction';
import { selectionFromPick, selectionFromTree, type Selection } from '../selection/taskSelection';
import { withinOneDeadline } from '../connections/adapterFactory';


const finished = (task: Task) => !isUnfinished(task);
const noLongerFailed = (task: Task) => task.category !== 'failed';

/** Texts are getters so that they read in the display language when shown. */
export const taskActions: readonly TaskAction[] = [
  { command: 'opsTasks.cancel', operation: 'cancel', get title() { return vscode.l10n.t('Cancel'); }, get busyLabel() { return vscode.l10n.t('Cancelling…'); }, get verb() { return vscode.l10n.t('cancel'); }, get participle() { return vscode.l10n.t('cancelled'); }, confirm: 'setting', settled: finished },
  { command: 'opsTasks.stop', operation: 'stop', get title() { return vscode.l10n.t('Stop'); }, get busyLabel() { return vscode.l10n.t('Stopping…'); }, get verb() { return vscode.l10n.t('stop'); }, get participle() { return vscode.l10n.t('stopped'); }, confirm: 'setting', settled: finished },
  { command: 'opsTasks.forceStop', operation: 'forceStop', get title() { return vscode.l10n.t('Force Stop'); }, get busyLabel() { return vscode.l10n.t('Force stopping…'); }, get verb() { return vscode.l10n.t('force stop'); }, get participle() { return vscode.l10n.t('force stopped'); }, confirm: 'always', settled: finished },
  { command: 'opsTasks.retry', operation: 'retry', get title() { return vscode.l10n.t('Retry'); }, get busyLabel() { return vscode.l10n.t('Retrying…'); }, get verb() { return vscode.l10n.t('retry'); }, get participle() { return vscode.l10n.t('retried'); }, confirm: 'never', settled: noLongerFailed },
  { command: 'opsTasks.retryNext', operation: 'retryNext', get title() { return vscode.l10n.t('Retry from the Next Step'); }, get busyLabel() { return vscode.l10n.t('Retrying from the next step…'); }, get verb() { return vscode.l10n.t('retry'); }, get participle() { return vscode.l10n.t('retried'); }, confirm: 'never', settled: noLongerFailed },
  { command: 'opsTasks.lxca.cancelPlain', operation: 'cancel', get title() { return vscode.l10n.t('Cancel with Plain Request'); }, get busyLabel() { return vscode.l10n.t('Cancelling…'); }, get verb() { return vscode.l10n.t('cancel'); }, get participle() { return vscode.l10n.t('cancelled'); }, confirm: 'setting', settled: finished, cancelRequest: 'plain', activityKind: 'plainCancel', only: (task) => task.product === 'lxca' },
  { command: 'opsTasks.archive', operation: 'archive', get title() { return vscode.l10n.t('Archive'); }, get busyLabel() { return vscode.l10n.t('Archiving…'); }, get verb() { return vscode.l10n.t('archive'); }, get participle() { return vscode.l10n.t('archived'); }, confirm: 'setting', removesTask: true, settled: () => true },
];

export function registerTaskActions(context: CommandContext): vscode.Disposable[] {
  let disposed = false;
  const services: ActionServices = { registry: context.registry, provider: context.provider, disposed: () => disposed };
  // An Activity entry stands for its task's row (Cancel with Plain Request from the Activity view).
  const nodeOf = (node: unknown) => (isActivityEntry(node) ? context.provider.nodeFor(taskKey(node.connection, node.taskId)) ?? null : node);
  return [
    { dispose: () => (disposed = true) },
    ...taskActions.map((action) =>
      registerCommand(action.command, (node?: unknown, selected?: unknown) => {
        const clicked = nodeOf(node);
        if (clicked === null) return vscode.window.showInformationMessage(vscode.l10n.t('The task is not in the tree now; refresh and try again.'));
        return runTaskAction(services, action, clicked, isActivityEntry(node) ? undefined : selected);
      }),
    ),
  ];
}

/**
 * A task action from the tree (`node`, `selectedNodes`) or the palette (no node: pick tasks).
 * Resolves with what happened once the calls are answered and the tasks re-read; undefined when
 * the user backed out.
 */
async function runTaskAction(services: ActionServices, action: TaskAction, node?: unknown, selected?: unknown): Promise<ActionReport | undefined> {
  const isBusy = (key: string) => services.provider.isBusy(key);
  const fits = (task: Task) => task.operations.includes(action.operation) && (action.only?.(task) ?? true) && !isBusy(task.key);
  const selection: Selection | undefined =
    node === undefined ? await selectionFromPick(services.registry, action, fits) : selectionFromTree(node, selected, fits);
  if (!selection) return undefined;
  if (selection.targets.length && !(await confirmAction(action, selection))) return undefined;

  const byConnection = groupBy(selection.targets, (target) => target.connection);
  const notice = new WaitingNotice(sentLabel(action.title));
  const perConnection = await Promise.all(
    [...byConnection].map(([connection, targets]) => actOnConnection(services, connection, targets.map((target) => target.task), action, notice)),
  );
  const results = perConnection.flat();
  logResults(action, results);
  closeNotice(notice, results);
  showResults(services, action, results);
  return reportResults(action, results, selection.skipped, (keys) => offerPlainCancel(services, keys));
}

/**
 * Busy label while the calls run; then, for each request the server accepted, "Cancel sent…"
 * until the server shows the task where the action leads or the settle window passes. The
 * Activity view gets one entry per task at once, updated in place when the outcome is known.
 */
async function actOnConnection(services: ActionServices, connection: Connection, tasks: Task[], action: TaskAction, notice: WaitingNotice): Promise<ActionResult[]> {
  const keys = tasks.map((task) => task.key);
  services.provider.setBusy(keys, action.busyLabel);
  try {
    const sentAt = Date.now();
    // One overall deadline for the reads and the sends, re-logins and retries included; the
    // outcome is then watched for as long as actionSettleSeconds says.
    const answered = await withinOneDeadline(() => performPerTask(connection, tasks, action));
    const notAccepted = answered.filter((result) => result.kind !== 'done');
    services.provider.setBusy(notAccepted.map((result) => result.task.key), undefined);
    for (const result of notAccepted) {
      if (result.kind === 'failed' || result.kind === 'unknown' || result.kind === 'notSent') recordActivity(action.activityKind ?? action.operation, result.task, { ok: false, error: result.error });
    }
    const accepted = answered.filter((result): result is Extract<ActionResult, { kind: 'done' }> => result.kind === 'done');
    const following = followAccepted(services, connection, accepted, action, notice, sentAt);
    if (!action.removesTask) await withinOneDeadline(() => readBack(services.registry, connection, notAccepted.map((result) => result.task)));
    const outcomes = new Map((await following).map((result) => [result.task.key, result]));
    return answered.map((result) => outcomes.get(result.task.key) ?? result);
  } finally {
    services.provider.setBusy(keys, undefined);
  }
}

/** The new state of tasks not accepted (finished meanwhile, refused…); when reading them fails (a task is gone, say) the whole connection reloads. */
async function readBack(registry: ConnectionRegistry, connection: Connection, tasks: readonly Task[]): Promise<void> {
  if (tasks.length === 0) return;
  try {
    await connection.reread(tasks);
  } catch (error) {
    log().info(`${connection.name}: reloading after an action, since reading its tasks failed: ${errorLogText(error)}`);
    await registry.refresh(connection);
  }
}

/**
 * Each task's result. The tasks are read again right before sending: those the action no longer
 * fits (they finished meanwhile) are left out. When the server refuses a request made for several
 * tasks at once, the tasks are read again and those the action still fits are sent one by one. A
 * request that may have been carried out (no answer, a dropped connection) is never sent again.
 */
async function performPerTask(connection: Connection, tasks: readonly Task[], action: TaskAction): Promise<ActionResult[]> {
  const fresh = await freshStates(connection, tasks);
  const leftOut = fresh.filter((task) => !task.operations.includes(action.operation));
  const first = await perform(connection, fresh.filter((task) => task.operations.includes(action.operation)), action);
  const refusedGroups = first.filter((outcome) => !outcome.ok && sharedRefusal(outcome, first));
  const results: ActionResult[] = [...leftOut.map(alreadyOver), ...first.filter((outcome) => !refusedGroups.includes(outcome)).map(resultOf)];
  if (refusedGroups.length) {
    const again = await freshStates(connection, refusedGroups.map((outcome) => outcome.task));
    for (const task of again) {
      if (!task.operations.includes(action.operation)) {
        results.push(alreadyOver(task));
        continue;
      }
      const [outcome] = await perform(connection, [task], action);
      results.push(resultOf(outcome!));
    }
  }
  const order = new Map(tasks.map((task, index) => [task.key, index]));
  return results.sort((a, b) => (order.get(a.task.key) ?? 0) - (order.get(b.task.key) ?? 0));
}

/** The tasks as the server has them now; as they were when reading fails (the action's own call then tells). */
async function freshStates(connection: Connection, tasks: readonly Task[]): Promise<Task[]> {
  try {
    const read = new Map((await connection.adapter().read(tasks.map((task) => task.id))).map((task) => [task.key, task]));
    return tasks.map((task) => read.get(task.key) ?? task);
  } catch (error) {
    log().info(`${connection.name}: could not read the tasks again before the action: ${errorText(error)}`);
    return [...tasks];
  }
}

/** A refusal the server answered for this task together with others: one request for the group. */
function sharedRefusal(outcome: Extract<TaskOutcome, { ok: false }>, all: readonly TaskOutcome[]): boolean {
  const group = all.filter((other) => !other.ok && other.error === outcome.error);
  return group.length > 1 && !mayHaveBeenCarriedOut(outcome.error) && !wasNotSent(outcome.error);
}

function alreadyOver(task: Task): ActionResult {
  return { task, kind: 'alreadyOver' };
}

function resultOf(outcome: TaskOutcome): ActionResult {
  if (outcome.ok) return { task: outcome.task, kind: 'done', plainCancelIfNotTaken: outcome.plainCancelIfNotTaken };
  const kind = wasNotSent(outcome.error) ? 'notSent' : mayHaveBeenCarriedOut(outcome.error) ? 'unknown' : 'failed';
  return { task: outcome.task, kind, error: outcome.error };
}

/** Runs the action on one connection's tasks and reports each task's outcome; never throws. */
async function perform(connection: Connection, tasks: readonly Task[], action: TaskAction): Promise<TaskOutcome[]> {
  if (tasks.length === 0) return [];
  try {
    const cancelExpirationSeconds = settings.lxcaCancelExpirationSeconds();
    const cancelRequest = action.cancelRequest ?? settings.lxcaCancelRequest();
    return await connection.adapter().perform({ operation: action.operation, participle: action.participle, cancelExpirationSeconds, cancelRequest }, tasks);
  } catch (error) {
    return failedOutcomes(tasks, error);
  }
}

/**
 * Cancel, stop, force stop, retry and archive from the tree or the palette: the actions, and the
 * flow every one of them follows (select → confirm → call per connection → read back → report).
 */
import * as vscode from 'vscode';
import { registerCommand } from '../registerCommand';
import { settings } from '../connections/settings';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import { recordActivity, updateActivity, type ActivityEntry } from '../activity/record';
import { isActivityEntry } from '../activity/activityLog';
import { log } from '../log';
import { failedOutcomes, type TaskOutcome } from '../tasks/adapter';
import { isUnfinished, taskKey, type Task } from '../tasks/model';
import type { ObservedOutcome } from '../tasks/outcome';
import type { TaskTreeProvider } from '../tree/provider';
import { errorLogText, errorText, wasNotSent } from '../tasks/errorText';
import { groupBy } from '../util/collections';
import { confirmAction, logResults, mayHaveBeenCarriedOut, reportResults, resultText, type ActionReport, type ActionResult } from './actionReport';
import { sentLabel, WaitingNotice, watchOutcome } from './actionOutcome';
import type { CommandContext } from './commandContext';
import type { TaskAction } from './taskAction';
import { selectionFromPick, selectionFromTree, type Selection } from '../selection/taskSelection';
import { withinOneDeadline } from '../connections/adapterFactory';

export type { Selection } from '../selection/taskSelection';

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

interface ActionServices {
  registry: ConnectionRegistry;
  provider: TaskTreeProvider;
  disposed(): boolean;
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

/** The waiting notification, if shown, ends with what the server shows when every task got there. */
function closeNotice(notice: WaitingNotice, results: readonly ActionResult[]): void {
  const done = results.filter((result) => result.kind === 'done');
  notice.close(done.length === results.length && done.length ? nameStates(done.map((result) => result.task)) : undefined);
}

/** What the server shows is in the status; anything else says so on the task's own row (a warning while it still runs). */
function showResults(services: ActionServices, action: TaskAction, results: readonly ActionResult[]): void {
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
function offerPlainCancel(services: ActionServices, keys: readonly string[]): void {
  const nodes = keys.flatMap((key) => services.provider.nodeFor(key) ?? []);
  if (nodes.length) void vscode.commands.executeCommand('opsTasks.lxca.cancelPlain', nodes[0], nodes);
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

/**
 * From the server's acceptance to what it shows: "Cancel sent…" on the rows, then each task's
 * result once the server shows it where the action leads or the settle window passes. The
 * Activity view gets the result; when the first read does not show it yet, a pending entry at
 * once, updated in place later.
 */
async function followAccepted(
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
  settled: finished,
  activityKind: 'cancelCallback',
};

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

/**
 * Cancel, stop, force stop, retry and archive from the tree or the palette: the actions, and the
 * flow every one of them follows (select → confirm → call per connection → read back → report).
 */
import * as vscode from 'vscode';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import { recordOutcomes, type ActivityOutcome } from '../activity/record';
import { log } from '../log';
import { failedOutcomes, type ActionOperation, type TaskOutcome } from '../tasks/adapter';
import { isUnfinished, type Task } from '../tasks/model';
import type { TaskTreeProvider } from '../tree/provider';
import { errorLogText, errorText } from '../ui/errorText';
import { groupBy } from '../util/collections';
import { confirmAction, logResults, mayHaveBeenCarriedOut, reportResults, resultText, type ActionReport, type ActionResult } from './actionReport';
import type { CommandContext } from './register';
import { selectionFromPick, selectionFromTree, type Selection } from './taskSelection';
import { withinOneDeadline } from '../connections/adapterFactory';

export type { Selection } from './taskSelection';

/**
 * When an action asks first. `setting` follows `opsTasks.confirmCancel`.
 * Archive asks under that setting too: it takes the task out of the list and the extension cannot
 * bring it back. Retry never asks: it resumes work the user started, loses nothing, and a retry
 * started by mistake can be stopped.
 */
export type Confirmation = 'always' | 'setting' | 'never';

export interface TaskAction {
  readonly command: string;
  readonly operation: ActionOperation;
  /** As in the menus: "Force Stop". */
  readonly title: string;
  /** Shown on the node while the call runs. */
  readonly busyLabel: string;
  /** Completes "Could not … it" and "cannot be …": "force stop" / "force stopped". */
  readonly verb: string;
  readonly participle: string;
  readonly confirm: Confirmation;
  /** The task leaves the list, so the whole connection is reloaded instead of the task. */
  readonly removesTask?: boolean;
  /** The task reached where the action leads, so polling it quickly can stop. */
  settled(task: Task): boolean;
}

const finished = (task: Task) => !isUnfinished(task);
const noLongerFailed = (task: Task) => task.category !== 'failed';

/** Texts are getters so that they read in the display language when shown. */
export const taskActions: readonly TaskAction[] = [
  { command: 'opsTasks.cancel', operation: 'cancel', get title() { return vscode.l10n.t('Cancel'); }, get busyLabel() { return vscode.l10n.t('Cancelling…'); }, get verb() { return vscode.l10n.t('cancel'); }, get participle() { return vscode.l10n.t('cancelled'); }, confirm: 'setting', settled: finished },
  { command: 'opsTasks.stop', operation: 'stop', get title() { return vscode.l10n.t('Stop'); }, get busyLabel() { return vscode.l10n.t('Stopping…'); }, get verb() { return vscode.l10n.t('stop'); }, get participle() { return vscode.l10n.t('stopped'); }, confirm: 'setting', settled: finished },
  { command: 'opsTasks.forceStop', operation: 'forceStop', get title() { return vscode.l10n.t('Force Stop'); }, get busyLabel() { return vscode.l10n.t('Force stopping…'); }, get verb() { return vscode.l10n.t('force stop'); }, get participle() { return vscode.l10n.t('force stopped'); }, confirm: 'always', settled: finished },
  { command: 'opsTasks.retry', operation: 'retry', get title() { return vscode.l10n.t('Retry'); }, get busyLabel() { return vscode.l10n.t('Retrying…'); }, get verb() { return vscode.l10n.t('retry'); }, get participle() { return vscode.l10n.t('retried'); }, confirm: 'never', settled: noLongerFailed },
  { command: 'opsTasks.retryNext', operation: 'retryNext', get title() { return vscode.l10n.t('Retry from the Next Step'); }, get busyLabel() { return vscode.l10n.t('Retrying from the next step…'); }, get verb() { return vscode.l10n.t('retry'); }, get participle() { return vscode.l10n.t('retried'); }, confirm: 'never', settled: noLongerFailed },
  { command: 'opsTasks.archive', operation: 'archive', get title() { return vscode.l10n.t('Archive'); }, get busyLabel() { return vscode.l10n.t('Archiving…'); }, get verb() { return vscode.l10n.t('archive'); }, get participle() { return vscode.l10n.t('archived'); }, confirm: 'setting', removesTask: true, settled: () => true },
];

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

interface ActionServices {
  registry: ConnectionRegistry;
  provider: TaskTreeProvider;
  settle: SettlePolling;
}

/**
 * A task action from the tree (`node`, `selectedNodes`) or the palette (no node: pick tasks).
 * Resolves with what happened once the calls are answered and the tasks re-read; undefined when
 * the user backed out.
 */
async function runTaskAction(services: ActionServices, action: TaskAction, node?: unknown, selected?: unknown): Promise<ActionReport | undefined> {
  const isBusy = (key: string) => services.provider.isBusy(key);
  const fits = (task: Task) => task.operations.includes(action.operation) && !isBusy(task.key);
  const selection: Selection | undefined =
    node === undefined ? await selectionFromPick(services.registry, action, fits) : selectionFromTree(node, selected, fits);
  if (!selection) return undefined;
  if (selection.targets.length && !(await confirmAction(action, selection))) return undefined;

  const byConnection = groupBy(selection.targets, (target) => target.connection);
  const perConnection = await Promise.all(
    [...byConnection].map(([connection, targets]) => actOnConnection(services, connection, targets.map((target) => target.task), action)),
  );
  const results = perConnection.flat();
  logResults(action, results);
  recordOutcomes(action.operation, results.flatMap(activityOutcome));
  // What went as asked shows in the status; the rest says so on the task's own row.
  for (const result of results) {
    if (result.kind !== 'done') services.provider.setActionResult(result.task.key, resultText(action, result));
  }
  return reportResults(action, results, selection.skipped);
}

/** Busy label while the calls run, then the tasks' new state read back, then quick polling. */
async function actOnConnection(services: ActionServices, connection: Connection, tasks: Task[], action: TaskAction): Promise<ActionResult[]> {
  const keys = tasks.map((task) => task.key);
  services.provider.setBusy(keys, action.busyLabel);
  try {
    // One overall deadline for the reads, the sends and the read-back, re-logins and retries included.
    const results = await withinOneDeadline(async () => {
      const performed = await performPerTask(connection, tasks, action);
      if (action.removesTask) await services.registry.refresh(connection);
      else await readBack(services.registry, connection, tasks);
      return performed;
    });
    const accepted = results.filter((result) => result.kind === 'done').map((result) => result.task);
    if (!action.removesTask && accepted.length) services.settle.watch(connection, accepted, action);
    return results;
  } finally {
    services.provider.setBusy(keys, undefined);
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
  return group.length > 1 && !mayHaveBeenCarriedOut(outcome.error);
}

function alreadyOver(task: Task): ActionResult {
  return { task, kind: 'alreadyOver' };
}

function resultOf(outcome: TaskOutcome): ActionResult {
  if (outcome.ok) return { task: outcome.task, kind: 'done' };
  return { task: outcome.task, kind: mayHaveBeenCarriedOut(outcome.error) ? 'unknown' : 'failed', error: outcome.error };
}

/** Runs the action on one connection's tasks and reports each task's outcome; never throws. */
async function perform(connection: Connection, tasks: readonly Task[], action: TaskAction): Promise<TaskOutcome[]> {
  if (tasks.length === 0) return [];
  try {
    const cancelExpirationSeconds = vscode.workspace.getConfiguration('opsTasks').get<number>('lxca.cancelExpirationSeconds', 60);
    return await connection.adapter().perform({ operation: action.operation, participle: action.participle, cancelExpirationSeconds }, tasks);
  } catch (error) {
    return failedOutcomes(tasks, error);
  }
}

/** The tasks' new state in the tree; when reading them fails (a task is gone, say) the whole connection reloads. */
async function readBack(registry: ConnectionRegistry, connection: Connection, tasks: readonly Task[]): Promise<void> {
  try {
    await connection.reread(tasks);
  } catch (error) {
    log().info(`${connection.name}: reloading after an action, since reading its tasks failed: ${errorLogText(error)}`);
    await registry.refresh(connection);
  }
}

/** Gaps between the quick reads after an action, until its tasks reach where it leads. */
const settleDelaysMs = [1000, 2000, 4000, 8000];

/** Polls the tasks an action changed a few times, quickly, then leaves them to the normal polling. */
class SettlePolling implements vscode.Disposable {
  private readonly timers = new Set<NodeJS.Timeout>();
  private disposed = false;

  constructor(private readonly registry: ConnectionRegistry) {}

  watch(connection: Connection, tasks: readonly Task[], action: TaskAction): void {
    this.next(connection, tasks.map((task) => task.key), action, 0);
  }

  private next(connection: Connection, keys: readonly string[], action: TaskAction, attempt: number): void {
    const unsettled = keys.flatMap((key) => connection.store.find(key) ?? []).filter((task) => !action.settled(task));
    const replaced = this.registry.get(connection.name) !== connection;
    if (this.disposed || unsettled.length === 0 || replaced || attempt >= settleDelaysMs.length) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void readBack(this.registry, connection, unsettled).then(() =>
        this.next(connection, unsettled.map((task) => task.key), action, attempt + 1),
      );
    }, settleDelaysMs[attempt]);
    this.timers.add(timer);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** What the Activity view records of a task's result; a task left out because it had finished is not an action. */
function activityOutcome(result: ActionResult): (ActivityOutcome & { task: Task })[] {
  const { task } = result;
  switch (result.kind) {
    case 'alreadyOver':
      return [];
    case 'done':
      return [{ task, ok: true }];
    default:
      return [{ task, ok: false, error: result.error }];
  }
}

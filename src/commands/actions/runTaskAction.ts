import type { Connection } from '../../connections/connection';
import type { ConnectionRegistry } from '../../connections/registry';
import type { Task } from '../../tasks/model';
import type { TaskTreeProvider } from '../../tree/provider';
import { confirmAction } from './confirm';
import type { TaskAction } from './definitions';
import type { TaskOutcome } from './outcome';
import { performOnConnection } from './perform';
import { refreshTasks } from './refresh';
import { logOutcomes, reportOutcomes, type ActionReport } from './report';
import type { SettlePolling } from './settle';
import { groupBy } from './grouping';
import { selectionFromPick, selectionFromTree, type Selection } from './targets';

export interface ActionServices {
  registry: ConnectionRegistry;
  provider: TaskTreeProvider;
  settle: SettlePolling;
}

/**
 * A task action from the tree (`node`, `selectedNodes`) or the palette (no node: pick tasks).
 * Resolves with what happened once the calls are answered and the tasks re-read; undefined when
 * the user backed out.
 */
export async function runTaskAction(services: ActionServices, action: TaskAction, node?: unknown, selected?: unknown): Promise<ActionReport | undefined> {
  const isBusy = (key: string) => services.provider.isBusy(key);
  const selection: Selection | undefined =
    node === undefined ? await selectionFromPick(services.registry, action, isBusy) : selectionFromTree(node, selected, action, isBusy);
  if (!selection) return undefined;
  if (selection.targets.length && !(await confirmAction(action, selection))) return undefined;

  const byConnection = groupBy(selection.targets, (target) => target.connection);
  const perConnection = await Promise.all(
    [...byConnection].map(([connection, targets]) => actOnConnection(services, connection, targets.map((target) => target.task), action)),
  );
  const outcomes = perConnection.flat();
  logOutcomes(action, outcomes);
  return reportOutcomes(action, outcomes, selection.skipped);
}

/** Busy label while the call runs, then the tasks' new state read back, then quick polling. */
async function actOnConnection(services: ActionServices, connection: Connection, tasks: Task[], action: TaskAction): Promise<TaskOutcome[]> {
  const keys = tasks.map((task) => task.key);
  services.provider.setBusy(keys, action.busyLabel);
  try {
    const outcomes = await performOnConnection(connection, tasks, action);
    if (action.removesTask) await services.registry.refresh(connection);
    else await refreshTasks(services.registry, connection, tasks);
    const accepted = outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.task);
    if (!action.removesTask && accepted.length) services.settle.watch(connection, accepted, action);
    return outcomes;
  } finally {
    services.provider.setBusy(keys, undefined);
  }
}

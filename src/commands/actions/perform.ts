import * as vscode from 'vscode';
import type { Connection } from '../../connections/connection';
import type { Task } from '../../tasks/model';
import type { TaskAction } from './definitions';
import { runJp1aoOperation } from './jp1aoOperations';
import { cancelLxcaJobs } from './lxcaCancel';
import { failedOutcomes, type TaskOutcome } from './outcome';

function cancelExpirationSeconds(): number {
  return vscode.workspace.getConfiguration('opsTasks').get<number>('lxca.cancelExpirationSeconds', 60);
}

/** Runs the action on one connection's tasks and reports each task's outcome; never throws. */
export async function performOnConnection(connection: Connection, tasks: readonly Task[], action: TaskAction): Promise<TaskOutcome[]> {
  try {
    const session = connection.productSession();
    if (session.product === 'jp1ao') return await runJp1aoOperation(session.client, tasks, action.operation);
    if (action.operation !== 'cancel') return failedOutcomes(tasks, new Error(`LXCA jobs cannot be ${action.participle}.`));
    return await cancelLxcaJobs(session.client, tasks, cancelExpirationSeconds());
  } catch (error) {
    return failedOutcomes(tasks, error);
  }
}

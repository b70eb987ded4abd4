import { activeCategories, type Task, type TaskOperation } from '../../tasks/model';

/**
 * When an action asks first. `setting` follows `opsTasks.confirmCancel`.
 * Archive asks under that setting too: it takes the task out of the list and the extension cannot
 * bring it back. Retry never asks: it resumes work the user started, loses nothing, and a retry
 * started by mistake can be stopped.
 */
export type Confirmation = 'always' | 'setting' | 'never';

export interface TaskAction {
  readonly command: string;
  readonly operation: Exclude<TaskOperation, 'cancelWithCallback' | 'editNotes'>;
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

const finished = (task: Task) => !activeCategories.has(task.category);
const noLongerFailed = (task: Task) => task.category !== 'failed';

export const taskActions: readonly TaskAction[] = [
  { command: 'opsTasks.cancel', operation: 'cancel', title: 'Cancel', busyLabel: 'Cancelling…', verb: 'cancel', participle: 'cancelled', confirm: 'setting', settled: finished },
  { command: 'opsTasks.stop', operation: 'stop', title: 'Stop', busyLabel: 'Stopping…', verb: 'stop', participle: 'stopped', confirm: 'setting', settled: finished },
  { command: 'opsTasks.forceStop', operation: 'forceStop', title: 'Force Stop', busyLabel: 'Force stopping…', verb: 'force stop', participle: 'force stopped', confirm: 'always', settled: finished },
  { command: 'opsTasks.retry', operation: 'retry', title: 'Retry', busyLabel: 'Retrying…', verb: 'retry', participle: 'retried', confirm: 'never', settled: noLongerFailed },
  { command: 'opsTasks.retryNext', operation: 'retryNext', title: 'Retry from the Next Step', busyLabel: 'Retrying from the next step…', verb: 'retry', participle: 'retried', confirm: 'never', settled: noLongerFailed },
  { command: 'opsTasks.archive', operation: 'archive', title: 'Archive', busyLabel: 'Archiving…', verb: 'archive', participle: 'archived', confirm: 'setting', removesTask: true, settled: () => true },
];

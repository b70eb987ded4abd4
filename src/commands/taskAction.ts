/** One action on tasks (Cancel, Stop, Retry, …) as the commands, menus and reports know it. */
import type { ActivityKind } from '../activity/record';
import type { ActionOperation } from '../tasks/adapter';
import type { Task } from '../tasks/model';

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
  /** The task reached where the action leads: only then is the action reported as done. */
  settled(task: Task): boolean;
  /** `plain`: LXCA's plain cancel request whatever hook the job has (Cancel with Plain Request). */
  readonly cancelRequest?: 'plain';
  /** What the Activity view calls it; the operation when not given. */
  readonly activityKind?: ActivityKind;
  /** Tasks the command is for beyond those having the operation. */
  readonly only?: (task: Task) => boolean;
}

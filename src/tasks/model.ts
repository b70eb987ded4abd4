import type { CancelHook } from '../api/lxca/types';

/**
 * One Task model for both products. The tree, the commands and the webviews only see this shape;
 * `raw` keeps the server's object for the details view on a task read by itself; an LXCA job
 * read in a list leaves it out, so thousands of them stay small.
 */
export type Product = 'lxca' | 'jp1ao';

export type StatusCategory =
  | 'pending'
  | 'running'
  | 'runningWithErrors'
  | 'succeeded'
  | 'succeededWithErrors'
  | 'cancelled'
  | 'failed'
  | 'unknown';

/** What the user may do with a task in its current state (drives context menus). */
export type TaskOperation =
  | 'cancel' // LXCA cancel, or JP1/AO cancel of a waiting/holding scheduled task
  | 'cancelWithCallback' // LXCA only
  | 'stop'
  | 'forceStop'
  | 'retry' // JP1/AO rerunStart: from the failed step
  | 'retryNext' // JP1/AO rerunStepStart: from the next step
  | 'archive'
  | 'editNotes';

export interface Task {
  /** Stable across refreshes and unique across connections: `${connection}/${id}`. */
  readonly key: string;
  /** The server's id: LXCA `jobUID`, JP1/AO `instanceID`. */
  readonly id: string;
  readonly connection: string;
  readonly product: Product;
  /** The task's full name, as the server has it. */
  readonly title: string;
  /**
   * The part of the name that tells tasks apart at a narrow width, when it differs from `title`
   * (a JP1/AO name ending in its own submit time: the service name), and that time, shown beside it.
   */
  readonly shortTitle?: { readonly label: string; readonly time: number };
  /** The server's status string, exactly as received. */
  readonly status: string;
  /** Human wording of the status; the raw string when it is unknown. */
  readonly statusLabel: string;
  readonly category: StatusCategory;
  /** 0–100 when the server reports it. */
  readonly progress?: number;
  /** Milliseconds since the epoch. */
  readonly submitted?: number;
  /**
   * When the run that is happening (or happened last) started: a retried task's latest start, so
   * durations and "started 5 min ago" are about that run. A scheduled task's planned start.
   */
  readonly start?: number;
  /** The first start, when an earlier run started before `start` (a retried task). */
  readonly firstStart?: number;
  readonly end?: number;
  readonly owner?: string;
  readonly children: readonly Task[];
  /** JP1/AO only. */
  readonly notes?: string;
  readonly toDo?: boolean;
  readonly modifyTime?: string;
  readonly scheduleId?: string;
  /** LXCA only: the cancel call the job registered, which LXCA makes when the job is cancelled. */
  readonly cancelHook?: CancelHook;
  /** The task waits for a person to answer it (JP1/AO "Waiting for Response"). */
  readonly awaitsResponse?: boolean;
  /** Why an action the user might expect is not offered ("Retry: the service does not support it"). */
  readonly notOffered?: readonly string[];
  /**
   * The client refuses to put this id in a request (`a/b`, a lone surrogate): the task is shown,
   * marked so, offers no action and is left out of the reads of single tasks.
   */
  readonly unusableId?: boolean;
  /** Sorted, so two tasks compare equal when their operations do. */
  readonly operations: readonly TaskOperation[];
  readonly raw: unknown;
}

export const activeCategories: ReadonlySet<StatusCategory> = new Set(['pending', 'running', 'runningWithErrors']);

/**
 * Not finished yet: a pending or running category, or a status we do not know that has no end time
 * and is below 100 % — the server decides whether such a task can still be cancelled.
 */
export function isUnfinished(task: Pick<Task, 'category' | 'end' | 'progress'>): boolean {
  if (activeCategories.has(task.category)) return true;
  return task.category === 'unknown' && task.end === undefined && (task.progress ?? 0) < 100;
}

export function isActive(task: Task): boolean {
  return task.category === 'running' || task.category === 'runningWithErrors';
}

export function taskKey(connection: string, id: string): string {
  return `${connection}/${id}`;
}

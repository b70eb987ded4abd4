/**
 * The one entry point for "the user did something to a task from VS Code": the action flow and the
 * forms call recordActivity; the Activity view and the completion alerts listen. No `vscode`
 * import, so the forms stay testable in plain Node.
 */
import { EventEmitter } from '../tasks/events';
import type { Product, Task } from '../tasks/model';
import { errorText, mayHaveBeenCarriedOut, wasNotSent } from '../tasks/errorText';

export type ActivityKind = 'cancel' | 'stop' | 'forceStop' | 'retry' | 'retryNext' | 'archive' | 'notesSaved' | 'cancelCallback' | 'plainCancel' | 'respond' | 'resubmit';

/**
 * done (the server shows it); refused (the server said no); uncertain (no answer: may have been
 * carried out); notSent (the request never left: nothing happened, it may be tried again);
 * pending (accepted, the outcome is being watched); notTaken (accepted, but after the settle
 * window the task still was not where the action leads).
 */
export type ActivityResult = 'done' | 'refused' | 'uncertain' | 'notSent' | 'pending' | 'notTaken';

export interface ActivityEntry {
  /** Unique within the log. */
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly kind: ActivityKind;
  readonly connection: string;
  readonly product: Product;
  readonly taskId: string;
  readonly taskTitle: string;
  readonly result: ActivityResult;
  /** The server's words (or the reason nothing was sent) when it did not simply work. */
  readonly message?: string;
  /** A cancel that did not take, which Cancel with Plain Request may still stop. */
  readonly offersPlainCancel?: boolean;
}

export type ActivityOutcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

/** What the log needs of the task acted on; the task as it was before the action. */
export type ActivitySubject = Pick<Task, 'key' | 'id' | 'connection' | 'product' | 'title' | 'category' | 'end'>;

/** A recorded entry and the task as it was when the user acted on it. */
export interface RecordedActivity {
  readonly entry: ActivityEntry;
  readonly task: ActivitySubject;
}

const recorded = new EventEmitter<RecordedActivity>();
/** Fires once per task for every recorded action. */
export const onDidRecordActivity = recorded.event;

const updated = new EventEmitter<ActivityEntry>();
/** Fires when a recorded entry learns its outcome (same id, new result). */
export const onDidUpdateActivity = updated.event;

let sequence = 0;

/** Records what one action did to one task; answers the entry, so that its outcome can update it. */
export function recordActivity(kind: ActivityKind, task: ActivitySubject, outcome: ActivityOutcome | { readonly pending: true }): ActivityEntry {
  const time = Date.now();
  const entry: ActivityEntry = {
    id: `${time}-${++sequence}`,
    time,
    kind,
    connection: task.connection,
    product: task.product,
    taskId: task.id,
    taskTitle: task.title,
    result: 'pending' in outcome ? 'pending' : outcome.ok ? 'done' : resultOf(outcome.error),
    message: 'pending' in outcome || outcome.ok ? undefined : errorText(outcome.error),
  };
  recorded.fire({ entry, task });
  return entry;
}

/** The entry with its outcome, in place of the pending one (same id, same time). */
export function updateActivity(entry: ActivityEntry, change: Pick<ActivityEntry, 'result'> & Partial<Pick<ActivityEntry, 'message' | 'offersPlainCancel'>>): ActivityEntry {
  const next: ActivityEntry = { ...entry, ...change };
  updated.fire(next);
  return next;
}

/** Records each task's outcome of one action. */
export function recordOutcomes(kind: ActivityKind, outcomes: readonly (ActivityOutcome & { readonly task: ActivitySubject })[]): void {
  for (const outcome of outcomes) recordActivity(kind, outcome.task, outcome);
}

/** An answer that says no (or a check before any request) means nothing happened. */
export function resultOf(error: unknown): ActivityResult {
  if (wasNotSent(error)) return 'notSent';
  return mayHaveBeenCarriedOut(error) ? 'uncertain' : 'refused';
}

/**
 * What the server shows after an action: its tasks are read until each reaches where the action
 * leads or the settle window (`opsTasks.actionSettleSeconds`) passes, while the row and, when it
 * takes longer than the first read, a notification say "Cancel sent…". Nothing is called done
 * from an HTTP status alone.
 */
import * as vscode from 'vscode';
import { settings } from '../connections/settings';
import type { Connection } from '../connections/connection';
import { withinDeadlineOf } from '../connections/adapterFactory';
import { observeOutcome, type ObservedOutcome } from '../tasks/outcome';
import type { Task } from '../tasks/model';

/** "Cancel sent…": on the row and the notification while the outcome is being watched. */
export function sentLabel(title: string): string {
  return vscode.l10n.t('{0} sent…', title);
}

/** Settings `opsTasks.actionSettleSeconds` and `opsTasks.refresh.activeIntervalSeconds`, in ms. */
export function settleTimes(): { settleMs: number; intervalMs: number } {
  return { settleMs: settings.actionSettleMs(), intervalMs: settings.activeIntervalMs() };
}

export interface WatchRequest {
  connection: Connection;
  tasks: readonly Task[];
  /** Where the action leads; `removes`: the task leaves the server's list (archive). */
  reached(task: Task): boolean;
  removes: boolean;
  /** Still worth watching (the connection was not replaced or removed meanwhile). */
  stillWatched(): boolean;
  /** The first read did not show every task where the action leads: the wait becomes visible. */
  onWaiting(): void;
}

/** Each task's outcome: read again at once, then until it gets where the action leads or the window ends. */
export async function watchOutcome(request: WatchRequest): Promise<ObservedOutcome[]> {
  const { settleMs, intervalMs } = settleTimes();
  let reads = 0;
  return observeOutcome(request.tasks, {
    read: async (tasks) => {
      if (++reads === 2) request.onWaiting();
      return request.connection.reread(tasks);
    },
    reached: (task) => !request.removes && request.reached(task),
    settleMs,
    intervalMs,
    cancelled: () => !request.stillWatched(),
    within: withinDeadlineOf,
  });
}

/**
 * A notification with a spinner, shown only once an outcome takes longer than the first read: it
 * says "Cancel sent…" and, at the end, what the server showed, for a moment.
 */
export class WaitingNotice {
  private finish: ((message: string | undefined) => void) | undefined;
  private closedWith: { message?: string } | undefined;
  private shown = false;

  constructor(private readonly title: string) {}

  show(): void {
    if (this.shown || this.closedWith) return;
    this.shown = true;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: this.title }, (progress) =>
      new Promise<void>((resolve) => {
        const finish = (message: string | undefined) => {
          if (!message) return resolve();
          progress.report({ message });
          setTimeout(resolve, 4000);
        };
        if (this.closedWith) finish(this.closedWith.message);
        else this.finish = finish;
      }),
    );
  }

  /** Closes the notification, after showing `message` (what the server showed) for a moment. */
  close(message?: string): void {
    this.closedWith ??= { message };
    this.finish?.(message);
    this.finish = undefined;
  }
}

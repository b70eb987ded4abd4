import * as vscode from 'vscode';
import { log } from '../log';
import type { Task } from '../tasks/model';
import { durationText, taskDurationMs } from '../tasks/duration';
import { productInfo } from '../tasks/products';

/** Setting `opsTasks.notifications`. */
export type NotificationMode = 'watched' | 'watchedAndFailures' | 'off';

export type NoticeSeverity = 'info' | 'warning' | 'error';

/** One completion notification as shown; tests read these through the extension's test API. */
export interface CompletionNotice {
  readonly key: string;
  readonly text: string;
  readonly severity: NoticeSeverity;
  readonly buttons: readonly string[];
  /** The user watched the task, or it failed while `watchedAndFailures` is on. */
  readonly reason: 'watched' | 'failure';
}

export function notificationMode(): NotificationMode {
  const mode = vscode.workspace.getConfiguration('opsTasks').get<string>('notifications', 'watched');
  return mode === 'off' || mode === 'watchedAndFailures' ? mode : 'watched';
}

export function noticeSeverity(task: Task): NoticeSeverity {
  if (task.category === 'failed') return 'error';
  if (task.category === 'succeeded') return 'info';
  return 'warning';
}

/** `Job "Firmware update" on lab-lxca finished: Failed (ran 4 min 12 s).` */
export function completionText(task: Task): string {
  const noun = productInfo(task.product).noun;
  const ran = taskDurationMs(task);
  const subject = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} "${task.title}"`;
  return ran === undefined
    ? vscode.l10n.t('{0} on {1} finished: {2}.', subject, task.connection, task.statusLabel)
    : vscode.l10n.t('{0} on {1} finished: {2} (ran {3}).', subject, task.connection, task.statusLabel, durationText(ran));
}

export interface NoticeActions {
  showDetails(task: Task): unknown;
  reveal(task: Task): unknown;
}

/** Tells the user, once, that a task finished: in the style its result deserves, with two ways to look at it. */
export class CompletionNotifier implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<CompletionNotice>();
  readonly onDidNotify = this.shown.event;

  constructor(private readonly actions: NoticeActions) {}

  /** Shows the notice unless the setting rules it out; answers whether it was shown. */
  notify(task: Task, reason: CompletionNotice['reason']): boolean {
    const mode = notificationMode();
    if (mode === 'off' || (reason === 'failure' && mode !== 'watchedAndFailures')) return false;
    const showDetails = vscode.l10n.t('Show Details');
    const reveal = vscode.l10n.t('Reveal in Tree');
    const notice: CompletionNotice = { key: task.key, text: completionText(task), severity: noticeSeverity(task), buttons: [showDetails, reveal], reason };
    log().info(`Notified: ${notice.text}`);
    const show =
      notice.severity === 'error'
        ? vscode.window.showErrorMessage
        : notice.severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    void show(notice.text, showDetails, reveal).then((choice) => {
      if (choice === showDetails) void this.actions.showDetails(task);
      else if (choice === reveal) void this.actions.reveal(task);
    });
    this.shown.fire(notice);
    return true;
  }

  dispose(): void {
    this.shown.dispose();
  }
}

import * as vscode from 'vscode';
import { settings } from '../connections/settings';
import { log } from '../log';
import type { Task } from '../tasks/model';
import { durationText, taskDurationMs } from '../tasks/duration';
import { productInfo } from '../tasks/products';
import { displayText, quotedText } from '../util/displayText';

export type NoticeSeverity = 'info' | 'warning' | 'error';

/** One completion notification as shown; tests read these through the extension's test API. */
export interface CompletionNotice {
  /** The tasks told about: one, or several of one connection that ended together. */
  readonly keys: readonly string[];
  readonly text: string;
  readonly severity: NoticeSeverity;
  readonly buttons: readonly string[];
  /** The user watched the task, or it failed while `watchedAndFailures` is on. */
  readonly reason: 'watched' | 'failure';
}

export function noticeSeverity(task: Task): NoticeSeverity {
  if (task.category === 'failed') return 'error';
  if (task.category === 'succeeded') return 'info';
  return 'warning';
}

const severityRank: Record<NoticeSeverity, number> = { info: 0, warning: 1, error: 2 };

/** The style of a group: its worst result. */
function groupSeverity(tasks: readonly Task[]): NoticeSeverity {
  return tasks.map(noticeSeverity).reduce((worst, next) => (severityRank[next] > severityRank[worst] ? next : worst), 'info' as NoticeSeverity);
}

/** `3 tasks on ao finished: 2 Canceled, 1 Failed.` */
export function groupCompletionText(tasks: readonly Task[]): string {
  const counts = new Map<string, number>();
  for (const task of tasks) counts.set(displayText(task.statusLabel), (counts.get(task.statusLabel) ?? 0) + 1);
  const results = [...counts].map(([label, count]) => `${count} ${label}`).join(', ');
  const noun = productInfo(tasks[0]!.product).noun;
  return vscode.l10n.t('{0} {1}s on {2} finished: {3}.', tasks.length, noun, tasks[0]!.connection, results);
}

/** `Job "Firmware update" on lab-lxca finished: Failed (ran 4 min 12 s).` */
export function completionText(task: Task): string {
  const noun = productInfo(task.product).noun;
  const ran = taskDurationMs(task);
  const subject = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${quotedText(task.title)}`;
  return ran === undefined
    ? vscode.l10n.t('{0} on {1} finished: {2}.', subject, task.connection, displayText(task.statusLabel))
    : vscode.l10n.t('{0} on {1} finished: {2} (ran {3}).', subject, task.connection, displayText(task.statusLabel), durationText(ran));
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

  /**
   * Shows one notice for tasks of one connection that ended together (several stopped at once
   * make one notification, not a pile); answers whether it was shown, as the setting decides.
   */
  notify(tasks: readonly Task[], reason: CompletionNotice['reason']): boolean {
    const mode = settings.notifications();
    if (!tasks.length || mode === 'off' || (reason === 'failure' && mode !== 'watchedAndFailures')) return false;
    const showDetails = vscode.l10n.t('Show Details');
    const reveal = vscode.l10n.t('Reveal in Tree');
    const single = tasks.length === 1;
    const notice: CompletionNotice = {
      keys: tasks.map((task) => task.key),
      text: single ? completionText(tasks[0]!) : groupCompletionText(tasks),
      severity: groupSeverity(tasks),
      buttons: [showDetails, reveal],
      reason,
    };
    log().info(vscode.l10n.t('Notified: {0}', notice.text));
    const show =
      notice.severity === 'error'
        ? vscode.window.showErrorMessage
        : notice.severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    void show(notice.text, showDetails, reveal).then(async (choice) => {
      if (choice === undefined) return;
      const task = single ? tasks[0] : await pickTask(tasks, choice);
      if (!task) return;
      if (choice === showDetails) void this.actions.showDetails(task);
      else void this.actions.reveal(task);
    });
    this.shown.fire(notice);
    return true;
  }

  dispose(): void {
    this.shown.dispose();
  }
}

async function pickTask(tasks: readonly Task[], title: string): Promise<Task | undefined> {
  const picked = await vscode.window.showQuickPick(
    tasks.map((task) => ({ label: displayText(task.title), description: displayText(task.statusLabel), task })),
    { title },
  );
  return picked?.task;
}

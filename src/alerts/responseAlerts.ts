import * as vscode from 'vscode';
import { settings } from '../connections/settings';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/registry';
import { log } from '../log';
import type { Task } from '../tasks/model';
import { productInfo } from '../tasks/products';

/** One "waiting for your response" notification as shown; tests read these through the test API. */
export interface ResponseNotice {
  readonly key: string;
  readonly text: string;
  readonly buttons: readonly string[];
}

export interface ResponseNoticeActions {
  respond(connection: Connection, task: Task): unknown;
  showDetails(task: Task): unknown;
}

/** `Task "Approve patch rollout" on ao-prod is waiting for your response`. */
export function responseNoticeText(task: Task): string {
  const noun = productInfo(task.product).noun;
  return vscode.l10n.t('{0} "{1}" on {2} is waiting for your response', `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`, task.title, task.connection);
}

/**
 * Tells the user once each time a loaded task enters Waiting for Response (setting
 * `opsTasks.notifications` = `watchedAndResponses`). What a connection shows on its first load is
 * the baseline: a task already waiting then is marked in the tree, not announced; so is an older
 * waiting task that only comes into view later (Load more…, another filter).
 */
export class ResponseAlerts implements vscode.Disposable {
  private readonly waiting = new Map<string, boolean>();
  private readonly baselined = new Set<string>();
  private readonly startedAt = Date.now();
  private readonly shown = new vscode.EventEmitter<ResponseNotice>();
  readonly onDidNotify = this.shown.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    registry: ConnectionRegistry,
    private readonly actions: ResponseNoticeActions,
  ) {
    this.subscriptions = [
      registry.onDidChangeTasks(({ connection }) => this.look(connection)),
      registry.onDidChangeConnections(() => this.baselined.clear()),
      this.shown,
    ];
  }

  private look(connection: Connection): void {
    const store = connection.store;
    if (store.state.kind !== 'loaded') return;
    const first = !this.baselined.has(connection.name);
    this.baselined.add(connection.name);
    for (const task of store.tasks) {
      const before = this.waiting.get(task.key);
      const now = task.awaitsResponse === true;
      this.waiting.set(task.key, now);
      if (first || !now || before === true) continue;
      // A task first seen waiting (Load more…, another filter) counts only when it started after VS Code did.
      if (before === undefined && (task.start ?? 0) < this.startedAt) continue;
      this.notify(connection, task);
    }
  }

  /** Shows the notice when the setting asks for it; answers whether it was shown. */
  notify(connection: Connection, task: Task): boolean {
    if (settings.notifications() !== 'watchedAndResponses') return false;
    const respond = vscode.l10n.t('Respond…');
    const showDetails = vscode.l10n.t('Show Details');
    const notice: ResponseNotice = { key: task.key, text: responseNoticeText(task), buttons: [respond, showDetails] };
    log().info(vscode.l10n.t('Notified: {0}', notice.text));
    void vscode.window.showWarningMessage(notice.text, respond, showDetails).then((choice) => {
      if (choice === respond) void this.actions.respond(connection, connection.store.find(task.key) ?? task);
      else if (choice === showDetails) void this.actions.showDetails(task);
    });
    this.shown.fire(notice);
    return true;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

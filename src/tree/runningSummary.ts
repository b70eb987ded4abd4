import * as vscode from 'vscode';
import { readSettings, type ConnectionRegistry } from '../connections/registry';
import { countsAsOf } from '../tasks/countsAge';
import { shownTotals } from '../tasks/summary';
import { clockTimeText } from '../tasks/time';

/**
 * The view badge (running tasks) and the status bar item (running · failed), updated when any
 * connection's tasks change. Counts read longer ago than polling allows (the view hidden, a server
 * that does not answer) say when they were read ("as of 10:42") and stop spinning. The status bar
 * item focuses the view.
 */
export class RunningSummary implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('opsTasks.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private lastText = '';
  private ageTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly view: vscode.TreeView<unknown>,
  ) {
    this.item.name = 'Ops Tasks';
    this.item.command = 'opsTasks.tasks.focus';
    this.disposables.push(
      registry.onDidChangeTasks(() => this.update()),
      registry.onDidChangeConnections(() => this.update()),
      this.item,
    );
    this.update();
  }

  update(): void {
    let running = 0;
    let failed = 0;
    const connections = this.registry.all();
    let waiting = 0;
    for (const connection of connections) {
      const totals = shownTotals(connection.store);
      // A task waiting for a response counts apart from the running ones (it waits for the user).
      const waitingHere = connection.store.tasks.filter((task) => task.awaitsResponse).length;
      running += Math.max(0, totals.running - waitingHere);
      failed += totals.failed;
      waiting += waitingHere;
    }
    const now = Date.now();
    const { asOf, nextCheck } = countsAsOf(connections.map((connection) => connection.store), readSettings().intervals, now);
    this.checkAgeAt(nextCheck, now);
    const age = asOf === undefined ? undefined : vscode.l10n.t('as of {0}', clockTimeText(asOf, now));
    const text = `${running}/${failed}/${waiting}/${age}`;
    if (text === this.lastText) return;
    this.lastText = text;
    const runningText = vscode.l10n.t('{0} running', running);
    const waitingText = waiting ? vscode.l10n.t('{0} waiting for you', waiting) : undefined;
    const badgeText = waitingText ? `${runningText} · ${waitingText}` : runningText;
    this.view.badge = running + waiting ? { value: running + waiting, tooltip: age ? `${badgeText} (${age})` : badgeText } : undefined;
    if (!connections.length) {
      this.item.hide();
      return;
    }
    const icon = age ? '$(history)' : running ? '$(sync~spin)' : '$(tasklist)';
    const waitingItem = waitingText ? ` · $(bell-dot) ${waitingText}` : '';
    this.item.text = `${icon} ${runningText}${waitingItem}${failed ? ` · $(error) ${vscode.l10n.t('{0} failed', failed)}` : ''}${age ? ` · ${age}` : ''}`;
    this.item.tooltip = age
      ? vscode.l10n.t('Ops Tasks: counts {0}; they are read again when the task view is shown. Show the task view', age)
      : vscode.l10n.t('Ops Tasks: show the task view');
    const spoken = `${vscode.l10n.t('Ops Tasks: {0} running, {1} failed', running, failed)}${waitingText ? `, ${waitingText}` : ''}`;
    this.item.accessibilityInformation = { label: age ? `${spoken}, ${age}` : spoken };
    this.item.show();
  }

  /** Counts go out of date with time alone: look again when they may have. */
  private checkAgeAt(when: number | undefined, now: number): void {
    if (this.ageTimer) clearTimeout(this.ageTimer);
    this.ageTimer = when === undefined ? undefined : setTimeout(() => this.update(), Math.max(0, when - now) + 50);
  }

  /** What the status bar item shows now, for tests. */
  get statusText(): string {
    return this.item.text;
  }

  dispose(): void {
    if (this.ageTimer) clearTimeout(this.ageTimer);
    for (const d of this.disposables) d.dispose();
  }
}

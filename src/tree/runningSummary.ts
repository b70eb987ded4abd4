import * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import { shownTotals } from '../tasks/summary';

/**
 * The view badge (running tasks) and the status bar item (running · failed), updated when any
 * connection's tasks change. The status bar item focuses the view.
 */
export class RunningSummary implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('opsTasks.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private lastText = '';

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
    let waiting = 0;
    for (const connection of this.registry.all()) {
      const totals = shownTotals(connection.store);
      // A task waiting for a response counts apart from the running ones (it waits for the user).
      const waitingHere = connection.store.tasks.filter((task) => task.awaitsResponse).length;
      running += Math.max(0, totals.running - waitingHere);
      failed += totals.failed;
      waiting += waitingHere;
    }
    const text = `${running}/${failed}/${waiting}`;
    if (text === this.lastText) return;
    this.lastText = text;
    const waitingText = waiting ? ` · ${vscode.l10n.t('{0} waiting for you', waiting)}` : '';
    this.view.badge = running + waiting ? { value: running + waiting, tooltip: `${vscode.l10n.t('{0} running', running)}${waitingText}` } : undefined;
    if (!this.registry.all().length) {
      this.item.hide();
      return;
    }
    const waitingItem = waiting ? ` · $(bell-dot) ${vscode.l10n.t('{0} waiting for you', waiting)}` : '';
    this.item.text = `${running ? '$(sync~spin)' : '$(tasklist)'} ${vscode.l10n.t('{0} running', running)}${waitingItem}${failed ? ` · $(error) ${vscode.l10n.t('{0} failed', failed)}` : ''}`;
    this.item.tooltip = vscode.l10n.t('Ops Tasks: show the task view');
    this.item.accessibilityInformation = {
      label: `${vscode.l10n.t('Ops Tasks: {0} running, {1} failed', running, failed)}${waiting ? `, ${vscode.l10n.t('{0} waiting for you', waiting)}` : ''}`,
    };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

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
    for (const connection of this.registry.all()) {
      const totals = shownTotals(connection.store);
      running += totals.running;
      failed += totals.failed;
    }
    const text = `${running}/${failed}`;
    if (text === this.lastText) return;
    this.lastText = text;
    this.view.badge = running ? { value: running, tooltip: vscode.l10n.t('{0} running', running) } : undefined;
    if (!this.registry.all().length) {
      this.item.hide();
      return;
    }
    this.item.text = `${running ? '$(sync~spin)' : '$(tasklist)'} ${vscode.l10n.t('{0} running', running)}${failed ? ` · $(error) ${vscode.l10n.t('{0} failed', failed)}` : ''}`;
    this.item.tooltip = vscode.l10n.t('Ops Tasks: show the task view');
    this.item.accessibilityInformation = { label: vscode.l10n.t('Ops Tasks: {0} running, {1} failed', running, failed) };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

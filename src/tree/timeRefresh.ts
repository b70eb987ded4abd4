import * as vscode from 'vscode';
import type { TaskTreeProvider } from './provider';

const minuteMs = 60_000;

/**
 * Keeps "5 min ago" true: once a minute, while the view is shown, the rows are drawn again from
 * what is loaded (no request).
 */
export class TimeRefresh implements vscode.Disposable {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(provider: TaskTreeProvider, view: vscode.TreeView<unknown>) {
    this.timer = setInterval(() => {
      if (view.visible) provider.redrawRows();
    }, minuteMs);
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}

import type * as vscode from 'vscode';

const minuteMs = 60_000;

/**
 * Keeps "5 min ago" true: once a minute, while the view is shown, the rows are drawn again from
 * what is loaded (no request).
 */
export class TimeRefresh implements vscode.Disposable {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(provider: { redrawRows(): void }, view: { readonly visible: boolean }, everyMs = minuteMs) {
    this.timer = setInterval(() => {
      if (view.visible) provider.redrawRows();
    }, everyMs);
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}

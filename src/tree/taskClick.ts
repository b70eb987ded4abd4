import type * as vscode from 'vscode';
import type { Task } from '../tasks/model';
import { t } from '../tasks/l10n';

/** Internal (not contributed) command a task row runs on every click. */
export const taskClickCommandId = 'opsTasks.taskClick';

/**
 * VS Code's tree has no double-click event: the row's click command counts clicks, and only a
 * second click on the same row soon after the first opens Details (Enter does at once, see the
 * keybinding of `opsTasks.openFocusedTask`). A single click stays a plain selection.
 */
export function taskClickCommand(task: Task): vscode.Command {
  return { command: taskClickCommandId, title: t('Show Details (double-click or Enter)'), arguments: [task.key] };
}

export class DoubleClickDetector {
  private last: { key: string; at: number } | undefined;

  constructor(
    private readonly windowMs = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when this click is the second on the same key within the window. */
  click(key: string): boolean {
    const at = this.now();
    const isSecond = this.last !== undefined && this.last.key === key && at - this.last.at <= this.windowMs;
    this.last = isSecond ? undefined : { key, at };
    return isSecond;
  }
}

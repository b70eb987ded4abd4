import { join } from 'node:path';
import * as vscode from 'vscode';
import { isUnfinished, type StatusCategory, type Task } from '../tasks/model';
import { taskRowText, taskTooltipMarkdown, type ActionResultText } from './taskText';
import { taskClickCommand } from './taskClick';
import { progressIconFiles } from './progressIcon';

const icons: Record<StatusCategory, [icon: string, color?: string]> = {
  pending: ['clock', 'charts.yellow'],
  running: ['loading~spin'],
  // Needs a person: not the spinner, which says "nothing to do but wait".
  runningWithErrors: ['run-errors', 'list.errorForeground'],
  succeeded: ['pass', 'testing.iconPassed'],
  succeededWithErrors: ['warning', 'list.warningForeground'],
  cancelled: ['circle-slash', 'disabledForeground'],
  failed: ['error', 'testing.iconFailed'],
  // A status word we do not know: neither good nor bad news.
  unknown: ['circle-large-outline'],
};

/** A question waits for a person's answer; the bell is Notify When Done's. */
const awaitingResponseIcon: [string, string] = ['question', 'list.warningForeground'];
/** Running work of a connection that cannot be read: nothing is known to move, so nothing spins. */
const notReadIcon: [string, string] = ['sync-ignored', 'disabledForeground'];

/** The extension's folder, for the generated progress icons (dist/extension.js lives one below it). */
const extensionRoot = vscode.Uri.file(join(__dirname, '..'));

/**
 * The row's icon always shows the status category: a task waiting for a person's answer, the
 * progress of running work drawn as a filling ring, otherwise the category's icon. TODO and the
 * watch are marked in the description, never instead of the status. `asOf`: the connection cannot
 * be read, so running work does not spin.
 */
export function statusIcon(task: Pick<Task, 'category' | 'awaitsResponse' | 'progress'>, asOf?: number): vscode.ThemeIcon | { light: vscode.Uri; dark: vscode.Uri } {
  if (!task.awaitsResponse && task.progress !== undefined && (task.category === 'running' || task.category === 'runningWithErrors')) {
    const files = progressIconFiles(task.category, task.progress);
    return { light: vscode.Uri.joinPath(extensionRoot, files.light), dark: vscode.Uri.joinPath(extensionRoot, files.dark) };
  }
  const stopped = asOf !== undefined && (task.category === 'running' || task.category === 'pending');
  const [icon, color] = task.awaitsResponse ? awaitingResponseIcon : stopped ? notReadIcon : icons[task.category];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

export { taskContextValue, taskDescription } from './taskText';

export function taskTooltip(task: Task, actionResult?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(taskTooltipMarkdown(task, actionResult), true);
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}

/**
 * `busyLabel` ("Cancelling…") replaces the status while an action's call runs; the node then
 * offers no action, so the same task cannot be cancelled twice at once. `asOf`: when the tasks
 * shown were read, while their connection cannot be read.
 */
export function taskTreeItem(task: Task, busyLabel?: string, watched = false, actionResult?: ActionResultText, asOf?: number): vscode.TreeItem {
  const text = taskRowText(task, busyLabel, Date.now(), actionResult, asOf);
  const item = new vscode.TreeItem(
    text.label,
    task.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = text.id;
  item.description = text.description;
  item.iconPath = busyLabel
    ? new vscode.ThemeIcon('loading~spin')
    : actionResult?.warning
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : statusIcon(task, asOf);
  item.tooltip = taskTooltip(task, actionResult?.text);
  item.contextValue = text.contextValue;
  item.command = taskClickCommand(task);
  item.accessibilityInformation = { label: text.accessibilityLabel };
  markWatched(item, task, watched);
  return item;
}

/** The bell of a task the user will be told about, and the flags the alert menus test. */
function markWatched(item: vscode.TreeItem, task: Task, watched: boolean): void {
  if (isUnfinished(task)) item.contextValue = `${item.contextValue}unfinished#`;
  if (!watched) return;
  item.contextValue = `${item.contextValue}watched#`;
  item.description = `🔔 ${item.description}`;
  item.accessibilityInformation = { label: `${item.accessibilityInformation?.label}, ${vscode.l10n.t('watched')}` };
}

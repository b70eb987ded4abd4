import * as vscode from 'vscode';
import { isUnfinished, type StatusCategory, type Task } from '../tasks/model';
import { taskRowText, taskTooltipMarkdown, type ActionResultText } from './taskText';
import { taskClickCommand } from '../commands/taskClick';

const icons: Record<StatusCategory, [icon: string, color?: string]> = {
  pending: ['clock', 'charts.yellow'],
  running: ['loading~spin'],
  // Needs a person: not the spinner, which says "nothing to do but wait".
  runningWithErrors: ['run-errors', 'list.errorForeground'],
  succeeded: ['pass', 'testing.iconPassed'],
  succeededWithErrors: ['warning', 'list.warningForeground'],
  cancelled: ['circle-slash', 'disabledForeground'],
  failed: ['error', 'testing.iconFailed'],
  unknown: ['circle-large-outline', 'list.warningForeground'],
};

const awaitingResponseIcon: [string, string] = ['bell-dot', 'list.warningForeground'];
const toDoIcon: [string, string] = ['bookmark', 'charts.blue'];

/**
 * The row's icon: a task waiting for a person's answer first (it stops until someone answers),
 * then TODO (the status is the description's first word), then the status category.
 */
export function statusIcon(task: Pick<Task, 'category' | 'toDo' | 'awaitsResponse'>): vscode.ThemeIcon {
  const [icon, color] = task.awaitsResponse ? awaitingResponseIcon : task.toDo ? toDoIcon : icons[task.category];
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
 * offers no action, so the same task cannot be cancelled twice at once.
 */
export function taskTreeItem(task: Task, busyLabel?: string, watched = false, actionResult?: ActionResultText): vscode.TreeItem {
  const text = taskRowText(task, busyLabel, Date.now(), actionResult);
  const item = new vscode.TreeItem(
    text.label,
    task.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = text.id;
  item.description = text.description;
  item.iconPath = busyLabel ? new vscode.ThemeIcon('loading~spin') : statusIcon(task);
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

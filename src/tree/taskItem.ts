import { taskFacts } from '../tasks/facts';
import * as vscode from 'vscode';
import type { StatusCategory, Task } from '../tasks/model';
import { relativeTime, shortTimeText } from '../tasks/time';
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
 * The row's icon: TODO first (the status is the description's first word), then a task waiting
 * for a person's answer, then the status category.
 */
export function statusIcon(task: Pick<Task, 'category' | 'toDo' | 'awaitsResponse'>): vscode.ThemeIcon {
  const [icon, color] = task.toDo ? toDoIcon : task.awaitsResponse ? awaitingResponseIcon : icons[task.category];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

/**
 * `opsTask#lxca#cancel#cancelWithCallback#` — one flag per allowed operation, so menus can test
 * `viewItem =~ /#cancel#/` without caring about order.
 */
export function taskContextValue(task: Task): string {
  const flags = ['opsTask', task.product, ...task.operations];
  if (task.toDo) flags.push('todo');
  return `${flags.join('#')}#`;
}

/** Status first, so a narrow sidebar still shows it; then TODO, progress, the submit time of a short-named task, and when. */
export function taskDescription(task: Task, now = Date.now()): string {
  const parts: string[] = [task.statusLabel];
  if (task.toDo) parts.push('TODO');
  if (task.progress !== undefined && (task.category === 'running' || task.category === 'runningWithErrors')) {
    parts.push(`${Math.round(task.progress)}%`);
  }
  if (task.shortTitle) parts.push(shortTimeText(task.shortTitle.time, now));
  const when = task.end ?? task.start;
  if (when !== undefined) parts.push(relativeTime(when, now));
  return parts.join(' · ');
}

export function taskTooltip(task: Task, actionResult?: string): vscode.MarkdownString {
  const rows: [string, string | undefined][] = [
    ...taskFacts(task),
    ['Last action', actionResult],
    ['TODO', task.toDo ? 'yes' : undefined],
    ['Notes', task.notes || undefined],
    ['Subtasks', task.children.length ? String(task.children.length) : undefined],
  ];
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  md.appendMarkdown(`**${escapeMarkdown(task.title)}**\n\n`);
  for (const [name, value] of rows) {
    if (value !== undefined) md.appendMarkdown(`${name}: ${escapeMarkdown(value)}  \n`);
  }
  return md;
}

/** Server text as inert Markdown: HTML characters become entities (a backslash is not enough for VS Code's renderer). */
function escapeMarkdown(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  return text.replace(/[&<>"]/g, (c) => entities[c]).replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&');
}

/**
 * `busyLabel` ("Cancelling…") replaces the status while an action's call runs; the node then
 * offers no action, so the same task cannot be cancelled twice at once.
 */
export function taskTreeItem(task: Task, busyLabel?: string, actionResult?: { text: string; brief: boolean }): vscode.TreeItem {
  const item = new vscode.TreeItem(
    task.shortTitle?.label ?? task.title,
    task.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const status = taskDescription(task);
  const description = busyLabel ?? (actionResult?.brief ? `${status} · ${actionResult.text}` : status);
  item.id = task.key;
  item.description = description;
  item.iconPath = busyLabel ? new vscode.ThemeIcon('loading~spin') : statusIcon(task);
  item.tooltip = taskTooltip(task, actionResult?.text);
  item.contextValue = busyLabel ? `opsTask#${task.product}#busy#` : taskContextValue(task);
  item.command = taskClickCommand(task);
  item.accessibilityInformation = { label: `${task.title}, ${description}` };
  return item;
}

import { taskFacts } from '../tasks/facts';
import * as vscode from 'vscode';
import type { StatusCategory, Task } from '../tasks/model';
import { relativeTime } from '../tasks/time';
import { taskClickCommand } from '../commands/taskClick';

const icons: Record<StatusCategory, [icon: string, color?: string]> = {
  pending: ['clock', 'charts.yellow'],
  running: ['loading~spin'],
  runningWithErrors: ['loading~spin', 'list.warningForeground'],
  succeeded: ['pass', 'testing.iconPassed'],
  succeededWithErrors: ['warning', 'list.warningForeground'],
  cancelled: ['circle-slash', 'disabledForeground'],
  failed: ['error', 'testing.iconFailed'],
  unknown: ['circle-large-outline'],
};

export function statusIcon(category: StatusCategory): vscode.ThemeIcon {
  const [icon, color] = icons[category];
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

export function taskDescription(task: Task, now = Date.now()): string {
  const parts: string[] = [];
  if (task.toDo) parts.push('TODO');
  parts.push(task.statusLabel);
  if (task.progress !== undefined && (task.category === 'running' || task.category === 'runningWithErrors')) {
    parts.push(`${Math.round(task.progress)}%`);
  }
  const when = task.end ?? task.start;
  if (when !== undefined) parts.push(relativeTime(when, now));
  return parts.join(' · ');
}

export function taskTooltip(task: Task): vscode.MarkdownString {
  const rows: [string, string | undefined][] = [
    ...taskFacts(task),
    ['TODO', task.toDo ? vscode.l10n.t('yes') : undefined],
    [vscode.l10n.t('Notes'), task.notes || undefined],
    [vscode.l10n.t('Subtasks'), task.children.length ? String(task.children.length) : undefined],
  ];
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  md.appendMarkdown(`**${escapeMarkdown(task.title)}**\n\n`);
  for (const [name, value] of rows) {
    if (value !== undefined) md.appendMarkdown(vscode.l10n.t('{0}: {1}', name, escapeMarkdown(value)) + '  \n');
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
export function taskTreeItem(task: Task, busyLabel?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(
    task.title,
    task.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const description = busyLabel ?? taskDescription(task);
  item.id = task.key;
  item.description = description;
  item.iconPath = busyLabel ? new vscode.ThemeIcon('loading~spin') : statusIcon(task.category);
  item.tooltip = taskTooltip(task);
  item.contextValue = busyLabel ? `opsTask#${task.product}#busy#` : taskContextValue(task);
  item.command = taskClickCommand(task);
  item.accessibilityInformation = { label: `${task.title}, ${description}` };
  return item;
}

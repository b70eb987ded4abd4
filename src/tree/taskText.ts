/**
 * The texts of a task's tree row, without VS Code: label, description, tooltip Markdown, context
 * value, id and accessibility label. Server text arrives here as the server sent it, so every text
 * is made one plain line and capped before VS Code sees it.
 */
import { taskFacts } from '../tasks/facts';
import type { Task } from '../tasks/model';
import { productInfo } from '../tasks/products';
import { relativeTime, shortTimeText } from '../tasks/time';
import { capText, shortPlainText } from '../util/plainText';
import { t } from '../tasks/l10n';
import { loopFlags } from '../tasks/loopOffers';

/** Longest label and description; the tooltip shows a little more. */
export const maxLabelLength = 200;
const maxTooltipValueLength = 1_000;

export interface TaskRowText {
  id: string;
  label: string;
  description: string;
  /** Markdown with every server text escaped (no HTML, no links, no commands). */
  tooltipMarkdown: string;
  contextValue: string;
  accessibilityLabel: string;
}

/**
 * `opsTask#lxca#cancel#cancelWithCallback#` — one flag per allowed operation, so menus can test
 * `viewItem =~ /#cancel#/` without caring about order.
 */
export function taskContextValue(task: Task): string {
  const flags = ['opsTask', task.product, ...task.operations, ...loopFlags(task)];
  if (task.toDo) flags.push('todo');
  return `${flags.join('#')}#`;
}

/**
 * The part that tells tasks apart (a JP1/AO task's service name when its name ends in its own
 * submit time) on one line, capped. Tags are kept as text: VS Code draws tree labels as plain
 * text, and a job really named `<b>x</b>` is shown by that name.
 */
export function taskLabel(task: Task): string {
  const noun = productInfo(task.product).noun;
  const fallback = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${oneLine(task.id, 40)}`;
  return oneLine(task.shortTitle?.label ?? task.title, maxLabelLength) || fallback;
}

function oneLine(text: string, max: number): string {
  return capText(text.slice(0, max * 4).replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim(), max);
}

/** Status first, so a narrow sidebar still shows it; then TODO, progress, the submit time of a short-named task, and when. */
export function taskDescription(task: Task, now = Date.now()): string {
  // A task that waits for a person says so first: a narrow sidebar still shows it.
  const parts: string[] = task.awaitsResponse ? [t('needs response'), task.statusLabel] : [task.statusLabel];
  if (task.toDo) parts.push('TODO');
  if (task.progress !== undefined && (task.category === 'running' || task.category === 'runningWithErrors')) {
    parts.push(`${Math.round(task.progress)}%`);
  }
  if (task.shortTitle) parts.push(shortTimeText(task.shortTitle.time, now));
  const when = task.end ?? task.start;
  if (when !== undefined) parts.push(relativeTime(when, now));
  return oneLine(parts.join(' · '), maxLabelLength);
}

export function taskTooltipMarkdown(task: Task, actionResult?: string): string {
  const rows: [string, string | undefined][] = [
    ...taskFacts(task),
    [t('Last action'), actionResult],
    ['TODO', task.toDo ? t('yes') : undefined],
    [t('Notes'), task.notes || undefined],
    [t('Subtasks'), task.children.length ? String(task.children.length) : undefined],
  ];
  const lines = [`**${escapeMarkdown(shortPlainText(task.title, maxLabelLength) || taskLabel(task))}**\n\n`];
  for (const [name, value] of rows) {
    if (value !== undefined) lines.push(`${t('{0}: {1}', name, escapeMarkdown(shortPlainText(value, maxTooltipValueLength)))}  \n`);
  }
  return lines.join('');
}

/** Server text as inert Markdown: HTML characters become entities (a backslash is not enough for VS Code's renderer). */
function escapeMarkdown(text: string): string {
  const entities = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;']]);
  return text.replace(/[&<>"]/g, (c) => entities.get(c) ?? c).replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&');
}

/** What an action did to the task: shown on the row for a while (`brief`), in the tooltip until the next. */
export interface ActionResultText {
  text: string;
  brief: boolean;
}

/** `busyLabel` ("Cancelling…") replaces the status while an action's call runs. */
export function taskRowText(task: Task, busyLabel?: string, now = Date.now(), actionResult?: ActionResultText): TaskRowText {
  const label = taskLabel(task);
  const status = taskDescription(task, now);
  const description = busyLabel ?? (actionResult?.brief ? oneLine(`${status} · ${actionResult.text}`, maxLabelLength) : status);
  return {
    id: task.key,
    label,
    description,
    tooltipMarkdown: taskTooltipMarkdown(task, actionResult?.text),
    contextValue: busyLabel ? `opsTask#${task.product}#busy#` : taskContextValue(task),
    // Screen readers hear the full name, not the shortened label.
    accessibilityLabel: `${oneLine(task.title, maxLabelLength) || label}, ${description}`,
  };
}

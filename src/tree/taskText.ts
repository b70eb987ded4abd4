/**
 * The texts of a task's tree row, without VS Code: label, description, tooltip Markdown, context
 * value, id and accessibility label. Server text arrives here as the server sent it, so every text
 * is made one plain line and capped before VS Code sees it.
 */
import { taskFacts } from '../tasks/facts';
import { isActive, type Task } from '../tasks/model';
import { productInfo } from '../tasks/products';
import { clockTimeText, relativeTime, shortTimeText } from '../tasks/time';
import { shortPlainText } from '../util/plainText';
import { safeLine } from '../util/displayText';
import { t } from '../tasks/l10n';
import { treeIds } from './treeIds';
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
  return safeLine(text, max);
}

/**
 * Status first, so a narrow side bar still shows it, with the progress of running work; then how
 * old the row is when its connection cannot be read, TODO, the submit time of a short-named task,
 * and when it started or ended. Every time says what it is.
 */
export function taskDescription(task: Task, now = Date.now(), asOf?: number): string {
  const status = task.progress !== undefined && isActive(task) ? `${task.statusLabel} ${Math.round(task.progress)}%` : task.statusLabel;
  // A task that waits for a person says so first: a narrow side bar still shows it.
  const parts: string[] = task.awaitsResponse ? [t('needs response'), status] : [status];
  if (task.unusableId) parts.push(t('id cannot be used'));
  if (asOf !== undefined) parts.push(t('as of {0}', clockTimeText(asOf, now)));
  if (task.toDo) parts.push('TODO');
  if (task.shortTitle) parts.push(t('submitted {0}', shortTimeText(task.shortTitle.time, now)));
  const when = whenText(task, now);
  if (when) parts.push(when);
  return oneLine(parts.join(' · '), maxLabelLength);
}

/** "ended 5 min ago", "started 2 min ago" (the latest run), "starts in 3 hours", "submitted 1 min ago". */
export function whenText(task: Pick<Task, 'start' | 'end' | 'submitted'>, now = Date.now()): string | undefined {
  if (task.end !== undefined) return t('ended {0}', relativeTime(task.end, now));
  if (task.start !== undefined) return task.start > now ? t('starts {0}', relativeTime(task.start, now)) : t('started {0}', relativeTime(task.start, now));
  if (task.submitted !== undefined) return t('submitted {0}', relativeTime(task.submitted, now));
  return undefined;
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
  /** An action that did not take: the text replaces the status, with a warning icon. */
  warning?: boolean;
  /** The row offers Cancel with Plain Request (`#plainCancel#`). */
  offersPlainCancel?: boolean;
}

/**
 * `busyLabel` ("Cancelling…") replaces the status while an action's call runs. `asOf`: the
 * connection cannot be read now, and the row shows what was read then.
 */
export function taskRowText(task: Task, busyLabel?: string, now = Date.now(), actionResult?: ActionResultText, asOf?: number): TaskRowText {
  const label = taskLabel(task);
  const status = taskDescription(task, now, asOf);
  const shownResult = actionResult?.warning ? oneLine(actionResult.text, maxLabelLength) : actionResult?.brief ? oneLine(`${status} · ${actionResult.text}`, maxLabelLength) : status;
  const description = busyLabel ?? shownResult;
  const contextValue = busyLabel ? `opsTask#${task.product}#busy#` : taskContextValue(task);
  return {
    id: treeIds.task(task.connection, task.id),
    label,
    description,
    tooltipMarkdown: taskTooltipMarkdown(task, actionResult?.text),
    contextValue: !busyLabel && actionResult?.offersPlainCancel ? `${contextValue}plainCancel#` : contextValue,
    // Screen readers hear the full name, not the shortened label.
    accessibilityLabel: `${oneLine(task.title, maxLabelLength) || label}, ${description}`,
  };
}

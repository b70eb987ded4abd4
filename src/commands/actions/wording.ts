import type { Task } from '../../tasks/model';

/** LXCA calls them jobs; a mixed selection is "tasks". */
export function taskNoun(tasks: readonly Task[], count = tasks.length): string {
  const noun = tasks.length > 0 && tasks.every((task) => task.product === 'lxca') ? 'job' : 'task';
  return count === 1 ? noun : `${noun}s`;
}

/** `job "Firmware update"` for one, `3 tasks` for more. */
export function countText(tasks: readonly Task[]): string {
  return tasks.length === 1 ? `${taskNoun(tasks)} "${tasks[0].title}"` : `${tasks.length} ${taskNoun(tasks)}`;
}

/** `"A", "B", "C" and 4 more`. */
export function nameList(names: readonly string[], shown = 5, separator = ', '): string {
  const listed = names.slice(0, shown).join(separator);
  return names.length > shown ? `${listed} and ${names.length - shown} more` : listed;
}

export function quotedTitles(tasks: readonly Task[]): string[] {
  return tasks.map((task) => `"${task.title}"`);
}

/** Names the skipped tasks with the status that rules the action out. */
export function skippedText(skipped: readonly Task[], participle: string): string {
  return `Skipped ${skipped.length} ${taskNoun(skipped)} that cannot be ${participle}: ${nameList(skipped.map((task) => `"${task.title}" (${task.statusLabel})`), 3)}.`;
}

export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

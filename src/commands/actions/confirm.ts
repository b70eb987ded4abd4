import * as vscode from 'vscode';
import type { TaskAction } from './definitions';
import type { Selection } from './targets';
import { countText, distinct, nameList, quotedTitles, skippedText, taskNoun } from './wording';

function needsConfirmation(action: TaskAction): boolean {
  if (action.confirm === 'always') return true;
  if (action.confirm === 'never') return false;
  return vscode.workspace.getConfiguration('opsTasks').get<boolean>('confirmCancel', true);
}

/** One modal for the whole selection, naming the tasks and the connections they run on. */
export async function confirmAction(action: TaskAction, { targets, skipped }: Selection): Promise<boolean> {
  if (!needsConfirmation(action)) return true;
  const tasks = targets.map((target) => target.task);
  const connections = distinct(targets.map((target) => target.connection.name));
  const message = `${action.title} ${countText(tasks)} on ${nameList(connections)}?`;
  const detail = [
    tasks.length > 1 ? nameList(quotedTitles(tasks)) : undefined,
    skipped.length ? skippedText(skipped, action.participle) : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
  const noun = taskNoun(tasks);
  const button = `${action.title} ${tasks.length === 1 ? capitalise(noun) : `${tasks.length} ${capitalise(noun)}`}`;
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail: detail || undefined }, button);
  return answer === button;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

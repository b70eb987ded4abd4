import type * as vscode from 'vscode';
import type { CommandContext } from '../commands/register';

/** Edit Notes/TODO, Show Details and Cancel with Callback forms (issue: webview forms). */
export function registerForms(_context: CommandContext): vscode.Disposable[] {
  return [];
}

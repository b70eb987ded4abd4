import type * as vscode from 'vscode';
import type { CommandContext } from './register';

/** Cancel, stop, force stop, retry and archive from the tree (issue: task actions). */
export function registerTaskActions(_context: CommandContext): vscode.Disposable[] {
  return [];
}

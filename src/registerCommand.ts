/**
 * The one way every command is registered: it runs the command, and a failure it did not handle
 * itself is logged with the command's name and shown as one line through errorText.
 */
import * as vscode from 'vscode';
import { log } from './log';
import { errorLogText, errorText } from './tasks/errorText';

export function registerCommand(id: string, run: (...args: any[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (error) {
      log().error(`${id} failed: ${errorLogText(error)}`);
      void vscode.window.showErrorMessage(errorText(error));
      return undefined;
    }
  });
}

import * as vscode from 'vscode';
import { demoServers } from '../demo/demoServers';

/**
 * Try the Demo: both simulated servers start inside the extension host on free loopback ports and
 * two connections point at them. Their passwords come from the servers, so nothing is prompted or
 * stored; after a window reload the servers start again on first use, with the same data.
 */
export async function startDemo(): Promise<void> {
  await vscode.window.withProgress(
    { location: { viewId: 'opsTasks.tasks' }, title: vscode.l10n.t('Starting the demo servers…') },
    () => demoServers(true),
  );
  await vscode.commands.executeCommand('opsTasks.tasks.focus');
}

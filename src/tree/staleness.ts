import * as vscode from 'vscode';
import { relativeTime } from '../tasks/time';

/** The connection's description while it shows the tasks of an earlier, successful refresh. */
export function staleDescription(loadedAt: number, now = Date.now()): string {
  return vscode.l10n.t('last updated {0}', relativeTime(loadedAt, now));
}

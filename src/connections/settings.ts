/**
 * Every `opsTasks.*` setting, read in one place with its one default (the same as package.json's),
 * and the one event that says some of them changed. The connection list is read and written by
 * config.ts, the proxy (`http.*`) by proxy.ts.
 */
import * as vscode from 'vscode';

export type NotificationMode = 'watched' | 'watchedAndFailures' | 'watchedAndResponses' | 'off';

const section = 'opsTasks';

function get<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration(section).get<T>(key, fallback);
}

export const settings = {
  /** Tasks read per connection, and per "Load more". */
  pageSize: (): number => Math.max(10, get('pageSize', 200)),
  /** Poll interval while the window has focus and while it has not. */
  activeIntervalMs: (): number => Math.max(1, get('refresh.activeIntervalSeconds', 5)) * 1000,
  idleIntervalMs: (): number => Math.max(1, get('refresh.idleIntervalSeconds', 60)) * 1000,
  /** How long after an accepted action the extension waits for the server to show its result. */
  actionSettleMs: (): number => Math.max(1, get('actionSettleSeconds', 60)) * 1000,
  confirmCancel: (): boolean => get('confirmCancel', true),
  lxcaCancelExpirationSeconds: (): number => get('lxca.cancelExpirationSeconds', 60),
  lxcaCancelRequest: (): 'hook' | 'plain' => (get<string>('lxca.cancelRequest', 'hook') === 'plain' ? 'plain' : 'hook'),
  notifications: (): NotificationMode => {
    const mode = get<string>('notifications', 'watchedAndResponses');
    return mode === 'off' || mode === 'watchedAndFailures' || mode === 'watched' ? mode : 'watchedAndResponses';
  },
};

/** Fires when an `opsTasks.*` or `http.*` (proxy) setting changed. */
export function onDidChangeSettings(listener: (event: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(section) || event.affectsConfiguration('http')) listener(event);
  });
}

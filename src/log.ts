import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The "Ops Tasks" log. Created on first use so activation stays cheap. Never given secrets. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Ops Tasks', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}

import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  void vscode.commands.executeCommand('setContext', 'opsTasks.connectionCount', 0);
}

export function deactivate(): void {}

/** What every command reaches: the connections, the tree and its view, the extension's storage. */
import type * as vscode from 'vscode';
import type { ConnectionRegistry } from '../connections/registry';
import type { TreeNode } from '../tree/nodes';
import type { TaskTreeProvider } from '../tree/provider';

export interface CommandContext {
  registry: ConnectionRegistry;
  provider: TaskTreeProvider;
  view: vscode.TreeView<TreeNode>;
  /** Where unsaved notes wait for their task's form to open again (the extension's global state). */
  storage?: vscode.Memento;
}

import * as vscode from 'vscode';
import { removeDemo } from './startDemo';
import { appendConnection, isHttpUrl, updateConnection, type ConnectionConfig } from '../connections/config';
import { askPassword } from '../connections/credentials';
import type { ConnectionRegistry } from '../connections/registry';
import { allProducts } from '../tasks/products';
import { errorText } from '../ui/errorText';
import { pickConnection } from './pickConnection';

const kinds = allProducts.map((info) => ({ label: info.name, description: info.pickDescription, info }));

/** Add Connection: kind → URL → user → password, in one guided QuickInput flow. */
export async function addConnection(registry: ConnectionRegistry): Promise<void> {
  const kind = await vscode.window.showQuickPick(kinds, { title: 'Add Connection (1/4): product', ignoreFocusOut: true });
  if (!kind) return;
  const baseUrl = await vscode.window.showInputBox({
    title: 'Add Connection (2/4): server URL',
    prompt: `For example ${kind.info.urlExample}`,
    ignoreFocusOut: true,
    validateInput: (value) => (isHttpUrl(value.trim()) ? undefined : 'Enter a URL starting with https:// (or http://)'),
  });
  if (!baseUrl) return;
  const username = await vscode.window.showInputBox({
    title: 'Add Connection (3/4): user name',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Enter the user name'),
  });
  if (!username) return;
  const name = uniqueName(registry, new URL(baseUrl.trim()).host);
  const config: ConnectionConfig = { name, kind: kind.info.product, baseUrl: baseUrl.trim().replace(/\/+$/, ''), username: username.trim() };
  const password = await askPassword(config, 'Add Connection (4/4): stored in VS Code\'s secret storage, never in settings.');
  if (password === undefined) return;
  await registry.credentials.store(config, password);
  await appendConnection(config);
}

function uniqueName(registry: ConnectionRegistry, base: string): string {
  let name = base;
  for (let i = 2; registry.get(name); i++) name = `${base} (${i})`;
  return name;
}

export async function editConnection(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, 'Edit which connection?');
  if (!connection) return;
  const old = connection.config;
  const baseUrl = await vscode.window.showInputBox({
    title: `Edit ${old.name}: server URL`,
    value: old.baseUrl,
    ignoreFocusOut: true,
    validateInput: (value) => (isHttpUrl(value.trim()) ? undefined : 'Enter a URL starting with https:// (or http://)'),
  });
  if (!baseUrl) return;
  const username = await vscode.window.showInputBox({
    title: `Edit ${old.name}: user name`,
    value: old.username,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Enter the user name'),
  });
  if (!username) return;
  const next: ConnectionConfig = { ...old, baseUrl: baseUrl.trim().replace(/\/+$/, ''), username: username.trim() };
  if (next.baseUrl !== old.baseUrl) delete next.tls; // trust granted to one server never moves to another
  await registry.credentials.move(old, next);
  await updateConnection(old.name, () => next);
}

export async function removeConnection(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, 'Remove which connection?');
  if (!connection) return;
  if (await removeDemo(registry, connection.name)) return;
  const answer = await vscode.window.showWarningMessage(
    `Remove the connection "${connection.name}" and its stored password?`,
    { modal: true },
    'Remove',
  );
  if (answer !== 'Remove') return;
  await registry.credentials.delete(connection.config);
  await updateConnection(connection.name, () => undefined);
}

export async function setPassword(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, 'Set the password of which connection?');
  if (!connection) return;
  const password = await askPassword(connection.config);
  if (password === undefined) return;
  await registry.credentials.store(connection.config, password);
}

export async function signOut(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, 'Sign out of which connection?');
  if (!connection) return;
  await connection.signOut();
  await registry.credentials.delete(connection.config);
  void vscode.window.showInformationMessage(`Signed out of ${connection.name}; its password was removed.`);
}

export async function testConnection(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, 'Test which connection?');
  if (!connection) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Testing ${connection.name}…` },
    async () => {
      try {
        return { ok: true as const, text: await connection.adapter().describe() };
      } catch (error) {
        return { ok: false as const, text: errorText(error) };
      }
    },
  );
  if (result.ok) void vscode.window.showInformationMessage(`${connection.name}: connected — ${result.text}`);
  else void vscode.window.showErrorMessage(`${connection.name}: ${result.text}`);
}

import * as vscode from 'vscode';
import { isDemoConnection, removeDemo } from '../demo/demoServers';
import { appendConnection, sendsInClearText, updateConnection, type ConnectionConfig } from '../connections/config';
import { typedUrlProblem, typedUserNameProblem } from '../connections/configProblems';
import { askPassword } from '../connections/credentials';
import { createAdapter } from '../connections/adapterFactory';
import type { ConnectionRegistry } from '../connections/registry';
import { allProducts } from '../tasks/products';
import { apiErrorKind, errorText } from '../tasks/errorText';
import { pickConnection } from './pickConnection';

const kinds = () => allProducts.map((info) => ({ label: info.name, description: info.pickDescription, info }));

/** Add Connection: kind → URL → user → password, in one guided QuickInput flow. */
export async function addConnection(registry: ConnectionRegistry): Promise<void> {
  const kind = await vscode.window.showQuickPick(kinds(), { title: vscode.l10n.t('Add Connection (1/5): product'), ignoreFocusOut: true });
  if (!kind) return;
  const baseUrl = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Connection (2/5): server URL'),
    prompt: vscode.l10n.t('For example {0}', kind.info.urlExample),
    ignoreFocusOut: true,
    validateInput: (value) => typedUrlProblem(value),
  });
  if (!baseUrl || !(await confirmPlainHttp(baseUrl))) return;
  const username = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Connection (3/5): user name'),
    ignoreFocusOut: true,
    validateInput: (value) => typedUserNameProblem(kind.info.product, value),
  });
  if (!username) return;
  const url = baseUrl.trim().replace(/\/+$/, '');
  const draft: ConnectionConfig = { name: new URL(url).host, kind: kind.info.product, baseUrl: url, username: username.trim() };
  const password = await workingPassword(draft, vscode.l10n.t("Add Connection (4/5): stored in VS Code's secret storage, never in settings."));
  if (password === undefined) return;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Connection (5/5): name shown in the tree'),
    value: uniqueName(registry, draft.name),
    ignoreFocusOut: true,
    validateInput: (value) => nameProblem(registry, value),
  });
  if (!name) return;
  const config: ConnectionConfig = { ...draft, name: name.trim() };
  await registry.credentials.storeQuietly(config, password);
  await appendConnection(config);
}

/**
 * Asks for the password and tries it before anything is saved, until it works, the user saves it
 * anyway (the server may be down for now), or backs out (undefined). A server that answered but
 * refused the user name or password offers to type the password again; nothing typed before is lost.
 */
async function workingPassword(config: ConnectionConfig, reason: string): Promise<string | undefined> {
  for (let prompt = reason; ; ) {
    const password = await askPassword(config, prompt);
    if (password === undefined) return undefined;
    const verdict = await tryPassword(config, password);
    if (verdict === 'works' || verdict === 'saveAnyway') return password;
    if (verdict === 'giveUp') return undefined;
    prompt = vscode.l10n.t('{0} refused the password. Enter it again (user {1}).', config.baseUrl, config.username);
  }
}

type Verdict = 'works' | 'saveAnyway' | 'reenter' | 'giveUp';

/** Signs in and reads the server once; when that fails, the user sees why and chooses what next. */
async function tryPassword(config: ConnectionConfig, password: string): Promise<Verdict> {
  const adapter = createAdapter(config, async () => ({ username: config.username, password }), () => undefined);
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Trying {0}…', config.baseUrl) },
      () => adapter.describe(),
    );
    return 'works';
  } catch (error) {
    const saveAnyway = vscode.l10n.t('Save Anyway');
    const reenter = vscode.l10n.t('Re-enter Password');
    const refused = apiErrorKind(error) === 'auth';
    const answer = refused
      ? await vscode.window.showWarningMessage(
          vscode.l10n.t('{0} was reached, but it refused the user name or password: {1}', config.baseUrl, errorText(error)),
          { modal: true, detail: vscode.l10n.t('User name: {0}. Everything else you entered is kept.', config.username) },
          reenter,
          saveAnyway,
        )
      : await vscode.window.showWarningMessage(
          vscode.l10n.t('{0} could not be reached with these details: {1}', config.baseUrl, errorText(error)),
          { modal: true },
          saveAnyway,
        );
    return answer === saveAnyway ? 'saveAnyway' : answer === reenter ? 'reenter' : 'giveUp';
  } finally {
    await adapter.close().catch(() => undefined);
  }
}

/** An http:// address sends the password unencrypted: go on only when the user says so. */
async function confirmPlainHttp(baseUrl: string): Promise<boolean> {
  if (!sendsInClearText(baseUrl.trim())) return true;
  const useHttp = vscode.l10n.t('Use Unencrypted HTTP');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} is not encrypted (http://): the password and every answer would travel in clear text. Use https:// unless this network is trusted.', baseUrl.trim()),
    { modal: true },
    useHttp,
  );
  return answer === useHttp;
}

/** Why a connection cannot take this name (empty, or another connection's), or undefined. */
function nameProblem(registry: ConnectionRegistry, value: string, current?: string): string | undefined {
  const name = value.trim();
  if (!name) return vscode.l10n.t('Enter a name');
  return name !== current && registry.get(name) ? vscode.l10n.t('A connection named "{0}" exists already', name) : undefined;
}

function uniqueName(registry: ConnectionRegistry, base: string): string {
  let name = base;
  for (let i = 2; registry.get(name); i++) name = `${base} (${i})`;
  return name;
}

export async function editConnection(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, vscode.l10n.t('Edit which connection?'));
  if (!connection) return;
  const old = connection.config;
  const baseUrl = await vscode.window.showInputBox({
    title: vscode.l10n.t('Edit {0}: server URL', old.name),
    value: old.baseUrl,
    ignoreFocusOut: true,
    validateInput: (value) => typedUrlProblem(value),
  });
  if (!baseUrl || (!sendsInClearText(old.baseUrl) && !(await confirmPlainHttp(baseUrl)))) return;
  const username = await vscode.window.showInputBox({
    title: vscode.l10n.t('Edit {0}: user name', old.name),
    value: old.username,
    ignoreFocusOut: true,
    validateInput: (value) => typedUserNameProblem(old.kind, value),
  });
  if (!username) return;
  const next: ConnectionConfig = { ...old, baseUrl: baseUrl.trim().replace(/\/+$/, ''), username: username.trim() };
  if (next.baseUrl !== old.baseUrl) {
    delete next.tls; // trust granted to one server never moves to another
    // The password was given for the old address: the new server gets one typed for it.
    const password = await workingPassword(next, vscode.l10n.t('The password is bound to the server address: enter the one for {0}.', next.baseUrl));
    if (password === undefined) return;
    await registry.credentials.storeQuietly(next, password);
    await registry.credentials.delete(old);
  } else {
    await registry.credentials.move(old, next);
  }
  await updateConnection(old.name, () => next);
}

/** A new name for a connection; its password moves with it. */
export async function renameConnection(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, vscode.l10n.t('Rename which connection?'));
  if (!connection) return;
  const old = connection.config;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Rename {0}', old.name),
    value: old.name,
    ignoreFocusOut: true,
    validateInput: (value) => nameProblem(registry, value, old.name),
  });
  if (!name || name.trim() === old.name) return;
  const next: ConnectionConfig = { ...old, name: name.trim() };
  await registry.credentials.move(old, next);
  await updateConnection(old.name, () => next);
}

export async function removeConnection(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, vscode.l10n.t('Remove which connection?'));
  if (!connection) return;
  if (isDemoConnection(connection.config)) return removeDemoConnections(registry);
  const remove = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the connection "{0}" and its stored password?', connection.name),
    { modal: true },
    remove,
  );
  if (answer !== remove) return;
  await registry.credentials.delete(connection.config);
  await updateConnection(connection.name, () => undefined);
}

/** The demo goes as a whole: both connections, anything stored for them, and its servers. */
async function removeDemoConnections(registry: ConnectionRegistry): Promise<void> {
  const remove = vscode.l10n.t('Remove Demo');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the demo? Both demo connections go and the demo servers stop.'),
    { modal: true },
    remove,
  );
  if (answer !== remove) return;
  const demos = registry.all().filter((connection) => isDemoConnection(connection.config));
  await Promise.all(demos.map((connection) => registry.credentials.delete(connection.config)));
  await removeDemo();
}

export async function setPassword(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, vscode.l10n.t('Set the password of which connection?'));
  if (!connection) return;
  const password = await askPassword(connection.config);
  if (password === undefined) return;
  await registry.credentials.store(connection.config, password);
}

export async function signOut(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, vscode.l10n.t('Sign out of which connection?'));
  if (!connection) return;
  await connection.signOut();
  await registry.credentials.delete(connection.config);
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of {0}; its password was removed.', connection.name));
}

export async function testConnection(registry: ConnectionRegistry, arg: unknown): Promise<void> {
  const connection = await pickConnection(registry, arg, vscode.l10n.t('Test which connection?'));
  if (!connection) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing {0}…', connection.name) },
    async () => {
      try {
        return { ok: true as const, text: await connection.adapter().describe() };
      } catch (error) {
        return { ok: false as const, text: errorText(error) };
      }
    },
  );
  if (result.ok) void vscode.window.showInformationMessage(vscode.l10n.t('{0}: connected — {1}', connection.name, result.text));
  else void vscode.window.showErrorMessage(`${connection.name}: ${result.text}`);
}

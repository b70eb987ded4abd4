import * as vscode from 'vscode';
import type { Product } from '../tasks/model';
import { connectionProblem } from './configProblems';

export { isHttpUrl, isPlainHttp, sendsInClearText } from './configProblems';

export interface TlsConfig {
  caFile?: string;
  fingerprint256?: string;
}

/** One entry of `opsTasks.connections`. */
export interface ConnectionConfig {
  name: string;
  kind: Product;
  baseUrl: string;
  username: string;
  tls?: TlsConfig;
}

const connectionsSetting = 'opsTasks.connections';

/** A setting entry that cannot be used, with the reason shown on its tree node. */
export interface InvalidConnection {
  name: string;
  problem: string;
}

export interface ConnectionList {
  valid: ConnectionConfig[];
  invalid: InvalidConnection[];
}

/** The setting's entries as saved, readable by this version or not. */
export function savedConnectionEntries(): unknown[] {
  return vscode.workspace.getConfiguration().get<unknown[]>(connectionsSetting) ?? [];
}

/** Saves the whole list in the user settings; callers pass on entries they cannot read unchanged. */
export async function saveConnectionEntries(entries: unknown[]): Promise<void> {
  await vscode.workspace.getConfiguration().update(connectionsSetting, entries, vscode.ConfigurationTarget.Global);
}

/** Reads the setting tolerantly: a broken entry becomes a message, never an exception. */
export function readConnections(): ConnectionList {
  const entries = savedConnectionEntries();
  const valid: ConnectionConfig[] = [];
  const invalid: InvalidConnection[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const label = entryName(entry) ?? vscode.l10n.t('Connection {0}', index + 1);
    const problem = connectionProblem(entry, seen);
    if (problem) invalid.push({ name: label, problem });
    else {
      const config = entry as ConnectionConfig;
      seen.add(config.name);
      valid.push(normalise(config));
    }
  });
  return { valid, invalid };
}

function entryName(entry: unknown): string | undefined {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? name : undefined;
}

function normalise(config: ConnectionConfig): ConnectionConfig {
  return { ...config, baseUrl: config.baseUrl.replace(/\/+$/, '') };
}

/** Applies `change` to the raw list so entries this version cannot read are kept as they are. */
export async function updateConnection(
  name: string,
  change: (config: ConnectionConfig) => ConnectionConfig | undefined,
): Promise<void> {
  const next = savedConnectionEntries().flatMap((entry) => {
    if (entryName(entry) !== name) return [entry];
    const changed = change(entry as ConnectionConfig);
    return changed ? [changed] : [];
  });
  await saveConnectionEntries(next);
}

export async function appendConnection(config: ConnectionConfig): Promise<void> {
  await saveConnectionEntries([...savedConnectionEntries(), config]);
}

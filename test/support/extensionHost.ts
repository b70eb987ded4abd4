// The one fixture of the integration suites, inside the extension host: the activated extension,
// connections with their passwords in SecretStorage, and user settings put back after the suite.
//   const host = useExtensionHost();   // in a describe(), before the suite's own hooks
//   before(async () => { await host().setSettings({ … }); await host().connect(configs, passwords); });
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConnectionConfig } from '../../src/connections/config';
import type { OpsTasksTestApi } from '../../src/extension';
import { until } from './wait';

export interface ExtensionHost {
  readonly api: OpsTasksTestApi;
  /** Sets user settings by full key; each gets back the value it had before the suite. */
  setSettings(values: Record<string, unknown>): Promise<void>;
  /**
   * Stores each connection's password (deletes it where the password is undefined), then sets
   * opsTasks.connections and waits until the extension has exactly these connections.
   */
  connect(configs: ConnectionConfig[], passwords: Record<string, string | undefined>): Promise<void>;
}

/** The extension, activated: its test API. */
export async function activatedApi(): Promise<OpsTasksTestApi> {
  const extension = vscode.extensions.getExtension<OpsTasksTestApi>('ops-tasks.ops-tasks');
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

export function useExtensionHost(): () => ExtensionHost {
  let host: ExtensionHost | undefined;
  const previous = new Map<string, unknown>();
  const settings = () => vscode.workspace.getConfiguration();

  before(async () => {
    const api = await activatedApi();
    const setSettings = async (values: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(values)) {
        if (!previous.has(key)) previous.set(key, settings().inspect(key)?.globalValue);
        await settings().update(key, value, vscode.ConfigurationTarget.Global);
      }
    };
    const connect = async (configs: ConnectionConfig[], passwords: Record<string, string | undefined>) => {
      for (const config of configs) {
        const password = Object.hasOwn(passwords, config.name) ? passwords[config.name] : undefined;
        if (password === undefined) await api.registry.credentials.delete(config);
        else await api.registry.credentials.storeQuietly(config, password);
      }
      await setSettings({ 'opsTasks.connections': configs });
      await until(
        'the connections to follow the setting',
        () => api.registry.all().length === configs.length && configs.every((config) => api.registry.get(config.name)),
      );
    };
    host = { api, setSettings, connect };
  });

  after(async () => {
    for (const [key, value] of previous) await settings().update(key, value, vscode.ConfigurationTarget.Global);
    previous.clear();
  });

  return () => {
    assert.ok(host, 'the extension host fixture runs in a before() hook');
    return host;
  };
}

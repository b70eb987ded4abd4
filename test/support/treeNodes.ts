// The tree as the extension host's test API sees it, for the integration suites.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSimulators } from '../../src/simulator/index';
import type { SimulatorOptions } from '../../src/simulator/types';
import { until } from './wait';
import type { Connection } from '../../src/connections/connection';
import type { OpsTasksTestApi } from '../../src/extension';
import type { TaskNode } from '../../src/tree/nodes';

/** The connection of this name; fails the test when it is not configured. */
export function configuredConnection(api: OpsTasksTestApi, name: string): Connection {
  const found = api.registry.get(name);
  assert.ok(found, `connection ${name} is not configured`);
  return found;
}

/** The task rows under the tree node of this connection. */
export async function connectionTaskNodes(api: OpsTasksTestApi, name: string): Promise<TaskNode[]> {
  const roots = await api.provider.getChildren();
  const connectionNode = roots.find((node) => node.kind === 'connection' && node.connection.name === name);
  assert.ok(connectionNode, `no tree node for ${name}`);
  return (await api.provider.loadedChildren(connectionNode)).filter((node): node is TaskNode => node.kind === 'task');
}

/** Sets an `opsTasks.*` user setting (undefined removes it). */
export function setOpsSetting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration().update(`opsTasks.${key}`, value, vscode.ConfigurationTarget.Global);
}

/** Stops every watch (Notify When Done) the suite left. */
export function forgetWatches(api: OpsTasksTestApi): void {
  api.alerts.watcher.unwatch(api.alerts.watches.all().map((watch) => `${watch.connection}/${watch.id}`));
}

/** Refreshes the connection and answers the tree node of its task with this id. */
export async function refreshedTaskNode(api: OpsTasksTestApi, name: string, id: string | number): Promise<TaskNode> {
  await api.registry.refresh(configuredConnection(api, name));
  const node = (await connectionTaskNodes(api, name)).find((child) => child.task.id === String(id));
  assert.ok(node, `task ${id} is not in the tree of ${name}`);
  return node;
}

/**
 * Both simulators started and configured as the connections `names.lxca` and `names.jp1ao`, their
 * passwords stored; cancels unconfirmed and watched tasks read every second. The caller resets
 * the settings and closes the simulators.
 */
export async function connectBothSimulators(
  api: OpsTasksTestApi,
  names: { lxca: string; jp1ao: string },
  options: SimulatorOptions,
): Promise<Awaited<ReturnType<typeof startSimulators>>> {
  const sims = await startSimulators(options);
  const setting = setOpsSetting;
  await setting('confirmCancel', false);
  await setting('refresh.activeIntervalSeconds', 1);
  await setting('refresh.idleIntervalSeconds', 1);
  await setting('connections', [
    { name: names.lxca, kind: 'lxca', baseUrl: sims.lxca.url, username: sims.lxca.username },
    { name: names.jp1ao, kind: 'jp1ao', baseUrl: sims.jp1ao.url, username: sims.jp1ao.username },
  ]);
  await until('the connections', () => api.registry.get(names.lxca) && api.registry.get(names.jp1ao));
  await api.registry.credentials.storeQuietly(configuredConnection(api, names.lxca).config, sims.lxca.password);
  await api.registry.credentials.storeQuietly(configuredConnection(api, names.jp1ao).config, sims.jp1ao.password);
  return sims;
}

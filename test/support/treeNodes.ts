// The tree as the extension host's test API sees it, for the integration suites.
import * as assert from 'node:assert/strict';
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

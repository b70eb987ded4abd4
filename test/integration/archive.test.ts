// The Archived Tasks node of a JP1/AO connection inside the real extension host: what it lists
// after Archive, the filter, paging with "Load more…", and that an archived row offers Show Details only.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { OpsTasksTestApi } from '../../src/extension';
import { startJp1aoSimulator, type Jp1aoSimulator } from '../../src/simulator/index';
import type { ArchiveNode, TaskNode, TreeNode } from '../../src/tree/nodes';
import { until } from '../support/wait';
import { useExtensionHost } from '../support/extensionHost';

const name = 'Archive JP1/AO';

describe('Archived Tasks in the extension host', function () {
  this.timeout(60_000);
  let api: OpsTasksTestApi;
  let jp1ao: Jp1aoSimulator;
  const host = useExtensionHost();

  before(async function () {
    this.timeout(60_000);
    api = host().api;
    jp1ao = await startJp1aoSimulator({ size: 12, newItemEveryMs: 0 });
    await host().setSettings({ 'opsTasks.pageSize': 10, 'opsTasks.confirmCancel': false });
    await host().connect([{ name, kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username }], { [name]: jp1ao.password });
    await api.registry.refresh(api.registry.get(name)!);
  });
  after(async () => {
    await api.registry.setQuery({});
    await jp1ao?.close();
  });

  const children = async (node?: TreeNode) => {
    const parent = node ?? api.provider.getChildren().find((n) => n.kind === 'connection' && n.connection.name === name);
    assert.ok(parent, `${name} is in the tree`);
    return api.provider.loadedChildren(parent);
  };
  const archiveNode = async () => {
    const node = (await children()).at(-1);
    assert.equal(node?.kind, 'archive', 'the connection ends with Archived Tasks');
    return node as ArchiveNode;
  };

  it('lists a task after Archive, offers only Show Details on it, filters and pages', async () => {
    const archive = await archiveNode();
    const item = api.provider.getTreeItem(archive);
    assert.equal(item.label, 'Archived Tasks');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);

    const finished = jp1ao.tasks().slice(0, 11);
    finished.forEach((task, index) => jp1ao.setTaskStatus(task.instanceID, index % 3 ? 'completed' : 'failed'));
    // Ten archived by another user, straight on the server; the last one from the tree.
    for (const task of finished.slice(1)) {
      const response = await fetch(`${jp1ao.url}/Automation/v1/objects/Tasks/${task.instanceID}/actions/archive/invoke`, {
        method: 'POST',
        headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(`${jp1ao.username}:${jp1ao.password}`).toString('base64')}` },
      });
      assert.equal(response.status, 200);
    }
    await api.registry.refresh(api.registry.get(name)!);
    const node = (await children()).find((n): n is TaskNode => n.kind === 'task' && n.task.id === String(finished[0]!.instanceID));
    assert.ok(node, 'the last finished task is in the tree');
    await vscode.commands.executeCommand('opsTasks.archive', node, [node]);
    await until('the task to leave the list', () => jp1ao.histories().length === finished.length);

    const rows = await children(await archiveNode());
    const archived = rows.filter((n) => n.kind === 'archivedTask');
    assert.equal(archived.length, 10, 'one page of the page size');
    assert.equal(rows.at(-1)?.kind, 'archiveMore');
    assert.equal(api.provider.getTreeItem(archived[0]!).contextValue, 'opsArchivedTask#jp1ao#');
    assert.equal(api.provider.getParent(archived[0]!), await archiveNode());

    await vscode.commands.executeCommand('opsTasks.loadMoreArchived', name);
    assert.equal((await children(await archiveNode())).filter((n) => n.kind === 'archivedTask').length, 11);

    await api.registry.setQuery({ categories: ['failed'] });
    const failedOnly = (await children(await archiveNode())).filter((n) => n.kind === 'archivedTask');
    assert.equal(failedOnly.length, finished.filter((_, index) => index % 3 === 0).length);
    assert.ok(failedOnly.every((n) => n.kind === 'archivedTask' && n.task.category === 'failed'));
    await api.registry.setQuery({});
  });
});

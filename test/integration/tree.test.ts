// The task tree inside a real extension host, against both simulators over loopback: connections
// from settings, passwords in SecretStorage, tree contents, error nodes, polling and diffing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpsTasksTestApi } from '../../src/extension';
import { secretKey } from '../../src/connections/credentials';
import type { ConnectionConfig } from '../../src/connections/config';
import type { MessageNode, TaskNode, TreeNode } from '../../src/tree/nodes';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { type ExtensionHost, useExtensionHost } from '../support/extensionHost';
import { everyRequestAnswered, sleep, until } from '../support/wait';
import { pinJob } from '../support/pinJobs';

const settings = () => vscode.workspace.getConfiguration();
let api: OpsTasksTestApi;
let lxca: LxcaSimulator;
let jp1ao: Jp1aoSimulator;

const lxcaConfig = (): ConnectionConfig => ({ name: 'tree-lxca', kind: 'lxca', baseUrl: lxca.url, username: lxca.username });
const jp1aoConfig = (): ConnectionConfig => ({ name: 'tree-jp1ao', kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username });

let configure: ExtensionHost['connect'];

async function connectionNode(name: string): Promise<TreeNode> {
  const roots = await api.provider.getChildren();
  const node = roots.find((n) => n.kind === 'connection' && n.connection.name === name);
  assert.ok(node, `no connection node ${name}`);
  return node;
}

async function childrenOf(name: string): Promise<TreeNode[]> {
  return api.provider.loadedChildren(await connectionNode(name));
}

const labelOf = (node: TreeNode) => String(api.provider.getTreeItem(node).label);

describe('the task tree in the extension host', function () {
  this.timeout(60_000);

  const host = useExtensionHost();

  before(async () => {
    api = host().api;
    configure = host().connect;
    lxca = await startLxcaSimulator({ size: 260, seed: 11, newItemEveryMs: 0 });
    jp1ao = await startJp1aoSimulator({ size: 240, seed: 12, newItemEveryMs: 0 });
    await host().setSettings({ 'opsTasks.refresh.activeIntervalSeconds': 3600, 'opsTasks.refresh.idleIntervalSeconds': 3600, 'opsTasks.pageSize': undefined });
  });

  after(async () => {
    await configure([], {});
    await lxca.close();
    await jp1ao.close();
  });

  it('shows both connections with a summary, their newest tasks and a Load more node', async () => {
    await configure([lxcaConfig(), jp1aoConfig()], { 'tree-lxca': lxca.password, 'tree-jp1ao': jp1ao.password });
    const lxcaChildren = await childrenOf('tree-lxca');
    const tasks = lxcaChildren.filter((n): n is TaskNode => n.kind === 'task');
    assert.equal(tasks.length, 200, 'the first page (opsTasks.pageSize)');
    assert.equal(lxcaChildren.at(-1)!.kind, 'loadMore');
    assert.match(String(api.provider.getTreeItem(lxcaChildren.at(-1)!).description), /^200 of 26\d shown$/);
    const item = api.provider.getTreeItem(tasks[0]);
    assert.equal(item.id, `tree-lxca/${tasks[0].task.id}`);
    assert.match(String(item.contextValue), /^opsTask#lxca#/);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    const summary = String(api.provider.getTreeItem(await connectionNode('tree-lxca')).description);
    assert.match(summary, /running|pending|failed|nothing running/);

    const jp1aoTasks = (await childrenOf('tree-jp1ao')).filter((n): n is TaskNode => n.kind === 'task');
    assert.equal(jp1aoTasks.length, 200);
    assert.match(String(api.provider.getTreeItem(jp1aoTasks[0]).contextValue), /^opsTask#jp1ao#.*editNotes#/);
  });

  it('nests LXCA subtasks under their job', async () => {
    const withChildren = (await childrenOf('tree-lxca')).find((n): n is TaskNode => n.kind === 'task' && n.task.children.length > 0);
    assert.ok(withChildren, 'the simulator seeds jobs with subtasks');
    assert.equal(api.provider.getTreeItem(withChildren).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const subtasks = await api.provider.getChildren(withChildren);
    assert.equal(subtasks.length, withChildren.task.children.length);
    assert.deepEqual(subtasks.map(labelOf), withChildren.task.children.map((t) => t.title));
  });

  it('loads the next page on Load more', async () => {
    await vscode.commands.executeCommand('opsTasks.loadMore', 'tree-lxca');
    const children = await childrenOf('tree-lxca');
    assert.equal(children.filter((n) => n.kind === 'task').length, lxca.jobs().length);
    assert.ok(!children.some((n) => n.kind === 'loadMore'));
  });

  it('keeps the password in SecretStorage only, bound to the server it was typed for', async () => {
    const stored = await api.registry.credentials.get(lxcaConfig());
    assert.equal(stored, lxca.password);
    const inSettings = JSON.stringify(settings().inspect('opsTasks.connections'));
    assert.ok(!inSettings.includes(lxca.password), 'no password in settings');
    const movedElsewhere = { ...lxcaConfig(), baseUrl: 'https://elsewhere.invalid' };
    assert.equal(await api.registry.credentials.get(movedElsewhere), undefined);
    assert.notEqual(secretKey(movedElsewhere), secretKey(lxcaConfig()));
  });

  it('fires no tree event for a refresh that changes nothing, and only the changed node otherwise', async () => {
    for (const job of lxca.jobs()) pinJob(lxca, job, 'Complete', 100);
    await vscode.commands.executeCommand('opsTasks.refresh', 'tree-lxca');
    await childrenOf('tree-lxca');
    const events: (TreeNode | TreeNode[] | undefined)[] = [];
    const subscription = api.provider.onDidChangeTreeData((e) => events.push(e));
    try {
      await vscode.commands.executeCommand('opsTasks.refresh', 'tree-lxca');
      assert.equal(events.length, 0, 'nothing changed, nothing fired');
      const target = (await childrenOf('tree-lxca')).find((n): n is TaskNode => n.kind === 'task')!;
      // Another job failing changes the summary too; pick one whose change keeps it ("nothing running").
      lxca.setJobStatus(target.task.id, 'Cancelled');
      await vscode.commands.executeCommand('opsTasks.refresh', 'tree-lxca');
      assert.equal(events.length, 1);
      const fired = ([] as (TreeNode | undefined)[]).concat(events[0]);
      assert.deepEqual(fired, [target], 'the same node object, so VS Code keeps expansion and selection');
      assert.equal(target.task.category, 'cancelled');
    } finally {
      subscription.dispose();
    }
  });

  it('shows an unreachable server as an error node with Retry above the last tasks, marked stale, and recovers', async () => {
    const port = Number(new URL(lxca.url).port);
    const before = (await childrenOf('tree-lxca')).filter((n): n is TaskNode => n.kind === 'task').map((n) => n.task.key);
    assert.ok(before.length > 0);
    await lxca.close();
    await vscode.commands.executeCommand('opsTasks.refresh', 'tree-lxca');
    const children = await childrenOf('tree-lxca');
    const nodes = children.filter((n): n is MessageNode => n.kind === 'message');
    assert.equal(children[0].kind, 'message');
    assert.match(nodes[0].label, /127\.0\.0\.1:\d+/);
    assert.deepEqual(nodes.slice(1).map((n) => n.label), ['Retry', 'Edit Connection…', 'Show Log']);
    const kept = children.filter((n): n is TaskNode => n.kind === 'task').map((n) => n.task.key);
    assert.deepEqual(kept, before, 'the tasks last read stay through the outage');
    assert.match(String(api.provider.getTreeItem(await connectionNode('tree-lxca')).description), /^last updated /);
    lxca = await startLxcaSimulator({ size: 30, seed: 5, lxcaPort: port, newItemEveryMs: 0 });
    await vscode.commands.executeCommand(nodes[1].options.command!.command, ...(nodes[1].options.command!.arguments ?? []));
    const tasks = (await childrenOf('tree-lxca')).filter((n) => n.kind === 'task');
    assert.equal(tasks.length, 30);
  });

  it('shows a wrong password as Sign-in failed with Set Password, and stops trying', async () => {
    await configure([lxcaConfig()], { 'tree-lxca': lxca.password });
    await api.registry.credentials.store(lxcaConfig(), 'not-the-password');
    const nodes = await until('the sign-in failure to show', async () => {
      const children = (await childrenOf('tree-lxca')) as MessageNode[];
      return children[0].kind === 'message' ? children : undefined;
    });
    assert.match(nodes[0].label, /^Sign-in failed/);
    assert.ok(!nodes[0].label.includes('not-the-password'));
    assert.equal(nodes[1].label, 'Set Password…');
    assert.equal(nodes[1].options.command?.command, 'opsTasks.setPassword');
    const logins = () => lxca.requests.filter((r) => r.path === '/sessions' && r.method === 'POST').length;
    const before = logins();
    await settings().update('opsTasks.refresh.idleIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    await settings().update('opsTasks.refresh.activeIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('opsTasks.tasks.focus');
    // Nothing to wait for when nothing may happen: the window is two polling intervals and a half.
    await sleep(2500);
    assert.equal(logins(), before, 'no sign-in retried by polling with a rejected password');
    await api.registry.credentials.store(lxcaConfig(), lxca.password);
    await until('the tree to load with the new password', async () =>
      (await childrenOf('tree-lxca')).some((n) => n.kind === 'task'),
    );
  });

  it('polls while the view is visible and stops when it is hidden', async function () {
    if (!vscode.window.state.focused) this.skip(); // polling also waits for a focused window
    await vscode.commands.executeCommand('opsTasks.tasks.focus');
    // A poll reads the whole list or, while jobs run, only the unfinished ones (GET /tasks/{ids}).
    const lists = () => lxca.requests.filter((r) => r.method === 'GET' && (r.path === '/tasks' || r.path.startsWith('/tasks/'))).length;
    const start = lists();
    await until('polls at the 1 s interval', () => lists() >= start + 2, 8000);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await everyRequestAnswered(lxca); // a poll that started before the view closed ends
    const hidden = lists();
    await sleep(2500); // two polling intervals and a half, in which nothing may be read
    assert.equal(lists(), hidden, 'no polling while the view is hidden');
  });

  it('counts running tasks in the view badge', async () => {
    await configure([lxcaConfig()], { 'tree-lxca': lxca.password });
    const running = lxca.jobs().slice(0, 3);
    for (const job of running) lxca.setJobStatus(job.jobUID, 'Running', 40);
    await vscode.commands.executeCommand('opsTasks.refresh', 'tree-lxca');
    const shown = api.registry.get('tree-lxca')!.store.tasks.filter((t) => t.category === 'running' || t.category === 'runningWithErrors').length;
    assert.ok(shown >= 3);
    assert.equal(api.view.badge?.value, shown);
  });

  it('starts the demo: two simulated servers whose passwords come from the servers, live tasks', async () => {
    await configure([], {});
    await vscode.commands.executeCommand('opsTasks.startDemo');
    const names = api.registry.all().map((c) => c.name);
    assert.deepEqual(names, ['Demo LXCA', 'Demo JP1/AO']);
    for (const connection of api.registry.all()) {
      assert.ok(await api.registry.credentials.get(connection.config), `${connection.name} has its password without a prompt`);
      assert.match(connection.config.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      const children = await childrenOf(connection.name);
      assert.ok(children.filter((n) => n.kind === 'task').length > 50, `${connection.name} shows its tasks`);
    }
    assert.ok(!JSON.stringify(settings().inspect('opsTasks.connections')).match(/Passw0rd/), 'no password in settings');
  });

  it('turns a broken setting entry into a message node instead of failing', async () => {
    await settings().update(
      'opsTasks.connections',
      [lxcaConfig(), { name: 'broken', kind: 'other', baseUrl: 'x', username: 'u' }],
      vscode.ConfigurationTarget.Global,
    );
    const roots = await until('the tree to show the broken entry', async () => {
      const nodes = await api.provider.getChildren();
      return nodes.length === 2 ? nodes : undefined;
    });
    assert.equal(roots[1].kind, 'message');
    assert.match((roots[1] as MessageNode).label, /^broken: the setting needs "kind"/);
  });
});

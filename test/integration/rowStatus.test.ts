// What the rows, the badge and the completion notices say, inside the real extension host against
// both simulators (started here): the status keeps its icon, running work shows its progress,
// counts and rows that cannot be current say as of when, and tasks that end together are told
// about in one notification.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpsTasksTestApi } from '../../src/extension';
import type { ActionReport } from '../../src/commands/actionReport';
import type { CompletionNotice } from '../../src/alerts/notifier';
import type { TaskNode } from '../../src/tree/nodes';
import type { startSimulators, Jp1aoSimulator, LxcaSimulator } from '../../src/simulator/index';
import { markToDo } from '../support/jp1aoEdits';
import { sleep, until } from '../support/wait';
import { activatedApi } from '../support/extensionHost';
import { configuredConnection, connectBothSimulators, connectionTaskNodes, forgetWatches, refreshedTaskNode, setOpsSetting } from '../support/treeNodes';

const lxcaName = 'rows-lxca';
const jp1aoName = 'rows-jp1ao';

let api: OpsTasksTestApi;
let sims: Awaited<ReturnType<typeof startSimulators>>;
let lxca: LxcaSimulator;
let jp1ao: Jp1aoSimulator;
let notices: CompletionNotice[] = [];
let subscription: vscode.Disposable;

const connection = (name: string) => configuredConnection(api, name);
const setting = setOpsSetting;

const nodeOf = (name: string, id: string | number) => refreshedTaskNode(api, name, id);

const iconOf = (node: TaskNode) => api.provider.getTreeItem(node).iconPath;
const themeIconId = (node: TaskNode) => {
  const icon = iconOf(node);
  return icon instanceof vscode.ThemeIcon ? icon.id : undefined;
};

describe('row status, counts and grouped notices against the simulators', function () {
  this.timeout(60_000);

  before(async () => {
    api = await activatedApi();
    subscription = api.alerts.notifier.onDidNotify((notice) => notices.push(notice));
    sims = await connectBothSimulators(api, { lxca: lxcaName, jp1ao: jp1aoName }, { size: 30, newItemEveryMs: 0 });
    lxca = sims.lxca;
    jp1ao = sims.jp1ao;
  });

  after(async () => {
    subscription?.dispose();
    forgetWatches(api);
    for (const key of ['connections', 'confirmCancel', 'refresh.activeIntervalSeconds', 'refresh.idleIntervalSeconds']) await setting(key, undefined);
    await sims?.close();
  });

  beforeEach(() => {
    notices = [];
    lxca.faults.failNext = undefined;
  });

  it('tells about three jobs cancelled together in one notification', async () => {
    const ids = ['Cancel together A', 'Cancel together B', 'Cancel together C'].map((name) => lxca.addJob({ name, status: 'Running', percentage: 10 }));
    await api.registry.refresh(connection(lxcaName));
    const nodes = (await connectionTaskNodes(api, lxcaName)).filter((node) => ids.includes(node.task.id));
    assert.equal(nodes.length, 3);
    const report = await vscode.commands.executeCommand<ActionReport>('opsTasks.cancel', nodes[0], nodes);
    assert.equal(report!.succeeded.length, 3);
    const keys = nodes.map((node) => node.task.key).sort();
    const [notice] = await until('the notification', () => notices.length > 0 && notices);
    assert.deepEqual([...notice!.keys].sort(), keys);
    assert.equal(notice!.text, `3 jobs on ${lxcaName} finished: 3 Cancelled.`);
    await sleep(2_500);
    assert.equal(notices.length, 1, `one notification, not one per job: ${notices.map((n) => n.text).join(' | ')}`);
  });

  it('times a retried JP1/AO task from its latest start: the row says started just now, the notice how long the retry ran', async () => {
    const failed = jp1ao.tasks().find((task) => task.status === 'failed' && String(task.supportedActionType).includes('retry') && task.scheduleID === undefined);
    assert.ok(failed, 'the simulator has a retryable failed task');
    const node = await nodeOf(jp1aoName, failed.instanceID);
    assert.ok(Date.now() - node.task.start! > 10 * 60_000, 'its first run started long ago');
    const report = await vscode.commands.executeCommand<ActionReport>('opsTasks.retry', node, [node]);
    assert.equal(report!.succeeded.length, 1);
    const retried = await nodeOf(jp1aoName, failed.instanceID);
    assert.match(String(api.provider.getTreeItem(retried).description), /^(🔔 )?In Progress · .*started just now$/);
    jp1ao.setTaskStatus(failed.instanceID, 'completed');
    const [notice] = await until('the notification', () => notices.length > 0 && notices, 20_000);
    assert.match(notice!.text, /finished: Completed \(ran \d+ s\)\.$/, notice!.text);
  });

  it('keeps the status icon of a TODO task and marks TODO in the description; a task waiting for an answer has no bell', async () => {
    const tasks = jp1ao.tasks().filter((task) => task.scheduleID === undefined);
    const [failed, waiting] = tasks.slice(-2) as [(typeof tasks)[number], (typeof tasks)[number]];
    jp1ao.setTaskStatus(failed.instanceID, 'failed');
    await markToDo(jp1ao, failed.instanceID);
    jp1ao.setTaskStatus(waiting.instanceID, 'waitingResponse');
    const todoNode = await nodeOf(jp1aoName, failed.instanceID);
    assert.equal(themeIconId(todoNode), 'error', 'a failed TODO task shows the failure');
    assert.match(String(api.provider.getTreeItem(todoNode).description), /^[^·]+ · TODO\b/);
    const waitingNode = await nodeOf(jp1aoName, waiting.instanceID);
    assert.ok(!/bell/.test(themeIconId(waitingNode) ?? ''), `not the Notify When Done bell: ${themeIconId(waitingNode)}`);
  });

  it('draws the progress of a running job into its icon and puts it after the status', async () => {
    const id = lxca.addJob({ name: 'Progress drawn', status: 'Running', percentage: 47 });
    const node = await nodeOf(lxcaName, id);
    const icon = iconOf(node) as { light: vscode.Uri; dark: vscode.Uri };
    assert.match(icon.dark.path, /media\/progress\/running-050-dark\.svg$/);
    assert.match(icon.light.path, /media\/progress\/running-050-light\.svg$/);
    assert.match(String(api.provider.getTreeItem(node).description), /^Running 47% · started /);
    const tooltip = api.provider.getTreeItem(node).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Started: /);
  });

  it('says as of when on the badge while nothing polls, and on the rows of a connection that cannot be read, which stop spinning', async () => {
    assert.equal(api.view.visible, false, 'the Tasks view is not shown in this host, so nothing polls');
    const id = lxca.addJob({ name: 'Running while unreachable', status: 'Running' });
    await api.registry.refreshAll();
    assert.ok(!/as of/.test(String(api.view.badge?.tooltip)), `fresh counts are current: ${api.view.badge?.tooltip}`);
    // Two polls at the active interval (1 s) and some slack: then the counts say how old they are.
    await until('the badge says as of when', () => /\(as of \d/.test(String(api.view.badge?.tooltip)), 15_000);

    const node = await nodeOf(lxcaName, id);
    lxca.faults.failNext = { status: 503, count: 1_000 };
    await api.registry.refresh(connection(lxcaName));
    assert.equal(connection(lxcaName).store.state.kind, 'failed');
    const item = api.provider.getTreeItem(node);
    assert.match(String(item.description), /^Running( \d+%)? · as of \d/);
    assert.notEqual(themeIconId(node), 'loading~spin', 'a row that cannot be read does not spin');
    lxca.faults.failNext = undefined;
    await api.registry.refresh(connection(lxcaName));
    assert.doesNotMatch(String(api.provider.getTreeItem(node).description), /as of/);
  });
});

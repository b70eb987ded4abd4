// Completion alerts, the Activity log, "Running first" and the counts, inside the real extension
// host against both simulators (started here), checking what the servers received.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpsTasksTestApi } from '../../src/extension';
import type { ActionReport } from '../../src/commands/actionReport';
import type { CompletionNotice } from '../../src/alerts/notifier';
import type { ResponseNotice } from '../../src/alerts/responseAlerts';
import { startLxcaSimulator, startSimulators, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { everyRequestAnswered, sleep, until } from '../support/wait';
import { activatedApi } from '../support/extensionHost';
import { configuredConnection, connectBothSimulators, connectionTaskNodes, forgetWatches, refreshedTaskNode, setOpsSetting } from '../support/treeNodes';

const lxcaName = 'alerts-lxca';
const jp1aoName = 'alerts-jp1ao';
const orderName = 'order-lxca';
/** The active interval connectBothSimulators sets. */
const activeIntervalMs = 1000;

let api: OpsTasksTestApi;
let sims: Awaited<ReturnType<typeof startSimulators>>;
let lxca: LxcaSimulator;
let jp1ao: Jp1aoSimulator;
let notices: CompletionNotice[] = [];
let subscription: vscode.Disposable;

const connection = (name: string) => configuredConnection(api, name);
const taskNodesOf = (name: string) => connectionTaskNodes(api, name);

const nodeOf = (name: string, id: string | number) => refreshedTaskNode(api, name, id);

const setting = setOpsSetting;
const noticesFor = (key: string) => notices.filter((notice) => notice.keys.includes(key));
const runningJob = (name: string) => lxca.addJob({ name, status: 'Running', percentage: 10 });

describe('completion alerts, Activity and counts against the simulators', function () {
  this.timeout(60_000);

  before(async () => {
    api = await activatedApi();
    subscription = api.alerts.notifier.onDidNotify((notice) => notices.push(notice));
    // The watched tasks are read every second, focused or not.
    sims = await connectBothSimulators(api, { lxca: lxcaName, jp1ao: jp1aoName }, { size: 40, newItemEveryMs: 0 });
    lxca = sims.lxca;
    jp1ao = sims.jp1ao;
  });

  after(async () => {
    subscription?.dispose();
    forgetWatches(api);
    for (const key of ['connections', 'confirmCancel', 'refresh.activeIntervalSeconds', 'refresh.idleIntervalSeconds', 'notifications', 'pageSize']) {
      await setting(key, undefined);
    }
    await vscode.commands.executeCommand('opsTasks.showNewestFirst');
    await sims?.close();
  });

  beforeEach(async () => {
    notices = [];
    await setting('notifications', undefined);
    lxca.faults.failNext = undefined;
  });

  describe('Notify When Done', () => {
    it('tells once, with name, connection, final status, duration and two buttons, when a watched task finishes', async () => {
      const id = runningJob('Firmware update');
      const node = await nodeOf(lxcaName, id);
      await vscode.commands.executeCommand('opsTasks.notifyWhenDone', node, [node]);
      assert.ok(api.alerts.watches.has(node.task.key));
      const watchedItem = api.provider.getTreeItem(node);
      assert.match(String(watchedItem.description), /^🔔 /, 'the row carries a bell');
      assert.match(String(watchedItem.contextValue), /#watched#/);

      lxca.setJobStatus(id, 'Complete', 100);
      const [notice] = await until('the notification', () => noticesFor(node.task.key).length > 0 && noticesFor(node.task.key));
      assert.match(notice!.text, new RegExp(`^Job "Firmware update" on ${lxcaName} finished: Complete \\(ran \\d+ s\\)\\.$`));
      assert.equal(notice!.severity, 'info');
      assert.deepEqual(notice!.buttons, ['Show Details', 'Reveal in Tree']);
      assert.equal(notice!.reason, 'watched');
      assert.ok(!api.alerts.watches.has(node.task.key), 'the watch ends with the task');
      await everyRequestAnswered(lxca);
      assert.equal(noticesFor(node.task.key).length, 1, 'one notification, not one per read');
      assert.doesNotMatch(String(api.provider.getTreeItem(node).description), /🔔/);
    });

    it('reads only the watched jobs while the view is hidden, and nothing once they are done', async () => {
      assert.equal(api.view.visible, false, 'the Tasks view is not shown in this host');
      const ids = [runningJob('Watched A'), runningJob('Watched B')];
      // One after the other: a refresh during another queues a third load.
      const nodes = [await nodeOf(lxcaName, ids[0]!), await nodeOf(lxcaName, ids[1]!)];
      await vscode.commands.executeCommand('opsTasks.notifyWhenDone', nodes[0], nodes);
      lxca.clearRequests();
      jp1ao.clearRequests();
      const reads = await until('two reads of the watched jobs', () => {
        const seen = lxca.requests.filter((request) => request.path !== '/sessions');
        return seen.length >= 2 && seen;
      });
      for (const request of reads) {
        assert.equal(request.method, 'GET');
        assert.deepEqual(request.path.slice('/tasks/'.length).split(',').sort(), [...ids].sort(), `only the watched jobs: ${request.path}`);
      }
      assert.deepEqual(jp1ao.requests, [], 'nothing else polls');

      lxca.setJobStatus(ids[0]!, 'Stopped_With_Error');
      const [failure] = await until('the failure', () => noticesFor(nodes[0]!.task.key).length > 0 && noticesFor(nodes[0]!.task.key));
      assert.equal(failure!.severity, 'error');
      assert.match(failure!.text, /finished: Stopped with error/);
      await everyRequestAnswered(lxca);
      lxca.clearRequests();
      const later = await until('two reads of the job still watched', () => {
        const seen = lxca.requests.filter((request) => request.path !== '/sessions');
        return seen.length >= 2 && seen;
      });
      assert.ok(later.every((request) => request.path === `/tasks/${ids[1]}`), 'only the job still watched');
      lxca.setJobStatus(ids[1]!, 'Complete', 100);
      await until('the second notification', () => noticesFor(nodes[1]!.task.key).length > 0);
      await everyRequestAnswered(lxca);
      lxca.clearRequests();
      // Nothing to wait for when nothing may happen: the window is two active intervals.
      await sleep(2 * activeIntervalMs);
      assert.deepEqual(lxca.requests, [], 'no watch, no reads');
    });

    it('leaves the watched jobs of a busy server alone for as long as its Retry-After asks, then reads them again', async () => {
      const id = runningJob('Watched while busy');
      const node = await nodeOf(lxcaName, id);
      await vscode.commands.executeCommand('opsTasks.notifyWhenDone', node, [node]);
      await everyRequestAnswered(lxca);
      lxca.clearRequests();
      const retryAfterSeconds = 4;
      lxca.faults.failNext = { status: 429, count: 1, path: /^\/tasks\//, retryAfterSeconds };
      const refused = await until('the busy answer', () => lxca.requests.find((request) => request.status === 429));
      const refusedAt = Date.now();
      const next = await until('the next read of the watched job', () => lxca.requests.find((request) => request !== refused && request.path === `/tasks/${id}`), 15_000);
      const waitedMs = Date.now() - refusedAt;
      assert.ok(waitedMs >= retryAfterSeconds * 1000 - activeIntervalMs, `read again after ${waitedMs} ms, asked to wait ${retryAfterSeconds} s`);
      assert.equal(next.method, 'GET');
      assert.ok(api.alerts.watches.has(node.task.key), 'still watched');
      lxca.setJobStatus(id, 'Complete', 100);
      await until('the notification', () => noticesFor(node.task.key).length > 0);
      await everyRequestAnswered(lxca);
    });

    it('reads a JP1/AO task by its id', async () => {
      const task = jp1ao.tasks().find((candidate) => candidate.status === 'inProgress');
      assert.ok(task, 'the simulator has a running task');
      const node = await nodeOf(jp1aoName, task.instanceID);
      await vscode.commands.executeCommand('opsTasks.notifyWhenDone', node, [node]);
      jp1ao.clearRequests();
      jp1ao.setTaskStatus(task.instanceID, 'completed');
      await until('the notification', () => noticesFor(node.task.key).length > 0);
      assert.ok(jp1ao.requests.some((request) => request.method === 'GET' && request.path.endsWith(`/Tasks/${task.instanceID}`)));
      assert.match(noticesFor(node.task.key)[0]!.text, /^Task ".+" on alerts-jp1ao finished: Completed/);
    });

    it('shows nothing when notifications are off, and still ends the watch', async () => {
      await setting('notifications', 'off');
      const id = runningJob('Quiet job');
      const node = await nodeOf(lxcaName, id);
      await vscode.commands.executeCommand('opsTasks.notifyWhenDone', node, [node]);
      lxca.setJobStatus(id, 'Complete', 100);
      await until('the watch to end', () => !api.alerts.watches.has(node.task.key));
      await everyRequestAnswered(lxca);
      assert.deepEqual(notices, []);
    });

    it('tells about a failure of a task nobody watched with watchedAndFailures, and not with watched', async () => {
      const quiet = runningJob('Fails unwatched, setting watched');
      await nodeOf(lxcaName, quiet);
      lxca.setJobStatus(quiet, 'Stopped_With_Error');
      await api.registry.refresh(connection(lxcaName));
      assert.deepEqual(noticesFor(`${lxcaName}/${quiet}`), []);

      await setting('notifications', 'watchedAndFailures');
      const id = runningJob('Fails unwatched');
      await nodeOf(lxcaName, id);
      lxca.setJobStatus(id, 'Stopped_With_Error');
      await api.registry.refresh(connection(lxcaName));
      const [notice] = noticesFor(`${lxcaName}/${id}`);
      assert.ok(notice, 'a notification for the failure');
      assert.equal(notice.reason, 'failure');
      assert.equal(notice.severity, 'error');
      assert.match(notice.text, /^Job "Fails unwatched" on alerts-lxca finished: Stopped with error/);
    });

    it('can stop watching, and the bell goes', async () => {
      const id = runningJob('Watched, then not');
      const node = await nodeOf(lxcaName, id);
      await vscode.commands.executeCommand('opsTasks.notifyWhenDone', node, [node]);
      assert.ok(api.alerts.watches.has(node.task.key));
      await vscode.commands.executeCommand('opsTasks.stopWatching', node, [node]);
      assert.ok(!api.alerts.watches.has(node.task.key));
      assert.doesNotMatch(String(api.provider.getTreeItem(node).description), /🔔/);
      lxca.setJobStatus(id, 'Complete', 100);
      await api.registry.refresh(connection(lxcaName)); // the tree reads the job's end
      assert.equal(connection(lxcaName).store.find(node.task.key)?.status, 'Complete');
      assert.deepEqual(noticesFor(node.task.key), []);
    });
  });

  describe('tasks waiting for a response', () => {
    it('tells once when a loaded task starts waiting (watchedAndResponses, the default), and not with watched', async () => {
      const responses: ResponseNotice[] = [];
      const listening = api.alerts.responses.onDidNotify((notice) => responses.push(notice));
      try {
        const [quiet, told] = jp1ao.tasks().filter((task) => task.status === 'completed').slice(0, 2);
        assert.ok(quiet && told, 'two finished JP1/AO tasks');
        await api.registry.refresh(connection(jp1aoName));
        await setting('notifications', 'watched');
        jp1ao.addResponseWait(quiet.instanceID);
        await api.registry.refresh(connection(jp1aoName));
        assert.equal(responses.length, 0, "no notification with the setting at watched");

        await setting('notifications', undefined);
        jp1ao.addResponseWait(told.instanceID);
        await api.registry.refresh(connection(jp1aoName));
        await api.registry.refresh(connection(jp1aoName));
        assert.deepEqual(responses.map((notice) => notice.key), [`${jp1aoName}/${told.instanceID}`], 'one notification, for the task that started waiting');
        assert.equal(responses[0]!.text, `Task "${told.name}" on ${jp1aoName} is waiting for your response`);
        assert.deepEqual(responses[0]!.buttons, ['Respond…', 'Show Details']);
        const row = api.provider.getTreeItem((await taskNodesOf(jp1aoName)).find((node) => node.task.id === String(told.instanceID))!);
        assert.match(String(row.description), /^needs response · Waiting for Response/);
        assert.match(String(row.contextValue), /#respond#/);
      } finally {
        listening.dispose();
      }
    });
  });

  describe('Activity', () => {
    it('lists a cancel that worked and one the server refused, with its words, newest first; cancelled jobs are watched', async () => {
      const ended = runningJob('Refused by the server');
      const cancelled = runningJob('Cancelled from VS Code');
      const endedNode = await nodeOf(lxcaName, ended);
      const cancelledNode = await nodeOf(lxcaName, cancelled);
      lxca.faults.failNext = { status: 403, count: 1, path: /^\/tasks$/ };

      const refused = await vscode.commands.executeCommand<ActionReport>('opsTasks.cancel', endedNode, [endedNode]);
      const done = await vscode.commands.executeCommand<ActionReport>('opsTasks.cancel', cancelledNode, [cancelledNode]);
      assert.equal(refused!.failed.length, 1);
      assert.deepEqual(done!.succeeded, [cancelledNode.task.key]);

      const [newest, older] = api.activity.entries;
      assert.equal(newest!.kind, 'cancel');
      assert.equal(newest!.taskId, cancelled);
      assert.equal(newest!.connection, lxcaName);
      assert.equal(newest!.result, 'done');
      assert.equal(older!.taskId, ended);
      assert.equal(older!.result, 'refused');
      assert.equal(older!.message, refused!.failed[0]!.message, "the server's own words");
      assert.ok(older!.message!.length > 0);
      assert.ok(newest!.time >= older!.time);

      // A job cancelled from VS Code is watched until it ends: here it ended with the cancel.
      const [notice] = await until('the cancelled notification', () => noticesFor(cancelledNode.task.key).length > 0 && noticesFor(cancelledNode.task.key));
      assert.equal(notice!.severity, 'warning');
      // Alone, or in one notice with another watched job that ended in the same second.
      assert.match(notice!.text, /finished: (Cancelled \(|.*\b1 Cancelled\.)/);
    });

    it('tells about tasks stopped together in one notification when they end', async () => {
      const stoppable = jp1ao
        .tasks()
        .filter((task) => task.scheduleID === undefined)
        .slice(-2);
      assert.equal(stoppable.length, 2, 'the simulator has two stoppable tasks');
      for (const task of stoppable) jp1ao.setTaskStatus(task.instanceID, 'inProgress');
      const first = await nodeOf(jp1aoName, stoppable[0]!.instanceID);
      const second = await nodeOf(jp1aoName, stoppable[1]!.instanceID);
      const report = await vscode.commands.executeCommand<ActionReport>('opsTasks.stop', first, [first, second]);
      assert.equal(report!.succeeded.length, 2);
      const [notice] = await until('the notification', () => noticesFor(first.task.key).length > 0 && noticesFor(first.task.key), 20_000);
      assert.deepEqual([...notice!.keys].sort(), [first.task.key, second.task.key].sort());
      assert.equal(notice!.text, `2 tasks on ${jp1aoName} finished: 2 Canceled.`);
      assert.equal(notice!.severity, 'warning');
      assert.deepEqual(notice!.buttons, ['Show Details', 'Reveal in Tree']);
    });

    it('clears on request', async () => {
      assert.ok(api.activity.entries.length > 0);
      await vscode.commands.executeCommand('opsTasks.activity.clear');
      assert.equal(api.activity.entries.length, 0);
    });
  });

  describe('counts and order', () => {
    it('keeps the badge and the connection row on the server totals with a filter on', async () => {
      await api.registry.refreshAll();
      const running = (jobs: any[], statuses: string[]) => jobs.filter((job) => statuses.includes(String(job.status))).length;
      const expected =
        running(lxca.jobs(), ['Running', 'Running_With_Errors']) + running(jp1ao.tasks(), ['inProgress', 'waitingResponse', 'abnormalDetection', 'terminating']);
      await until('the badge', () => api.view.badge?.value === expected);
      try {
        await api.registry.setQuery({ text: 'no task is called this' });
        assert.equal(connection(lxcaName).store.tasks.length, 0);
        assert.equal(api.view.badge?.value, expected, 'the badge stays with a filter on');
        const rows = await api.provider.getChildren();
        const row = api.provider.getTreeItem(rows.find((node) => node.kind === 'connection' && node.connection.name === lxcaName)!);
        assert.match(String(row.description), new RegExp(`^${running(lxca.jobs(), ['Running', 'Running_With_Errors'])} running`));
      } finally {
        await api.registry.setQuery({});
      }
    });

    it('puts a running job older than 300 finished ones on the first page with Running first', async () => {
      const big = await startLxcaSimulator({ size: 320, seed: 4, newItemEveryMs: 0 });
      try {
        const ids = big.jobs().map((job) => Number(job.jobUID)).sort((a, b) => a - b);
        for (const id of ids.slice(1)) big.setJobStatus(String(id), 'Complete', 100);
        const oldest = String(ids[0]);
        big.setJobStatus(oldest, 'Running', 50);
        await setting('pageSize', 50);
        const current = vscode.workspace.getConfiguration('opsTasks').get<unknown[]>('connections') ?? [];
        await setting('connections', [...current, { name: orderName, kind: 'lxca', baseUrl: big.url, username: big.username }]);
        await until('the connection', () => api.registry.get(orderName));
        await api.registry.credentials.storeQuietly(connection(orderName).config, big.password);

        await api.registry.refresh(connection(orderName));
        assert.ok(!(await taskNodesOf(orderName)).some((node) => node.task.id === oldest), 'newest first, the job is behind Load more');
        await vscode.commands.executeCommand('opsTasks.showRunningFirst');
        const first = await taskNodesOf(orderName);
        assert.equal(first[0]!.task.id, oldest);
        assert.equal(first.length, 50);
        await vscode.commands.executeCommand('opsTasks.showNewestFirst');
        assert.ok(!(await taskNodesOf(orderName)).some((node) => node.task.id === oldest));
      } finally {
        await big.close();
      }
    });
  });
});

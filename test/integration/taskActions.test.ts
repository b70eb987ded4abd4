// Cancel, stop, force stop, retry and archive, run as commands inside the real extension host
// against both simulators (started here, in the host's process), checking the exact requests the
// servers received and what the tree shows afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpsTasksTestApi } from '../../src/extension';
import type { ActionReport } from '../../src/commands/actionReport';
import type { TaskNode } from '../../src/tree/nodes';
import { startSimulators, type Jp1aoSimulator, type LxcaSimulator, type RecordedRequest } from '../../src/simulator/index';
import { until } from '../support/wait';
import { configuredConnection, connectionTaskNodes } from '../support/treeNodes';
import { useExtensionHost } from '../support/extensionHost';

const lxcaName = 'actions-lxca';
const jp1aoName = 'actions-jp1ao';
const expirationSeconds = 90;

let api: OpsTasksTestApi;
let sims: Awaited<ReturnType<typeof startSimulators>>;
let lxca: LxcaSimulator;
let jp1ao: Jp1aoSimulator;

const connection = (name: string) => configuredConnection(api, name);
const taskNodesOf = (name: string) => connectionTaskNodes(api, name);

/** Reloads the connection and returns the tree nodes of the tasks with these ids, in order. */
async function nodes(name: string, ids: readonly (string | number)[]): Promise<TaskNode[]> {
  await api.registry.refresh(connection(name));
  const children = await taskNodesOf(name);
  return ids.map((id) => {
    const node = children.find((child) => child.task.id === String(id));
    assert.ok(node, `task ${id} is not in the tree of ${name}`);
    return node;
  });
}

/**
 * The tree item as VS Code would render it now. The view is not on screen here, so nothing asks
 * for the children after a change: ask for them, as a visible view would.
 */
async function shown(node: TaskNode): Promise<vscode.TreeItem> {
  await taskNodesOf(node.connection.name);
  return api.provider.getTreeItem(node);
}

async function description(node: TaskNode): Promise<string> {
  return String((await shown(node)).description ?? '');
}

async function descriptions(selection: readonly TaskNode[]): Promise<string[]> {
  return Promise.all(selection.map(description));
}

async function iconId(node: TaskNode): Promise<string | undefined> {
  return ((await shown(node)).iconPath as vscode.ThemeIcon | undefined)?.id;
}

/** Runs a task command as the tree does: the clicked node and the selection. */
async function run(command: string, selection: readonly TaskNode[]): Promise<ActionReport> {
  const report = await vscode.commands.executeCommand<ActionReport | undefined>(command, selection[0], selection);
  assert.ok(report, `${command} returned no report`);
  return report;
}

const changes = (sim: { requests: RecordedRequest[] }) => sim.requests.filter((request) => request.method !== 'GET');
const invokes = (sim: { requests: RecordedRequest[] }) =>
  sim.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/invoke')).map((request) => request.path);

/** JP1/AO tasks picked once each, so the tests do not step on each other's tasks. */
const usedTasks = new Set<number>();
function takeTasks(count: number, matches: (task: any) => boolean): number[] {
  const ids = jp1ao
    .tasks()
    .filter((task) => !usedTasks.has(task.instanceID) && matches(task))
    .slice(0, count)
    .map((task) => task.instanceID as number);
  assert.equal(ids.length, count, 'the simulator has too few suitable tasks');
  ids.forEach((id) => usedTasks.add(id));
  return ids;
}
const supports = (name: string) => (task: any) => String(task.supportedActionType ?? '').split(',').includes(name);


function runningJob(name: string, hook?: { cancelURL: string; cancelRESTMethod: string; cancelRESTBody?: Record<string, unknown> }): string {
  return lxca.addJob({ name, status: 'Running', percentage: 10, ...hook });
}

describe('task actions against the simulators', function () {
  this.timeout(60_000);

  const host = useExtensionHost();

  before(async () => {
    api = host().api;
    sims = await startSimulators({ size: 40, newItemEveryMs: 0 });
    lxca = sims.lxca;
    jp1ao = sims.jp1ao;
    await host().setSettings({
      'opsTasks.confirmCancel': false,
      'opsTasks.lxca.cancelExpirationSeconds': expirationSeconds,
      // Only the actions' own reads should reach the servers.
      'opsTasks.refresh.activeIntervalSeconds': 3600,
      'opsTasks.refresh.idleIntervalSeconds': 3600,
    });
    await host().connect(
      [
        { name: lxcaName, kind: 'lxca', baseUrl: lxca.url, username: lxca.username },
        { name: jp1aoName, kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username },
      ],
      { [lxcaName]: lxca.password, [jp1aoName]: jp1ao.password },
    );
  });

  after(async () => {
    await sims?.close();
  });

  beforeEach(() => {
    lxca.clearRequests();
    jp1ao.clearRequests();
    lxca.faults.failNext = undefined;
    jp1ao.faults.failNext = undefined;
    jp1ao.faults.latencyMs = 0;
  });

  describe('LXCA cancel', () => {
    it('sends one PUT per cancel hook for the whole selection and shows the jobs cancelled', async () => {
      const firmware = { cancelURL: '/updatableComponents?action=cancelApply&jobID=x', cancelRESTMethod: 'PUT', cancelRESTBody: { DeviceList: [] } };
      const deploy = { cancelURL: '/hostPlatforms/deployments/7', cancelRESTMethod: 'DELETE' };
      const ids = [runningJob('hook A 1', firmware), runningJob('hook A 2', firmware), runningJob('no hook'), runningJob('hook B', deploy)];
      const selection = await nodes(lxcaName, ids);
      lxca.clearRequests();

      const report = await run('opsTasks.cancel', selection);

      assert.deepEqual(
        changes(lxca).map(({ method, path, body }) => ({ method, path, body })),
        [
          { method: 'PUT', path: `/tasks/${ids[0]},${ids[1]}`, body: { ...firmware, expirationTimeOut: expirationSeconds } },
          { method: 'PUT', path: '/tasks', body: { action: 'cancel', list: [ids[2]] } },
          { method: 'PUT', path: `/tasks/${ids[3]}`, body: { ...deploy, expirationTimeOut: expirationSeconds } },
        ],
      );
      assert.deepEqual(report.failed, []);
      assert.equal(report.notification, undefined);
      assert.deepEqual([...report.succeeded].sort(), ids.map((id) => `${lxcaName}/${id}`).sort());
      for (const text of await descriptions(selection)) assert.match(text, /^Cancelled/);
      const readBack = lxca.requests.find((request) => request.method === 'GET' && request.path.startsWith('/tasks/'));
      assert.ok(readBack, 'the jobs were not read back after the cancel');
      assert.deepEqual(readBack.path.slice('/tasks/'.length).split(',').sort(), [...ids].sort());
    });

    it('leaves out a job that ended meanwhile ("already finished"), cancels the rest, and says which is which', async () => {
      const hook = { cancelURL: '/patterns?action=cancelDeploy', cancelRESTMethod: 'POST', cancelRESTBody: { jobUID: 'x' } };
      const ended = runningJob('ends before the click', hook);
      const running = runningJob('still running');
      const selection = await nodes(lxcaName, [ended, running]);
      lxca.setJobStatus(ended, 'Complete', 100);
      lxca.clearRequests();

      const report = await run('opsTasks.cancel', selection);

      assert.equal(changes(lxca).length, 1, 'only the running job was sent');
      assert.deepEqual(report.succeeded, [`${lxcaName}/${running}`]);
      assert.deepEqual(report.alreadyFinished, [`${lxcaName}/${ended}`]);
      assert.deepEqual(report.failed, []);
      assert.match(report.notification ?? '', /^Cancel on actions-lxca: 1 cancelled, 1 had already finished\./);
      assert.match(report.notification ?? '', /"ends before the click": Cancel: not sent, it had already finished/);
      assert.match(await description(selection[0]), /^Complete\b.* · Cancel: not sent, it had already finished/, 'the message on its own row');
      assert.match(String((await shown(selection[0])).tooltip && ((await shown(selection[0])).tooltip as vscode.MarkdownString).value), /Last action: Cancel: not sent/);
      assert.match(await description(selection[1]), /^Cancelled/);
    });

    it('sends the jobs one by one when the server refuses the group request, and reports each', async () => {
      const first = runningJob('group member one');
      const second = runningJob('group member two');
      const third = runningJob('group member three');
      const selection = await nodes(lxcaName, [first, second, third]);
      lxca.clearRequests();
      // The group's PUT is refused (one job ended between the read and the send); the jobs are then read again.
      lxca.faults.failNext = { status: 409, count: 1, path: /^\/tasks$/ };
      const report = await run('opsTasks.cancel', selection);

      const puts = changes(lxca);
      assert.equal(puts.length, 4, 'the refused group request, then one request per job');
      assert.deepEqual([...report.succeeded].sort(), [first, second, third].map((id) => `${lxcaName}/${id}`).sort());
      assert.equal(report.notification, undefined, 'all cancelled: nothing to say');
    });

    it('never sends again a request that got no answer', async () => {
      const first = runningJob('no answer one');
      const second = runningJob('no answer two');
      const selection = await nodes(lxcaName, [first, second]);
      lxca.clearRequests();
      // A 500 after the request was sent: the server may have cancelled the jobs before failing.
      lxca.faults.failNext = { status: 500, count: 1, path: /^\/tasks$/ };

      const report = await run('opsTasks.cancel', selection);

      assert.equal(changes(lxca).length, 1, 'not retried');
      assert.equal(report.failed.length, 2);
      assert.ok(report.failed.every((failure) => failure.mayHaveBeenCarriedOut), 'both may have been carried out');
      assert.match(report.notification ?? '', /2 got no answer/);
    });

    it('names the server refusal (403) and leaves the job as it is', async () => {
      const id = runningJob('no permission here');
      const selection = await nodes(lxcaName, [id]);
      lxca.faults.failNext = { status: 403, count: 1, path: /^\/tasks$/ };
      lxca.clearRequests();

      const report = await run('opsTasks.cancel', selection);

      assert.equal(changes(lxca).length, 1);
      assert.equal(report.failed.length, 1);
      assert.match(report.notification ?? '', /^Could not cancel job "no permission here" on actions-lxca: /);
      assert.match(await description(selection[0]), /^Running/);
      assert.equal(lxca.job(id).status, 'Running');
    });

    it('skips the selected jobs that cannot be cancelled and names them', async () => {
      const running = runningJob('cancel me');
      const finished = lxca.addJob({ name: 'already done', status: 'Complete', percentage: 100 });
      const selection = await nodes(lxcaName, [running, finished]);
      lxca.clearRequests();

      const report = await run('opsTasks.cancel', selection);

      assert.deepEqual(changes(lxca).map((request) => request.path), ['/tasks']);
      assert.deepEqual(report.skipped, [`${lxcaName}/${finished}`]);
      assert.match(report.notification ?? '', /Skipped 1 job that cannot be cancelled: "already done" \(Complete\)/);
    });
  });

  describe('JP1/AO operations', () => {
    it('stops three tasks with one invoke each, shows "Stopping…" while the calls run, then their final state', async () => {
      const ids = takeTasks(3, (task) => task.scheduleID === undefined);
      for (const id of ids) jp1ao.setTaskStatus(id, 'inProgress');
      const selection = await nodes(jp1aoName, ids);
      jp1ao.clearRequests();
      jp1ao.faults.latencyMs = 300;

      const pending = run('opsTasks.stop', selection);
      await until('the busy label', async () => {
        const busy = await Promise.all(selection.map(async (node) => (await description(node)) === 'Stopping…' && (await iconId(node)) === 'loading~spin'));
        return busy.every(Boolean);
      });
      const report = await pending;

      assert.deepEqual(invokes(jp1ao).sort(), ids.map((id) => `/Automation/v1/objects/Tasks/${id}/actions/stop/invoke`).sort());
      assert.deepEqual(report.failed, []);
      for (const text of await descriptions(selection)) assert.notEqual(text, 'Stopping…');
      // The simulator ends a stop 2 s later; the quick polling after the action shows it.
      await until('the stopped tasks', async () => (await descriptions(selection)).every((text) => text.startsWith('Canceled')));
    });

    it('leaves out a task that finished meanwhile and reports it as already finished', async () => {
      const [finishing, running] = takeTasks(2, (task) => task.scheduleID === undefined);
      jp1ao.setTaskStatus(finishing, 'inProgress');
      jp1ao.setTaskStatus(running, 'inProgress');
      const selection = await nodes(jp1aoName, [finishing, running]);
      jp1ao.setTaskStatus(finishing, 'completed');
      jp1ao.clearRequests();

      const report = await run('opsTasks.stop', selection);

      assert.equal(invokes(jp1ao).length, 1, 'only the running task was sent');
      assert.deepEqual(report.succeeded, [`${jp1aoName}/${running}`]);
      assert.deepEqual(report.alreadyFinished, [`${jp1aoName}/${finishing}`]);
      assert.match(report.notification ?? '', /^Stop on actions-jp1ao: 1 stopped, 1 had already finished\./);
      assert.match(await description(selection[0]), /^Completed/);
    });

    it('reports 412 (server not available) for the task it hit', async () => {
      const [id] = takeTasks(1, (task) => task.scheduleID === undefined);
      jp1ao.setTaskStatus(id, 'inProgress');
      const selection = await nodes(jp1aoName, [id]);
      jp1ao.faults.failNext = { status: 412, count: 1, path: /\/invoke$/ };

      const report = await run('opsTasks.stop', selection);

      assert.equal(report.failed.length, 1);
      assert.equal(invokes(jp1ao).length, 1, 'not retried');
      assert.match(report.notification ?? '', /^Could not stop task "[^"]+" on actions-jp1ao: /);
      assert.match(await description(selection[0]), /^In Progress/);
    });

    it('cancels waiting tasks through their schedules, one call per schedule', async () => {
      const bySchedule = new Map<number, number[]>();
      for (const task of jp1ao.tasks()) {
        if (task.scheduleID === undefined || usedTasks.has(task.instanceID)) continue;
        bySchedule.set(task.scheduleID, [...(bySchedule.get(task.scheduleID) ?? []), task.instanceID]);
      }
      const shared = [...bySchedule].find(([, ids]) => ids.length >= 2);
      const single = [...bySchedule].find(([, ids]) => ids.length === 1);
      assert.ok(shared && single, 'the simulator has no suitable schedules');
      const ids = [...shared[1].slice(0, 2), single[1][0]];
      ids.forEach((id) => usedTasks.add(id));
      for (const id of ids) jp1ao.setTaskStatus(id, 'waiting');
      const selection = await nodes(jp1aoName, ids);
      jp1ao.clearRequests();

      const report = await run('opsTasks.cancel', selection);

      assert.deepEqual(
        invokes(jp1ao).sort(),
        [shared[0], single[0]].map((scheduleId) => `/Automation/v1/objects/Schedules/${scheduleId}/actions/cancel/invoke`).sort(),
      );
      assert.deepEqual(report.failed, []);
      for (const text of await descriptions(selection)) assert.match(text, /^Canceled/);
    });

    it('retries failed tasks from the failed step and from the next step', async () => {
      const [first, next] = takeTasks(2, (task) => task.scheduleID === undefined && supports('retry')(task));
      jp1ao.setTaskStatus(first, 'failed');
      jp1ao.setTaskStatus(next, 'failed');
      const [firstNode, nextNode] = await nodes(jp1aoName, [first, next]);
      jp1ao.clearRequests();

      const retried = await run('opsTasks.retry', [firstNode]);
      const retriedNext = await run('opsTasks.retryNext', [nextNode]);

      assert.deepEqual(invokes(jp1ao), [
        `/Automation/v1/objects/Tasks/${first}/actions/rerunStart/invoke`,
        `/Automation/v1/objects/Tasks/${next}/actions/rerunStepStart/invoke`,
      ]);
      assert.deepEqual([retried.failed, retriedNext.failed], [[], []]);
      // A retried task is watched until it ends: its row carries the bell.
      assert.match(await description(firstNode), /^🔔 In Progress/);
      assert.match(await description(nextNode), /^🔔 In Progress/);
    });

    it('archives finished tasks and takes them out of the list', async () => {
      const ids = takeTasks(2, (task) => task.scheduleID === undefined);
      for (const id of ids) jp1ao.setTaskStatus(id, 'completed');
      const selection = await nodes(jp1aoName, ids);
      jp1ao.clearRequests();

      const report = await run('opsTasks.archive', selection);

      assert.deepEqual(invokes(jp1ao).sort(), ids.map((id) => `/Automation/v1/objects/Tasks/${id}/actions/archive/invoke`).sort());
      assert.deepEqual(report.failed, []);
      for (const id of ids) {
        assert.equal(connection(jp1aoName).store.find(`${jp1aoName}/${id}`), undefined);
        assert.ok(jp1ao.histories().some((task) => task.instanceID === id));
      }
    });

    it('names the tasks of a mixed selection that the action does not fit', async () => {
      const [running, done] = takeTasks(2, (task) => task.scheduleID === undefined);
      jp1ao.setTaskStatus(running, 'inProgress');
      jp1ao.setTaskStatus(done, 'completed');
      const selection = await nodes(jp1aoName, [running, done]);
      jp1ao.clearRequests();

      const report = await run('opsTasks.archive', selection);

      assert.deepEqual(invokes(jp1ao), [`/Automation/v1/objects/Tasks/${done}/actions/archive/invoke`]);
      assert.deepEqual(report.skipped, [`${jp1aoName}/${running}`]);
      assert.match(report.notification ?? '', /Skipped 1 task that cannot be archived: "[^"]+" \(In Progress\)/);
    });
  });
});

// What an action reports is what the server shows next, over loopback against the simulators:
// a slow list read never puts a cancelled row back to Running, a cancel group never sent says so,
// and a hook that only registers how to cancel is reported as not taken.
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { HttpClient } from '../../src/api/http';
import { Jp1aoClient } from '../../src/api/jp1ao/client';
import { LxcaClient } from '../../src/api/lxca/client';
import { resultOf } from '../../src/activity/record';
import type { ActionRequest, TaskOutcome } from '../../src/tasks/adapter';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import { LxcaAdapter } from '../../src/tasks/lxca';
import { isUnfinished, type Task } from '../../src/tasks/model';
import { observeOutcome } from '../../src/tasks/outcome';
import { mayHaveBeenCarriedOut, wasNotSent } from '../../src/tasks/errorText';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import type { SimulatorOptions } from '../../src/simulator/types';
import { credentialsOf, startJp1aoStore, startLxcaStore, useFixture } from '../support/storeFixture';
import { until } from '../support/wait';

const hook = { cancelURL: '/updatableComponents?action=cancelApply&jobID=1', cancelRESTMethod: 'PUT', cancelRESTBody: { DeviceList: [] } };
const cancel: ActionRequest = { operation: 'cancel', participle: 'cancelled', cancelExpirationSeconds: 60, cancelRequest: 'hook' };
const finished = (task: Task) => !isUnfinished(task);

async function lxcaAdapter(options: SimulatorOptions): Promise<{ sim: LxcaSimulator; adapter: LxcaAdapter; close(): Promise<void> }> {
  const sim = await startLxcaSimulator({ size: 5, newItemEveryMs: 0, ...options });
  const http = new HttpClient({ baseUrl: sim.url });
  const adapter = new LxcaAdapter(api, 'lab', new LxcaClient(http, credentialsOf(sim)), () => http.close());
  return {
    sim,
    adapter,
    close: async () => {
      await http.close();
      await sim.close();
    },
  };
}

/** A JP1/AO simulator and adapter, with one unscheduled task put In Progress. */
async function jp1aoTaskInProgress(options: SimulatorOptions): Promise<{ sim: Jp1aoSimulator; adapter: Jp1aoAdapter; task: Task; close(): Promise<void> }> {
  const sim = await startJp1aoSimulator({ size: 20, newItemEveryMs: 0, ...options });
  const http = new HttpClient({ baseUrl: sim.url });
  const close = async () => {
    await http.close();
    await sim.close();
  };
  try {
    const adapter = new Jp1aoAdapter(api, 'ao', new Jp1aoClient(http, credentialsOf(sim)), sim.username, () => http.close());
    const target = sim.tasks().find((candidate) => candidate.scheduleID === undefined);
    assert.ok(target, 'the simulator has a task to stop');
    sim.setTaskStatus(target.instanceID, 'inProgress');
    const [task] = await adapter.read([String(target.instanceID)]);
    return { sim, adapter, task: task!, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const stop: ActionRequest = { ...cancel, operation: 'stop', participle: 'stopped' };

function errorOf(outcome: TaskOutcome | undefined): unknown {
  assert.ok(outcome && !outcome.ok, 'the outcome is a failure');
  return outcome.error;
}

describe('Action outcomes: newer reads win', () => {
  const lab = useFixture('each', () => startLxcaStore({ size: 10, seed: 3, newItemEveryMs: 0 }, 50));

  it('keeps a cancelled row Cancelled when a list read that started before the cancel answers after it', async () => {
    const { sim, store, http } = lab();
    const id = sim.addJob({ name: 'slow list', status: 'Running', percentage: 30 });
    await store.refresh();
    const adapter = new LxcaAdapter(api, 'lab', new LxcaClient(http, credentialsOf(sim)), async () => undefined);
    assert.equal(store.find(`lab/${id}`)?.statusLabel, 'Running');

    // The list's answer is made at once (Running) and takes ~1.5 s to arrive.
    const listBytes = JSON.stringify(sim.jobs()).length;
    sim.faults.trickle = { bytes: Math.ceil(listBytes / 10), intervalMs: 150 };
    sim.clearRequests();
    const slowList = store.refresh();
    await until('the list read to be answered', () => sim.requests.some((request) => request.path === '/tasks' && request.status === 200));
    sim.faults.trickle = undefined;

    const [job] = await adapter.read([id]);
    const [outcome] = await adapter.perform(cancel, [job!]);
    assert.ok(outcome?.ok, 'the cancel was accepted');
    const started = store.readStarted(); // the action's read-back, as Connection.reread makes it
    store.applyUpdates(await adapter.read([id]), started);
    assert.equal(store.find(`lab/${id}`)?.statusLabel, 'Cancelled');

    await slowList;
    assert.ok(sim.requests.filter((request) => request.path === '/tasks').length >= 1);
    assert.equal(store.find(`lab/${id}`)?.statusLabel, 'Cancelled', 'the older list read did not put the row back to Running');
    assert.ok(!store.find(`lab/${id}`)?.operations.includes('cancel'), 'Cancel is not offered again');
  });

  it('lets a read-back that started before the shown list give way to it', async () => {
    const { sim, store, http } = lab();
    const id = sim.addJob({ name: 'moves on', status: 'Running', percentage: 30 });
    await store.refresh();
    const adapter = new LxcaAdapter(api, 'lab', new LxcaClient(http, credentialsOf(sim)), async () => undefined);
    const started = store.readStarted();
    const old = await adapter.read([id]); // Running
    sim.setJobStatus(id, 'Complete', 100);
    await store.refresh(); // newer: Complete
    store.applyUpdates(old, started);
    assert.equal(store.find(`lab/${id}`)?.statusLabel, 'Complete');
  });
});

describe('Action outcomes: newer reads win (JP1/AO)', () => {
  const ao = useFixture('each', () => startJp1aoStore({ size: 20, seed: 3, newItemEveryMs: 0 }, 50));
  const tasksPath = '/Automation/v1/objects/Tasks';

  it('keeps a stopped task Terminating when a page read that started before the stop answers after it', async () => {
    const { sim, store, http } = ao();
    const target = sim.tasks().find((task) => task.scheduleID === undefined);
    assert.ok(target, 'the simulator has a task to stop');
    sim.setTaskStatus(target.instanceID, 'inProgress');
    await store.refresh();
    const key = `ao/${target.instanceID}`;
    assert.equal(store.find(key)?.statusLabel, 'In Progress');
    const adapter = new Jp1aoAdapter(api, 'ao', new Jp1aoClient(http, credentialsOf(sim)), sim.username, async () => undefined);

    sim.faults.trickle = { bytes: 400, intervalMs: 150 };
    sim.clearRequests();
    const slowPage = store.refresh();
    await until('the page read to be answered', () => sim.requests.some((request) => request.path === tasksPath && request.query['HQL::limit'] !== '1' && request.status === 200));
    sim.faults.trickle = undefined;

    const [task] = await adapter.read([String(target.instanceID)]);
    const [outcome] = await adapter.perform(stop, [task!]);
    assert.ok(outcome?.ok, 'the stop was accepted');
    const started = store.readStarted();
    store.applyUpdates(await adapter.read([String(target.instanceID)]), started);
    const shown = store.find(key)?.statusLabel;
    assert.notEqual(shown, 'In Progress', 'the read-back shows the stop');

    await slowPage;
    assert.equal(store.find(key)?.statusLabel, shown, 'the older page did not put the task back to In Progress');
  });
});

describe('Action outcomes: say only what happened', () => {
  it('reports the group after a dropped connection as not sent, and only the sent one as maybe carried out', async () => {
    const lab = await lxcaAdapter({});
    try {
      const hooked = lab.sim.addJob({ name: 'with hook', status: 'Running', ...hook });
      const plain = lab.sim.addJob({ name: 'without hook', status: 'Running' });
      const jobs = await lab.adapter.read([hooked, plain]); // signs in
      lab.sim.clearRequests();
      lab.sim.faults.dropConnections = true;

      const [first, second] = await lab.adapter.perform(cancel, jobs);

      assert.deepEqual(lab.sim.requests.map((request) => `${request.method} ${request.path}`), [`PUT /tasks/${hooked}`], 'the second group was never sent');
      assert.equal(mayHaveBeenCarriedOut(errorOf(first)), true, 'the request that left may have been carried out');
      assert.equal(resultOf(errorOf(first)), 'uncertain');
      assert.equal(wasNotSent(errorOf(second)), true);
      assert.equal(mayHaveBeenCarriedOut(errorOf(second)), false, 'a request never sent cannot have been carried out');
      assert.equal(resultOf(errorOf(second)), 'notSent');
      assert.match(String((errorOf(second) as Error).message), /not sent/);
    } finally {
      await lab.close();
    }
  });

  it('reports a JP1/AO stop whose template read failed as not sent, and a refused stop with the server\'s reason', async () => {
    const { sim, adapter, task, close } = await jp1aoTaskInProgress({});
    try {
      sim.clearRequests();
      sim.faults.failNext = { status: 500, count: 1, path: /\/actions\/stop$/ };
      const [lost] = await adapter.perform(stop, [task]);
      assert.equal(resultOf(errorOf(lost)), 'notSent');
      assert.equal(sim.requests.filter((request) => request.method === 'POST').length, 0, 'the stop itself never left');

      sim.setTaskStatus(task.id, 'completed');
      const [refused] = await adapter.perform(stop, [task]);
      assert.equal(resultOf(errorOf(refused)), 'refused');
      assert.ok((errorOf(refused) as { serverMessage?: string }).serverMessage, "the server's reason is kept");
    } finally {
      await close();
    }
  });

  it('reports a refused connection as not sent', async () => {
    const lab = await lxcaAdapter({});
    const id = lab.sim.addJob({ name: 'server gone', status: 'Running' });
    const [job] = await lab.adapter.read([id]);
    await lab.sim.close(); // nothing listens on the port any more
    try {
      const [outcome] = await lab.adapter.perform(cancel, [job!]);
      assert.equal(resultOf(errorOf(outcome)), 'notSent');
    } finally {
      await lab.close().catch(() => undefined);
    }
  });
});

describe('Action outcomes: confirmed by what the server shows', () => {
  const observe = (adapter: { read(ids: readonly string[]): Promise<Task[]> }, tasks: readonly Task[], settleMs = 1500) =>
    observeOutcome(tasks, { read: (some) => adapter.read(some.map((task) => task.id)), reached: finished, settleMs, intervalMs: 200, firstGapMs: 200 });

  it('reports a hook that only registers how to cancel as "still Running" after the window, and the plain request cancels', async () => {
    const lab = await lxcaAdapter({ variants: { lxcaHookCancel: 'register' } });
    try {
      const id = lab.sim.addJob({ name: 'registers only', status: 'Running', percentage: 10, ...hook });
      const [job] = await lab.adapter.read([id]);
      const [accepted] = await lab.adapter.perform(cancel, [job!]);
      assert.ok(accepted?.ok && accepted.plainCancelIfNotTaken, 'accepted, and a plain cancel is the way on if it does not take');

      const began = Date.now();
      const [outcome] = await observe(lab.adapter, [job!]);
      assert.equal(outcome?.kind, 'notTaken');
      assert.equal(outcome?.kind === 'notTaken' && outcome.task.statusLabel, 'Running');
      assert.ok(Date.now() - began >= 1400, 'watched for the whole window');

      lab.sim.clearRequests();
      const [plain] = await lab.adapter.perform({ ...cancel, cancelRequest: 'plain' }, [job!]);
      assert.ok(plain?.ok && !plain.plainCancelIfNotTaken);
      assert.deepEqual(lab.sim.requests.map((request) => [request.method, request.path, request.body]), [['PUT', '/tasks', { action: 'cancel', list: [id] }]]);
      const [after] = await observe(lab.adapter, [job!]);
      assert.equal(after?.kind === 'reached' && after.task.statusLabel, 'Cancelled');
    } finally {
      await lab.close();
    }
  });

  it('reports a hook cancel that takes as Cancelled at the first read', async () => {
    const lab = await lxcaAdapter({ variants: { lxcaHookCancel: 'cancel' } });
    try {
      const id = lab.sim.addJob({ name: 'cancels', status: 'Running', ...hook });
      const [job] = await lab.adapter.read([id]);
      await lab.adapter.perform(cancel, [job!]);
      const began = Date.now();
      const [outcome] = await observe(lab.adapter, [job!], 60_000);
      assert.equal(outcome?.kind === 'reached' && outcome.task.statusLabel, 'Cancelled');
      assert.ok(Date.now() - began < 5000, 'no waiting once the server shows it');
    } finally {
      await lab.close();
    }
  });

  it('reports a JP1/AO stop answered 200 whose task stays In Progress as not taken', async () => {
    const { adapter, task, close } = await jp1aoTaskInProgress({ variants: { jp1aoStopIgnored: true } });
    try {
      const [accepted] = await adapter.perform(stop, [task]);
      assert.ok(accepted?.ok, 'the server answered 200');
      const [outcome] = await observe(adapter, [task]);
      assert.equal(outcome?.kind, 'notTaken');
      assert.equal(outcome?.kind === 'notTaken' && outcome.task.statusLabel, 'In Progress');
    } finally {
      await close();
    }
  });
});

// Over loopback against the simulator and its fault switches: a whole action (read, send,
// read-back) and a whole refresh end within their deadlines with a typed outcome, and the watcher of
// watched tasks leaves a busy server alone for as long as its Retry-After says.
import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import * as api from '../../src/api';
import { ApiError } from '../../src/api/errors';
import { HttpClient } from '../../src/api/http';
import { LxcaClient } from '../../src/api/lxca/client';
import { ReadPauses } from '../../src/alerts/readPauses';
import { boundByDeadline } from '../../src/connections/operationDeadline';
import { startLxcaSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { LxcaAdapter } from '../../src/tasks/lxca';
import { isUnfinished, type Task } from '../../src/tasks/model';
import { observeOutcome } from '../../src/tasks/outcome';
import { TaskStore, type StoreState } from '../../src/tasks/store';
import { credentialsOf } from '../support/storeFixture';

/** Each adapter call's own deadline, as the extension binds every call (production: 60 s). */
const perCallMs = 10_000;

describe('deadlines of whole actions and refreshes, and busy servers, over loopback', function () {
  this.timeout(30_000);
  let sim: LxcaSimulator;
  let http: HttpClient;
  let adapter: LxcaAdapter;
  let running: string;

  beforeEach(async () => {
    sim = await startLxcaSimulator({ size: 30, seed: 4, newItemEveryMs: 0 });
    running = sim.addJob({ name: 'Firmware update', status: 'Running', runForMs: 3_600_000 });
    http = new HttpClient({ baseUrl: sim.url });
    const within = <T>(work: () => T): T => api.withOperationDeadline(perCallMs, work);
    adapter = boundByDeadline(new LxcaAdapter(api, 'lab', new LxcaClient(http, credentialsOf(sim)), () => http.close()), within);
  });
  afterEach(async () => {
    await http.close();
    await sim.close();
  });

  it('10: a cancel whose read-back hangs ends within the action\'s deadline, the job "not taken" as last read, the read a typed timeout', async () => {
    const sendMs = 2_000;
    const settleMs = 1_500;
    const started = performance.now();
    const [task] = await api.withOperationDeadline(sendMs, () => adapter.read([running]));
    const [sent] = await api.withOperationDeadline(sendMs, () => adapter.perform({ operation: 'cancel', participle: 'cancelled', cancelExpirationSeconds: 60 }, [task!]));
    assert.ok(sent?.ok, 'the cancel was accepted');
    // From now on the server never answers a read of a job.
    sim.faults.stall = { method: 'GET', path: /^\/tasks\// };
    const failures: unknown[] = [];
    const watchStarted = performance.now();
    const [outcome] = await observeOutcome([task!], {
      read: (tasks) => adapter.read(tasks.map((one) => one.id)).catch((error: unknown) => Promise.reject(failures.push(error) && error)),
      reached: (one: Task) => !isUnfinished(one),
      settleMs,
      intervalMs: 500,
      within: api.withOperationDeadline,
    });
    const watchMs = performance.now() - watchStarted;
    const wholeMs = performance.now() - started;
    // A read that outlived the window would hang to the per-call deadline (10 s): the bounds keep
    // seconds of slack for a busy machine and still tell the two apart.
    assert.ok(watchMs < settleMs + 3_000, `the read-back took ${Math.round(watchMs)} ms with a ${settleMs} ms window`);
    assert.ok(wholeMs < sendMs + settleMs + 3_000, `the whole action took ${Math.round(wholeMs)} ms`);
    assert.equal(outcome?.kind, 'notTaken');
    assert.equal(outcome.kind === 'notTaken' && outcome.task.category, 'running', 'shown as last read');
    assert.ok(failures.length > 0 && failures.every((error) => error instanceof ApiError && error.kind === 'timeout'), String(failures[0]));
  });

  it('10: a refresh of several reads (a newer job, the unfinished ones) stops at its one deadline, failed with a typed timeout', async () => {
    const refreshMs = 2_000;
    let now = 1_000_000;
    const store = new TaskStore(async () => adapter, 50, {}, {
      fullReadEveryMs: 60_000,
      idleReadsPerFullRead: 5,
      withinDeadline: (work) => api.withOperationDeadline(refreshMs, work),
      now: () => now,
    });
    try {
      await store.refresh();
      assert.equal(store.state.kind, 'loaded');
      // Each request now takes 1.5 s: either read alone fits the deadline, both together (3 s) do not.
      sim.faults.latencyMs = 1_500;
      now += 60_000;
      const started = performance.now();
      await store.refresh(true);
      const ms = performance.now() - started;
      const state = store.state as StoreState;
      assert.ok(state.kind === 'failed' && state.error instanceof ApiError && state.error.kind === 'timeout', JSON.stringify(state));
      assert.ok(ms < 2 * 1_500, `the refresh took ${Math.round(ms)} ms: it waited for the second read`);
      assert.ok(store.tasks.some((one) => one.id === running), 'the tasks read before stay');
    } finally {
      store.dispose();
    }
  });

  it('9: the watcher leaves watched tasks of a busy server alone for at least its Retry-After, then reads them again', async () => {
    let now = 5_000_000;
    const pauses = new ReadPauses(() => now);
    sim.faults.failNext = { status: 429, count: 1, path: /^\/tasks\//, retryAfterSeconds: 7 };
    const refused = await adapter.read([running]).catch((error: unknown) => error);
    assert.ok(refused instanceof ApiError && refused.kind === 'busy' && refused.retryAfterMs === 7_000, String(refused));
    assert.equal(pauses.failed('lab', refused, false), 7_000);
    assert.equal(pauses.paused('lab'), true);
    now += 6_999;
    assert.equal(pauses.paused('lab'), true, 'still inside the Retry-After');
    now += 1;
    assert.equal(pauses.paused('lab'), false);
    const [again] = await adapter.read([running]);
    assert.equal(again?.id, running, 'read again once the server said it would answer');

    sim.faults.failNext = { status: 503, count: 1, path: /^\/tasks\//, retryAfterSeconds: 30 };
    const unavailable = await adapter.read([running]).catch((error: unknown) => error);
    assert.ok(unavailable instanceof ApiError && unavailable.kind === 'busy', String(unavailable));
    assert.equal(pauses.failed('lab', unavailable, false), 30_000);
    assert.equal(pauses.paused('other'), false, 'other connections are read as usual');
    assert.equal(pauses.failed('other', new ApiError('server', 'boom', { status: 500 }), false), 0, 'a plain failure pauses nothing');
  });
});

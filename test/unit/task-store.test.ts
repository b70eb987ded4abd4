import { strict as assert } from 'node:assert';
import { Jp1aoClient } from '../../src/api/jp1ao/client';
import * as api from '../../src/api';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import { TaskStore, type StoreChange } from '../../src/tasks/store';
import { pinJob } from '../support/pinJobs';
import { credentialsOf, startJp1aoStore, startLxcaStore, useFixture } from '../support/storeFixture';
import { sleep } from '../support/wait';

type Recorded = { path: string; query: Record<string, string> };
const tasksPath = '/Automation/v1/objects/Tasks';
/** The page reads of the task list, without the running/failed count requests (`HQL::limit` 1). */
const pageRequests = <R extends Recorded>(requests: R[]) => requests.filter((r) => r.path === tasksPath && r.query['HQL::limit'] !== '1');
const countRequests = <R extends Recorded>(requests: R[]) => requests.filter((r) => r.path === tasksPath && r.query['HQL::limit'] === '1');

function record(store: TaskStore): StoreChange[] {
  const changes: StoreChange[] = [];
  store.onDidChange((change) => changes.push(change));
  return changes;
}

describe('TaskStore against the LXCA simulator', () => {
  const lab = useFixture('each', () => startLxcaStore({ size: 450, seed: 7, newItemEveryMs: 0 }, 200));

  it('shows the first page, newest first, and knows how many there are', async () => {
    const { sim, store } = lab();
    await store.refresh();
    assert.equal(store.state.kind, 'loaded');
    assert.equal(store.tasks.length, 200);
    assert.equal(store.total, sim.jobs().length);
    assert.ok(store.hasMore);
    const ids = store.tasks.map((t) => Number(t.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'highest (newest) job id first');
    assert.ok(store.tasks.every((t) => t.key.startsWith('lab/')));
  });

  it('loads more a page at a time until everything is shown', async () => {
    const { store } = lab();
    await store.refresh();
    await store.loadMore();
    assert.equal(store.tasks.length, Math.min(400, store.total));
    await store.loadMore();
    await store.loadMore();
    assert.equal(store.tasks.length, store.total);
    assert.equal(store.hasMore, false);
  });

  it('fires nothing when a refresh changes nothing, and only the changed task when one changes', async () => {
    const { sim, store } = lab();
    // Finish every job so nothing moves on its own between two loads.
    for (const job of sim.jobs()) pinJob(sim, job, 'Complete', 100);
    await store.refresh();
    const changes = record(store);
    await store.refresh();
    assert.equal(changes.length, 0, `an unchanged refresh fires no event: ${JSON.stringify(changes.map((c) => [c.listChanged, c.stateChanged, c.changed.map((t) => [t.id, t.status, t.progress, t.end])]))}`);

    const target = store.tasks[3];
    sim.setJobStatus(target.id, 'Stopped_With_Error');
    await store.refresh();
    assert.equal(changes.length, 1);
    assert.equal(changes[0].listChanged, false, 'the list itself did not change');
    assert.deepEqual(changes[0].changed.map((t) => t.key), [target.key]);
    assert.equal(store.find(target.key)!.category, 'failed');
  });

  it('makes one request for a burst of polls and one for a burst of user refreshes', async () => {
    const { sim, store } = lab();
    sim.clearRequests();
    await Promise.all([store.refresh(true), store.refresh(true), store.refresh(true)]);
    assert.equal(sim.requests.filter((r) => r.method === 'GET' && r.path === '/tasks').length, 1);
    sim.clearRequests();
    await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    await sleep(200);
    assert.equal(sim.requests.filter((r) => r.method === 'GET' && r.path === '/tasks').length, 1);
  });

  it('filters locally by words and status category', async () => {
    const { store } = lab();
    await store.setQuery({ categories: ['failed'] });
    assert.ok(store.tasks.length > 0);
    assert.ok(store.tasks.every((t) => t.category === 'failed'));
    const title = store.tasks[0].title.split(' ')[0];
    await store.setQuery({ text: title.toUpperCase() });
    assert.ok(store.tasks.every((t) => t.title.toLowerCase().includes(title.toLowerCase()) || t.id.includes(title.toLowerCase()) || (t.owner ?? '').toLowerCase().includes(title.toLowerCase()) || t.statusLabel.toLowerCase().includes(title.toLowerCase())));
  });

  it('turns a failure into a failed state, changed once, keeps the tasks, and recovers', async () => {
    const { sim, store } = lab();
    await store.refresh();
    const shown = store.tasks;
    const changes = record(store);
    sim.faults.unavailable = true;
    await store.refresh();
    await store.refresh();
    assert.equal(store.state.kind, 'failed');
    assert.equal(changes.filter((c) => c.stateChanged).length, 1, 'the same failure twice is one state change');
    assert.equal(store.tasks, shown, 'the last tasks read stay');
    assert.ok(store.stale);
    sim.faults.unavailable = false;
    await store.refresh();
    assert.equal(store.state.kind, 'loaded');
    assert.equal(store.tasks.length, 200);
  });
});

describe('TaskStore against the JP1/AO simulator', () => {
  const ao = useFixture('each', () => startJp1aoStore({ size: 350, seed: 3, newItemEveryMs: 0 }, 100));

  it('pages on the server: one request with HQL::limit, total from count', async () => {
    const { sim, store } = ao();
    sim.clearRequests();
    await store.refresh();
    const lists = pageRequests(sim.requests);
    assert.equal(lists.length, 1);
    assert.equal(countRequests(sim.requests).length, 2, 'one count request each for running and failed');
    assert.equal(lists[0].query['HQL::limit'], '100');
    assert.equal(store.tasks.length, 100);
    assert.equal(store.total, sim.tasks().length);
    await store.loadMore();
    assert.equal(pageRequests(sim.requests).at(-1)!.query['HQL::limit'], '200');
    assert.equal(store.tasks.length, 200);
  });

  it('counts running and failed tasks once per totals interval, and again right after an action', async () => {
    const { sim, http } = ao();
    const runningStatuses = new Set(['inProgress', 'waitingResponse', 'abnormalDetection', 'terminating']);
    const serverRunning = () => sim.tasks().filter((task) => runningStatuses.has(String(task.status))).length;
    let now = 1_000_000;
    const client = new Jp1aoClient(http, credentialsOf(sim));
    const adapter = new Jp1aoAdapter(api, 'ao', client, sim.username, () => http.close());
    const timed = new TaskStore(async () => adapter, 100, {}, { totalsEveryMs: 15_000, now: () => now });
    try {
      sim.clearRequests();
      await timed.refresh();
      assert.equal(countRequests(sim.requests).length, 2);
      const running = timed.totals!.running;
      assert.equal(running, serverRunning());

      now += 5_000;
      await timed.refresh();
      await timed.loadMore();
      assert.equal(pageRequests(sim.requests).length, 3, 'every refresh and Load more reads its page');
      assert.equal(countRequests(sim.requests).length, 2, 'within the interval the counts stand');
      assert.equal(timed.totals!.running, running);

      const stopped = timed.tasks.find((task) => task.category === 'running')!;
      sim.setTaskStatus(stopped.id, 'canceled');
      timed.applyUpdates(await adapter.read([stopped.id])); // what an action does after its calls
      await timed.refresh();
      assert.equal(countRequests(sim.requests).length, 4, 'an action makes the next read count again');
      assert.equal(timed.totals!.running, serverRunning());
      assert.ok(timed.totals!.running < running);

      now += 15_000;
      await timed.refresh();
      assert.equal(countRequests(sim.requests).length, 6, 'and so does the end of the interval');
    } finally {
      timed.dispose();
    }
  });

  it('sends status categories as an HQL filter and words as q', async () => {
    const { sim, store } = ao();
    sim.clearRequests();
    await store.setQuery({ text: 'backup', categories: ['failed', 'cancelled'] });
    const request = pageRequests(sim.requests).at(-1)!;
    assert.equal(request.query.q, 'backup');
    assert.match(request.query['HQL::filter'], /status in \[/);
    assert.ok(store.tasks.every((t) => t.category === 'failed' || t.category === 'cancelled'));
  });
});

// "Running first" and the server's own counts, through the product adapters and the TaskStore
// against both simulators over loopback.
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { Jp1aoClient } from '../../src/api/jp1ao/client';
import { durationText } from '../../src/tasks/duration';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import type { Task } from '../../src/tasks/model';
import { runningFirst } from '../../src/tasks/ordering';
import { TaskStore } from '../../src/tasks/store';
import { credentialsOf, startJp1aoStore, startLxcaStore, useFixture } from '../support/storeFixture';

describe('Running first and server totals: LXCA', () => {
  let oldest: string;
  const lab = useFixture('all', async () => {
    const started = await startLxcaStore({ size: 320, seed: 5, newItemEveryMs: 0 }, 50);
    const { sim } = started;
    const ids = sim.jobs().map((job) => Number(job.jobUID)).sort((a, b) => a - b);
    oldest = String(ids[0]);
    for (const id of ids.slice(1)) sim.setJobStatus(String(id), 'Complete', 100);
    sim.setJobStatus(oldest, 'Running', 30);
    return started;
  });

  it('keeps a running job older than 300 finished ones behind Load more when newest first', async () => {
    const { sim, store } = lab();
    await store.setQuery({});
    assert.ok(sim.jobs().length > 300);
    assert.ok(!store.tasks.some((task) => task.id === oldest));
  });

  it('puts it first with Running first, the rest newest first', async () => {
    const { store } = lab();
    await store.setQuery({ order: 'runningFirst' });
    assert.equal(store.tasks[0]!.id, oldest);
    assert.equal(store.tasks.length, 50);
    const rest = store.tasks.slice(1).map((task) => Number(task.id));
    assert.deepEqual(rest, [...rest].sort((a, b) => b - a));
  });

  it('counts running and failed work on the whole list, whatever is loaded or filtered', async () => {
    const { store } = lab();
    await store.setQuery({});
    assert.deepEqual(store.totals, { running: 1, failed: 0 });
    await store.loadMore();
    assert.deepEqual(store.totals, { running: 1, failed: 0 });
    await store.setQuery({ text: 'no job is called this' });
    assert.equal(store.tasks.length, 0);
    assert.deepEqual(store.totals, { running: 1, failed: 0 });
  });
});

describe('Running first and server totals: JP1/AO', () => {
  let oldest: string;
  const ao = useFixture('all', async () => {
    // Totals due on every full read: the statuses set below change them after the first read.
    const started = await startJp1aoStore({ size: 320, seed: 9, newItemEveryMs: 0 }, 50, { totalsEveryMs: 0 });
    const { sim, store } = started;
    for (const task of sim.tasks()) sim.setTaskStatus(task.instanceID, 'completed');
    // The oldest task in the server's own newest-first order.
    await store.setQuery({});
    while (store.hasMore) await store.loadMore();
    oldest = store.tasks.at(-1)!.id;
    sim.setTaskStatus(oldest, 'inProgress');
    sim.setTaskStatus(store.tasks[5]!.id, 'failed');
    return started;
  });

  it('reads the running and pending tasks with a status filter first and shows them first', async () => {
    const { sim, http } = ao();
    const fresh = new TaskStore(async () => new Jp1aoAdapter(api, 'ao', new Jp1aoClient(http, credentialsOf(sim)), sim.username, async () => undefined), 50);
    sim.clearRequests();
    await fresh.setQuery({ order: 'runningFirst' });
    assert.equal(fresh.tasks[0]!.id, oldest);
    assert.equal(fresh.tasks.length, 50);
    const filtered = sim.requests.filter((r) => r.path.endsWith('/Tasks') && /inProgress/.test(r.query['HQL::filter'] ?? '') && r.query['HQL::limit'] !== '1');
    assert.equal(filtered.length, 1, 'one status-filtered read of the unfinished tasks');
    fresh.dispose();
  });

  it('counts running and failed work with one request each, unchanged by a filter', async () => {
    const { sim, store } = ao();
    sim.clearRequests();
    await store.setQuery({ categories: ['succeeded'] });
    assert.deepEqual(store.totals, { running: 1, failed: 1 });
    const counts = sim.requests.filter((r) => r.path.endsWith('/Tasks') && r.query['HQL::limit'] === '1');
    assert.equal(counts.length, 2);
    assert.ok(counts.every((r) => /status in \[/.test(r.query['HQL::filter'] ?? '')));
  });
});

describe('task order and durations', () => {
  const now = Date.UTC(2026, 0, 10, 12);
  const task = (id: string, category: Task['category'], end?: number): Task => ({
    key: `c/${id}`,
    id,
    connection: 'c',
    product: 'lxca',
    title: id,
    status: category,
    statusLabel: category,
    category,
    end,
    children: [],
    operations: [],
    raw: undefined,
  });

  it('orders running, pending, failed in the last 24 h, then the rest, keeping newest first inside each', () => {
    const hour = 3_600_000;
    const tasks = [
      task('9', 'succeeded', now - hour),
      task('8', 'failed', now - 30 * hour),
      task('7', 'pending'),
      task('6', 'failed', now - 2 * hour),
      task('5', 'running'),
      task('4', 'runningWithErrors'),
      task('3', 'pending'),
    ];
    assert.deepEqual(runningFirst(tasks, now).map((t) => t.id), ['5', '4', '7', '3', '6', '9', '8']);
  });

  it('writes how long a task ran with its two largest units', () => {
    assert.equal(durationText(0), '0 s');
    assert.equal(durationText(45_000), '45 s');
    assert.equal(durationText(252_000), '4 min 12 s');
    assert.equal(durationText(3_600_000), '1 h');
    assert.equal(durationText(2 * 86_400_000 + 5 * 3_600_000 + 60_000), '2 d 5 h');
  });
});

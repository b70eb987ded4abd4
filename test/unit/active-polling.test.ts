// Active polling reads only what can still move: counted at the simulators, in requests and bytes.
import { strict as assert } from 'node:assert';
import type { Jp1aoSimulator, LxcaSimulator } from '../../src/simulator/index';
import type { RecordedRequest } from '../../src/simulator/types';
import { jobListChunks, maxJobListPathLength } from '../../src/tasks/lxca';
import type { StoreChange, TaskStore } from '../../src/tasks/store';
import { pinJob } from '../support/pinJobs';
import { startJp1aoStore, startLxcaStore, type StoreFixture } from '../support/storeFixture';

const fullReadEveryMs = 60_000;

/** A clock the test moves by hand, so "the idle interval passed" takes no time. */
function manualClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const bytesOf = (requests: readonly RecordedRequest[]) => requests.reduce((sum, r) => sum + r.bytes, 0);

describe('active polling against the LXCA simulator', () => {
  let lab: StoreFixture<LxcaSimulator>;
  let sim: LxcaSimulator;
  let store: TaskStore;
  let clock: ReturnType<typeof manualClock>;
  let running: string[];

  async function start(size: number, runningCount: number, pageSize = 200) {
    clock = manualClock();
    lab = await startLxcaStore({ size, seed: 21, newItemEveryMs: 0 }, pageSize, { fullReadEveryMs, now: clock.now });
    ({ sim, store } = lab);
    // The newest jobs run, every other one has finished, subtasks alike, all pinned: nothing moves
    // unless the test moves it.
    const newestFirst = sim.jobs().sort((a, b) => Number(b.jobUID) - Number(a.jobUID));
    running = newestFirst.slice(0, runningCount).map((job) => String(job.jobUID));
    newestFirst.forEach((job, i) => pinJob(sim, job, i < runningCount ? 'Running' : 'Complete', i < runningCount ? 40 : 100));
    await store.refresh();
    sim.clearRequests();
  }

  afterEach(() => lab.close());

  it('reads the unfinished jobs in one GET /tasks/{job_list} with literal commas, a few per cent of the full list', async () => {
    await start(2000, 20);
    await store.refresh(false);
    const full = sim.requests.filter((r) => r.method === 'GET' && r.path === '/tasks');
    assert.equal(full.length, 1);
    sim.clearRequests();

    await store.refresh(true);
    assert.equal(sim.requests.length, 1, sim.requests.map((r) => r.path).join(' '));
    const [poll] = sim.requests;
    assert.equal(poll.method, 'GET');
    assert.equal(poll.path, `/tasks/${store.tasks.filter((t) => t.category === 'running').map((t) => t.id).join(',')}`);
    assert.deepEqual(poll.path.slice('/tasks/'.length).split(',').sort(), [...running].sort());
    const ratio = bytesOf(sim.requests) / bytesOf(full);
    assert.ok(ratio > 0 && ratio <= 0.05, `active poll read ${(ratio * 100).toFixed(1)} % of the full list's bytes`);
  });

  it('shows what moved, fires nothing when nothing moved', async () => {
    await start(300, 3);
    const changes: StoreChange[] = [];
    store.onDidChange((change) => changes.push(change));
    await store.refresh(true);
    assert.equal(changes.length, 0, 'an unchanged active poll fires no change');

    sim.setJobStatus(running[1], 'Complete', 100);
    await store.refresh(true);
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0].changed.map((t) => t.id), [running[1]]);
    assert.equal(changes[0].listChanged, false);
    assert.equal(store.find(`lab/${running[1]}`)!.category, 'succeeded');
    assert.ok(sim.requests.every((r) => r.path !== '/tasks'), 'no full list for a job that finished');
  });

  it('reads the full list at the idle interval, on a user Refresh and after a user action', async () => {
    await start(300, 3);
    const fullReads = () => sim.requests.filter((r) => r.method === 'GET' && r.path === '/tasks').length;
    await store.refresh(true);
    assert.equal(fullReads(), 0);
    clock.advance(fullReadEveryMs);
    await store.refresh(true);
    assert.equal(fullReads(), 1, 'a poll at the idle interval reads the full list');
    await store.refresh(true);
    assert.equal(fullReads(), 1);
    await store.refresh(false);
    assert.equal(fullReads(), 2, "a user's Refresh reads the full list");
    store.applyUpdates([]);
    await store.refresh(true);
    assert.equal(fullReads(), 3, 'the poll after a user action reads the full list');
    await store.refresh(true);
    assert.equal(fullReads(), 3);
  });

  it('still reads the full list after an action made while a full read was already under way', async () => {
    await start(300, 3);
    clock.advance(fullReadEveryMs);
    const fullPoll = store.refresh(true);
    store.applyUpdates([]); // the action's result arrives while that read runs
    await fullPoll;
    sim.clearRequests();
    await store.refresh(true);
    assert.deepEqual(sim.requests.map((r) => r.path), ['/tasks'], 'the read that began before the action does not count for it');
  });

  it('reads the full list when a read job has vanished, and shows new jobs then', async () => {
    await start(300, 3);
    sim.faults.failNext = { status: 404, count: 1, path: /^\/tasks\/\d/ };
    await store.refresh(true);
    assert.deepEqual(sim.requests.map((r) => `${r.status} ${r.path.replace(/\/tasks\/.+/, '/tasks/{job_list}')}`), ['404 /tasks/{job_list}', '200 /tasks']);
    assert.equal(store.state.kind, 'loaded');
  });

  it('splits the job list only past a safe URL length', async () => {
    await start(1200, 600, 1200);
    await store.refresh(true);
    const reads = sim.requests.filter((r) => r.path.startsWith('/tasks/'));
    assert.ok(reads.length >= 2, `${reads.length} requests for 600 jobs`);
    assert.ok(reads.every((r) => r.path.length <= maxJobListPathLength), 'every path within the limit');
    assert.equal(reads.length, jobListChunks(running).length, 'no more requests than the length needs');
    const read = reads.flatMap((r) => r.path.slice('/tasks/'.length).split(','));
    assert.deepEqual(read.sort(), [...running].sort());
  });

  it('re-reads the full list when a job leaves the filtered categories', async () => {
    await start(300, 3);
    await store.setQuery({ categories: ['running'] });
    assert.equal(store.tasks.length, 3);
    sim.clearRequests();
    sim.setJobStatus(running[0], 'Complete', 100);
    await store.refresh(true);
    assert.equal(sim.requests.filter((r) => r.path === '/tasks').length, 1);
    assert.deepEqual(store.tasks.map((t) => t.id).sort(), running.slice(1).sort());
  });
});

describe('jobListChunks', () => {
  it('keeps every id, in order, in paths of at most the given length', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => String(100_000 + i));
    const chunks = jobListChunks(ids, 200);
    assert.deepEqual(chunks.flat(), ids);
    for (const chunk of chunks) assert.ok(`/tasks/${chunk.join(',')}`.length <= 200);
    assert.equal(chunks.length, Math.ceil(1000 / Math.floor((200 - 7 + 1) / 7)));
    assert.deepEqual(jobListChunks(['1', '2']), [['1', '2']]);
  });
});

describe('active polling against the JP1/AO simulator', () => {
  let ao: StoreFixture<Jp1aoSimulator>;
  let sim: Jp1aoSimulator;
  let store: TaskStore;
  let running: string[];

  async function start(runningCount: number) {
    ao = await startJp1aoStore({ size: 400, seed: 22, newItemEveryMs: 0 }, 100, { fullReadEveryMs });
    ({ sim, store } = ao);
    for (const task of sim.tasks()) sim.setTaskStatus(task.instanceID, 'completed');
    await store.refresh();
    running = store.tasks.slice(0, runningCount).map((t) => t.id);
    for (const id of running) sim.setTaskStatus(id, 'inProgress');
    await store.refresh();
    sim.clearRequests();
  }

  afterEach(() => ao.close());

  it('reads one or two unfinished tasks one by one', async () => {
    await start(2);
    await store.refresh(true);
    assert.deepEqual(sim.requests.map((r) => r.path).sort(), running.map((id) => `/Automation/v1/objects/Tasks/${id}`).sort());
  });

  it('reads more unfinished tasks in one list filtered to the unfinished statuses, fewer bytes than the page', async () => {
    await start(10);
    await store.refresh(false);
    const page = [...sim.requests];
    sim.clearRequests();
    await store.refresh(true);
    assert.equal(sim.requests.length, 1);
    assert.match(sim.requests[0].query['HQL::filter'], /status in \[/);
    assert.ok(!/completed|failed|canceled/.test(sim.requests[0].query['HQL::filter']), 'finished statuses are not asked for');
    assert.ok(bytesOf(sim.requests) < bytesOf(page) / 5, `${bytesOf(sim.requests)} bytes against ${bytesOf(page)}`);

    sim.setTaskStatus(running[3], 'failed');
    await store.refresh(true);
    assert.equal(store.find(`ao/${running[3]}`)!.category, 'failed', 'a task that left the unfinished list is shown from the full page');
  });
});

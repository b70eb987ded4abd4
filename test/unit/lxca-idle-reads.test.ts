// LXCA idle reads that scale: a poll at the idle interval lists the jobs without their subtasks and
// reads the subtasks only of the shown jobs that may have new ones, against the simulator over
// loopback; subtasks of a job never vanish between reads.
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { HttpClient } from '../../src/api/http';
import { LxcaClient } from '../../src/api/lxca/client';
import { startLxcaSimulator, type LxcaSimulator } from '../../src/simulator/index';
import type { RecordedRequest } from '../../src/simulator/types';
import { fullListEveryNthIdleRead, LxcaAdapter } from '../../src/tasks/lxca';
import { TaskStore } from '../../src/tasks/store';
import { pinJob } from '../support/pinJobs';
import { credentialsOf } from '../support/storeFixture';

const idleMs = 60_000;
const bytesOf = (requests: readonly RecordedRequest[]) => requests.reduce((sum, r) => sum + r.bytes, 0);
const lists = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.path === '/tasks');

describe('LXCA idle reads', () => {
  let sim: LxcaSimulator;
  let http: HttpClient;
  let store: TaskStore;
  let now = 1_000_000;
  let runningJob: string;
  let finishedJob: string;

  beforeEach(async () => {
    sim = await startLxcaSimulator({ size: 400, seed: 9, newItemEveryMs: 0 });
    for (const job of sim.jobs()) pinJob(sim, job, 'Complete', 100);
    finishedJob = String(sim.jobs().sort((a, b) => Number(b.jobUID) - Number(a.jobUID)).find((job) => job.children.length > 0).jobUID);
    runningJob = sim.addJob({ name: 'Firmware update on three servers', children: [{ name: 'Server 1' }, { name: 'Server 2' }, { name: 'Server 3' }] });
    sim.setJobStatus(runningJob, 'Running', 10);
    http = new HttpClient({ baseUrl: sim.url });
    const adapter = new LxcaAdapter(api, 'lab', new LxcaClient(http, credentialsOf(sim)), () => http.close());
    store = new TaskStore(async () => adapter, 100, {}, { fullReadEveryMs: idleMs, now: () => now });
    await store.refresh();
  });
  afterEach(async () => {
    store.dispose();
    await http.close();
    await sim.close();
  });

  it('keeps the subtasks of a running job and of a finished one over ten idle polls, reading less', async () => {
    const children = (id: string) => store.find(`lab/${id}`)?.children.map((child) => child.id) ?? [];
    const runningChildren = children(runningJob);
    const finishedChildren = children(finishedJob);
    assert.equal(runningChildren.length, 3);
    assert.ok(finishedChildren.length > 0);
    sim.clearRequests();
    await store.refresh(false);
    const fullBytes = bytesOf(sim.requests);

    let compactReads = 0;
    for (let poll = 1; poll <= 10; poll++) {
      now += idleMs;
      const percent = 10 + poll * 5;
      for (const child of sim.job(runningJob).children) sim.setJobStatus(String(child.jobUID), 'Running', percent);
      sim.clearRequests();
      await store.refresh(true);
      const [list] = lists(sim.requests);
      assert.ok(list, `poll ${poll} listed the jobs`);
      if (list.query.compact === 'true') {
        compactReads++;
        assert.ok(bytesOf(sim.requests) < fullBytes, `poll ${poll}: ${bytesOf(sim.requests)} bytes against ${fullBytes}`);
        assert.ok(!sim.requests.some((r) => r.path.split(',').includes(`/tasks/${finishedJob}`) || r.path.includes(`,${finishedJob}`)), 'a finished job is not read again');
      }
      assert.deepEqual(children(runningJob), runningChildren, `poll ${poll}: the running job's subtasks are all there`);
      assert.deepEqual(children(finishedJob), finishedChildren, `poll ${poll}: the finished job's subtasks are all there`);
      assert.equal(store.find(`lab/${runningJob}`)!.children[0].progress, percent, `poll ${poll}: the running job's subtasks moved on`);
    }
    assert.equal(compactReads, 10 - Math.floor(10 / fullListEveryNthIdleRead), 'every Nth idle read is a full list');
  });

  it('reads the full list on a user\'s Refresh', async () => {
    now += idleMs;
    await store.refresh(true);
    sim.clearRequests();
    await store.refresh(false);
    assert.deepEqual(lists(sim.requests).map((r) => r.query.compact), [undefined]);
  });

  it('shows the subtasks of a job that appeared since the last read', async () => {
    const added = sim.addJob({ name: 'New job with steps', children: [{ name: 'Step 1' }, { name: 'Step 2' }] });
    sim.setJobStatus(added, 'Complete', 100);
    now += idleMs;
    await store.refresh(true);
    assert.equal(store.find(`lab/${added}`)?.children.length, 2);
  });
});

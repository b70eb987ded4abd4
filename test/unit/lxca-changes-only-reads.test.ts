// LXCA idle reads of only what can change: at most idle intervals a connection reads its unfinished
// jobs and asks whether a newer job exists, and lists the jobs only at one idle interval in
// `idleReadsPerFullRead`, against the simulator over loopback. Nothing a user sees is lost: a new
// job shows at the next idle interval, running jobs move on, subtasks stay.
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { HttpClient } from '../../src/api/http';
import { LxcaClient } from '../../src/api/lxca/client';
import { startLxcaSimulator, type LxcaSimulator } from '../../src/simulator/index';
import type { RecordedRequest } from '../../src/simulator/types';
import { LxcaAdapter } from '../../src/tasks/lxca';
import { TaskStore } from '../../src/tasks/store';
import { idleReadsPerFullRead } from '../../src/tasks/storeOptions';
import { pinJob } from '../support/pinJobs';
import { credentialsOf } from '../support/storeFixture';

const idleMs = 60_000;
const bytesOf = (requests: readonly RecordedRequest[]) => requests.reduce((sum, r) => sum + r.bytes, 0);
const listed = (requests: readonly RecordedRequest[]) => requests.some((r) => r.path === '/tasks');

describe('LXCA idle reads of only what can change', () => {
  let sim: LxcaSimulator;
  let http: HttpClient;
  let store: TaskStore;
  let now = 1_000_000;
  let runningJob: string;

  beforeEach(async () => {
    sim = await startLxcaSimulator({ size: 400, seed: 9, newItemEveryMs: 0 });
    for (const job of sim.jobs()) pinJob(sim, job, 'Complete', 100);
    runningJob = sim.addJob({ name: 'Firmware update on two servers', children: [{ name: 'Server 1' }, { name: 'Server 2' }] });
    sim.setJobStatus(runningJob, 'Running', 10);
    http = new HttpClient({ baseUrl: sim.url });
    const adapter = new LxcaAdapter(api, 'lab', new LxcaClient(http, credentialsOf(sim)), () => http.close());
    store = new TaskStore(async () => adapter, 100, {}, { fullReadEveryMs: idleMs, idleReadsPerFullRead, now: () => now });
    await store.refresh();
  });
  afterEach(async () => {
    store.dispose();
    await http.close();
    await sim.close();
  });

  const idlePoll = async () => {
    now += idleMs;
    sim.clearRequests();
    await store.refresh(true);
    return [...sim.requests];
  };

  it('lists the jobs at one idle interval in idleReadsPerFullRead and reads far less at the others, the running job moving on', async () => {
    sim.clearRequests();
    await store.refresh(false);
    const fullBytes = bytesOf(sim.requests);
    for (let poll = 1; poll <= 2 * idleReadsPerFullRead; poll++) {
      const percent = 10 + poll * 5;
      sim.setJobStatus(runningJob, 'Running', percent);
      const requests = await idlePoll();
      const listing = poll % idleReadsPerFullRead === 0;
      assert.equal(listed(requests), listing, `poll ${poll}: ${requests.map((r) => r.path).join(' ')}`);
      if (!listing) assert.ok(bytesOf(requests) * 20 < fullBytes, `poll ${poll}: ${bytesOf(requests)} bytes against ${fullBytes}`);
      assert.equal(store.find(`lab/${runningJob}`)?.progress, percent, `poll ${poll}: the running job moved on`);
      assert.equal(store.find(`lab/${runningJob}`)?.children.length, 2, `poll ${poll}: its subtasks are there`);
      assert.equal(store.state.kind, 'loaded');
    }
  });

  it('shows a job that appeared since the last read at the next idle interval, with its subtasks, then reads little again', async () => {
    await idlePoll();
    const total = store.total;
    const added = sim.addJob({ name: 'New job with steps', children: [{ name: 'Step 1' }, { name: 'Step 2' }] });
    sim.setJobStatus(added, 'Complete', 100);
    const requests = await idlePoll();
    assert.ok(listed(requests), 'a newer job makes the idle read list the jobs');
    assert.equal(store.find(`lab/${added}`)?.children.length, 2);
    assert.equal(store.tasks[0]?.id, added, 'the new job is shown first');
    assert.equal(store.total, total + 1);
    assert.ok(!listed(await idlePoll()), 'with nothing newer the next idle read lists nothing');
  });

  it("reads the full list on a user's Refresh", async () => {
    await idlePoll();
    sim.clearRequests();
    await store.refresh(false);
    assert.deepEqual(
      sim.requests.filter((r) => r.path === '/tasks').map((r) => r.query.compact),
      [undefined],
    );
  });
});

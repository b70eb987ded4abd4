// A server that drops, fails or stalls: the store keeps the last tasks, the poller retries from the
// active interval, and a user's Refresh is never held up by a stalled load. Over loopback.
import { strict as assert } from 'node:assert';
import type { LxcaSimulator } from '../../src/simulator/index';
import { storePollTarget } from '../../src/tasks/storePolling';
import { Poller } from '../../src/tasks/poller';
import type { StoreChange } from '../../src/tasks/store';
import { startLxcaStore, useFixture } from '../support/storeFixture';
import { sleep } from '../support/wait';


describe('a TaskStore through an outage (LXCA simulator)', () => {
  const lab = useFixture('each', async () => {
    const started = await startLxcaStore({ size: 250, seed: 31, newItemEveryMs: 0 }, 100);
    await started.store.refresh();
    return started;
  });

  for (const [fault, apply] of [
    ['dropped connections', (s: LxcaSimulator) => void (s.faults.dropConnections = true)],
    ['a 500 answer', (s: LxcaSimulator) => void (s.faults.failNext = { status: 500, count: 100 })],
    ['a 412 answer', (s: LxcaSimulator) => void (s.faults.unavailable = true)],
  ] as const) {
    it(`keeps the last tasks, marked stale, through ${fault}, and recovers`, async () => {
      const { sim, store } = lab();
      const shown = store.tasks;
      const loadedAt = store.loadedAt;
      const changes: StoreChange[] = [];
      store.onDidChange((change) => changes.push(change));
      apply(sim);
      await store.refresh(true);
      assert.equal(store.state.kind, 'failed');
      assert.equal(store.tasks, shown, 'the same tasks stay');
      assert.equal(store.total, 250);
      assert.ok(store.stale);
      assert.equal(store.loadedAt, loadedAt, 'the time of the last successful read is kept');
      assert.deepEqual(changes.map((c) => c.stateChanged), [true]);

      sim.faults.dropConnections = false;
      sim.faults.unavailable = false;
      sim.faults.failNext = undefined;
      await store.refresh(true);
      assert.equal(store.state.kind, 'loaded');
      assert.equal(store.stale, false);
      assert.equal(store.tasks.length, 100);
      assert.ok(store.loadedAt >= loadedAt);
    });
  }

  it("lets a user's Refresh replace a stalled poll at once", async () => {
    const { sim, store } = lab();
    sim.faults.latencyMs = 30_000;
    const started = Date.now();
    const stalledPoll = store.refresh(true);
    await sleep(100);
    sim.faults.latencyMs = 0;
    sim.setJobStatus(store.tasks[0].id, 'Cancelled');
    await store.refresh(false);
    await stalledPoll;
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.equal(store.state.kind, 'loaded');
    assert.equal(store.tasks[0].category, 'cancelled', "the user's load is what shows");
    assert.equal(sim.requests.filter((r) => r.path === '/tasks').length >= 2, true);
  });

  it("drops a stalled poll's late answer", async () => {
    const { sim, store } = lab();
    sim.faults.latencyMs = 400;
    const stalledPoll = store.refresh(true);
    await sleep(50);
    sim.faults.latencyMs = 0;
    const target = store.tasks[1];
    sim.setJobStatus(target.id, 'Cancelled');
    await store.refresh(false);
    sim.setJobStatus(target.id, 'Complete', 100); // what the abandoned poll would not have seen
    await stalledPoll;
    await sleep(500);
    assert.equal(store.find(target.key)!.category, 'cancelled');
  });
});

describe('a Poller and a TaskStore through an outage', () => {
  it('retries at the active interval, then backs off, and polls normally once the server is back', async () => {
    const lab = await startLxcaStore({ size: 20, seed: 32, newItemEveryMs: 0 }, 100, { fullReadEveryMs: 320 });
    const { sim, store } = lab;
    const poller = new Poller(storePollTarget(store, (background) => store.refresh(background)), { activeMs: 40, idleMs: 320 });
    try {
      for (const job of sim.jobs()) sim.setJobStatus(job.jobUID, 'Complete', 100);
      await store.refresh();
      sim.faults.dropConnections = true;
      poller.setWatching(true);
      sim.clearRequests();
      await sleep(1000);
      // Idle: one poll after 320 ms, then retries after 40, 80, 160, 320 ms.
      const tries = sim.requests.length;
      assert.ok(tries >= 3 && tries <= 6, `${tries} tries in 1 s`);
      assert.equal(poller.nextDelayMs(), 320, 'backs off to the idle interval, not beyond');
      assert.equal(store.tasks.length, 20, 'the tasks stay through the outage');
      sim.faults.dropConnections = false;
      await sleep(500);
      assert.equal(store.state.kind, 'loaded');
    } finally {
      poller.dispose();
      await lab.close();
    }
  });
});

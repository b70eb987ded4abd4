// The JP1/AO read path (client, adapter, TaskStore) against simulators that spell their status
// words in each dialect a real server might (docs/api/jp1ao.md, "Status words"), over loopback:
// the totals, Running first, the status filter, the active polls and Long Running stay right.
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { HttpClient } from '../../src/api/http';
import { Jp1aoClient } from '../../src/api/jp1ao/client';
import { startJp1aoSimulator } from '../../src/simulator/index';
import { spellStatus, STATUS_WORDS } from '../../src/simulator/jp1ao/words';
import type { SimulatorVariants } from '../../src/simulator/types';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import { TaskStore } from '../../src/tasks/store';
import { credentialsOf } from '../support/storeFixture';

const tasksPath = '/Automation/v1/objects/Tasks';
const running = ['inProgress', 'longRunning', 'waitingResponse', 'abnormalDetection', 'terminating'];
const unfinished = [...running, 'waiting', 'holding'];

interface Dialect {
  words: SimulatorVariants['jp1aoStatusWords'];
  filter: SimulatorVariants['jp1aoFilter'];
  longRunning: boolean;
}

const dialects: Dialect[] = [
  { words: 'camel', filter: 'match', longRunning: false },
  { words: 'pascal', filter: 'strict', longRunning: false },
  { words: 'upper', filter: 'empty', longRunning: false },
  { words: 'display', filter: 'strict', longRunning: false },
  { words: 'upper', filter: 'empty', longRunning: true },
  { words: 'display', filter: 'empty', longRunning: true },
  { words: 'camel', filter: 'strict', longRunning: true },
];

/** The simulator's own view of a task: its status word back in camel case. */
function camelOf(dialect: Dialect): (spelled: string) => string {
  const words = new Map(STATUS_WORDS.map((word) => [spellStatus(word, dialect.words), word]));
  return (spelled) => words.get(spelled) ?? spelled;
}

async function start(dialect: Dialect) {
  const sim = await startJp1aoSimulator({
    size: 300,
    seed: 11,
    newItemEveryMs: 0,
    variants: { jp1aoStatusWords: dialect.words, jp1aoFilter: dialect.filter, jp1aoLongRunning: dialect.longRunning },
  });
  const camel = camelOf(dialect);
  // Nothing moves unless the test moves it: every task pinned where it is.
  for (const task of sim.tasks()) {
    const word = camel(task.status);
    sim.setTaskStatus(task.instanceID, word === 'longRunning' ? 'inProgress' : word);
  }
  const http = new HttpClient({ baseUrl: sim.url });
  const notices: string[] = [];
  const adapter = new Jp1aoAdapter(api, 'ao', new Jp1aoClient(http, credentialsOf(sim)), sim.username, () => http.close(), (n) => notices.push(n));
  const count = (words: readonly string[]) => sim.tasks().filter((task) => words.includes(camel(task.status))).length;
  const close = async () => {
    await http.close();
    await sim.close();
  };
  return { sim, adapter, notices, camel, count, close };
}

for (const dialect of dialects) {
  const title = `${dialect.words} words, ${dialect.filter} filter${dialect.longRunning ? ', Long Running' : ''}`;
  describe(`JP1/AO status words: ${title}`, () => {
    let fixture: Awaited<ReturnType<typeof start>>;
    let store: TaskStore;
    let now = 1_000_000;
    beforeEach(async () => {
      fixture = await start(dialect);
      store = new TaskStore(async () => fixture.adapter, 50, {}, { now: () => now, fullReadEveryMs: 60_000 });
    });
    afterEach(async () => {
      store.dispose();
      await fixture.close();
    });

    it('totals equal the server\'s own counts of running and failed tasks', async () => {
      await store.refresh();
      assert.deepEqual(store.totals, { running: fixture.count(running), failed: fixture.count(['failed']) });
      assert.ok(store.totals!.running > 0 && store.totals!.failed > 0);
    });

    it('Running first shows every unfinished task before the rest', async () => {
      await store.setQuery({ order: 'runningFirst' });
      const expected = fixture.count(unfinished);
      const first = store.tasks.slice(0, expected);
      assert.ok(expected > 0);
      assert.ok(first.every((task) => ['running', 'runningWithErrors', 'pending'].includes(task.category)), 'the unfinished tasks come first');
      assert.ok(store.tasks.slice(expected).every((task) => !unfinished.includes(fixture.camel(task.status))));
    });

    it('the status filter shows exactly the failed tasks, with their total', async () => {
      await store.setQuery({ categories: ['failed'] });
      assert.equal(store.total, fixture.count(['failed']));
      assert.ok(store.tasks.length > 0 && store.tasks.every((task) => task.category === 'failed'));
      await store.setQuery({ categories: ['running', 'runningWithErrors'] });
      assert.equal(store.total, fixture.count(running));
    });

    it('an active poll reads the unfinished tasks without a full read and sees one detect an error', async () => {
      await store.refresh();
      const runningTask = store.tasks.find((task) => task.category === 'running')!;
      fixture.sim.setTaskStatus(runningTask.id, 'abnormalDetection');
      fixture.sim.clearRequests();
      now += 5_000;
      await store.refresh(true);
      assert.equal(store.find(runningTask.key)?.category, 'runningWithErrors');
      const lists = fixture.sim.requests.filter((r) => r.path === tasksPath);
      assert.ok(lists.every((r) => /status in/.test(r.query['HQL::filter'] ?? '')), 'only the unfinished tasks were listed');
    });

    if (dialect.longRunning) {
      it('shows Long Running tasks as running, with their label, and counts them', async () => {
        await store.setQuery({ categories: ['running'] });
        const longRunning = store.tasks.filter((task) => fixture.camel(task.status) === 'longRunning');
        assert.ok(longRunning.length > 0);
        assert.ok(longRunning.every((task) => task.category === 'running' && task.statusLabel === 'Long Running'));
        assert.ok(longRunning.every((task) => task.operations.includes('stop')));
        assert.equal(store.total, fixture.count(['inProgress', 'longRunning', 'waitingResponse', 'terminating']));
      });
    }

    it('says nothing in the log about words it knows, and never filters with a word the server did not send', async () => {
      await store.refresh();
      await store.setQuery({ order: 'runningFirst', categories: ['running', 'runningWithErrors', 'pending', 'failed'] });
      assert.deepEqual(fixture.notices, []);
      const sent = new Set(fixture.sim.tasks().map((task) => task.status));
      for (const request of fixture.sim.requests.filter((r) => r.path === tasksPath)) {
        const words = [...(request.query['HQL::filter'] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1]);
        assert.ok(words.every((word) => sent.has(word)), `${request.query['HQL::filter']} names only words the server sent`);
      }
    });
  });
}

describe('JP1/AO status words: a status filter that proves wrong', () => {
  const dialect: Dialect = { words: 'upper', filter: 'match', longRunning: false };
  let fixture: Awaited<ReturnType<typeof start>>;
  beforeEach(async () => {
    fixture = await start(dialect);
  });
  afterEach(async () => fixture.close());

  const expected = () => ({ running: fixture.count(running), failed: fixture.count(['failed']) });
  const distrusted = () => fixture.notices.filter((n) => /reads task lists unfiltered/.test(n));

  it('a refused filter (400) switches the connection to counting on the client, said once', async () => {
    await fixture.adapter.list({}, 50, { background: false, totals: true });
    fixture.sim.faults.failNext = { status: 400, count: 1, path: /\/Tasks$/ };
    assert.deepEqual(await fixture.adapter.totals(), expected());
    assert.deepEqual(await fixture.adapter.totals(), expected());
    const page = await fixture.adapter.list({ categories: ['failed'] }, 50, { background: false, totals: true });
    assert.equal(page.total, fixture.count(['failed']));
    assert.ok(page.tasks.every((task) => task.category === 'failed'));
    assert.equal(distrusted().length, 1);
  });

  it('a filter answering nothing while a task just read shows the status is not believed', async () => {
    await fixture.adapter.list({}, 50, { background: false, totals: true });
    // Both counts answer an empty list; the task read that checks them does not.
    fixture.sim.faults.failNext = { status: 200, count: 2, path: /\/Tasks$/ };
    assert.deepEqual(await fixture.adapter.totals(), expected());
    assert.equal(distrusted().length, 1);
    const first = await fixture.adapter.list({ order: 'runningFirst' }, 50, { background: false, totals: false });
    const unfinishedCount = fixture.count(unfinished);
    assert.ok(first.tasks.slice(0, unfinishedCount).every((task) => unfinished.includes(fixture.camel(task.status))));
  });

  it('an unknown word is shown as sent with category Other, and logged once per connection', async () => {
    const id = fixture.sim.tasks()[0].instanceID;
    fixture.sim.setTaskStatus(id, 'quarantined');
    await fixture.adapter.list({}, 500, { background: false, totals: true });
    await fixture.adapter.list({}, 500, { background: false, totals: true });
    const [task] = await fixture.adapter.read([String(id)]);
    const sent = fixture.sim.task(id).status;
    assert.equal(task.status, sent);
    assert.equal(task.statusLabel, sent);
    assert.equal(task.category, 'unknown');
    assert.equal(fixture.notices.filter((n) => n.includes(`"${sent}"`)).length, 1);
    const other = await fixture.adapter.list({ categories: ['unknown'] }, 50, { background: false, totals: false });
    assert.deepEqual(other.tasks.map((t) => t.id), [String(id)]);
  });
});

describe('JP1/AO count queries', () => {
  it('ask for one row of ids, and past the tasks a server that ignores the page size would send', async () => {
    const sim = await startJp1aoSimulator({ size: 2000, seed: 3, newItemEveryMs: 0, variants: { jp1aoPaging: 'ignore' } });
    const http = new HttpClient({ baseUrl: sim.url });
    try {
      const adapter = new Jp1aoAdapter(api, 'ao', new Jp1aoClient(http, credentialsOf(sim)), sim.username, () => http.close());
      await adapter.list({}, 50, { background: false, totals: true });
      sim.clearRequests();
      const totals = await adapter.totals();
      const counts = sim.requests.filter((r) => r.path === tasksPath);
      assert.equal(counts.length, 2);
      assert.ok(counts.every((r) => r.query['HQL::fields'] === 'instanceID' && r.query['HQL::limit'] === '1'));
      assert.ok(counts.every((r) => r.bytes <= 2000), `${counts.map((r) => r.bytes).join(', ')} bytes`);
      assert.ok(totals.running > 0);
    } finally {
      await http.close();
      await sim.close();
    }
  });
});

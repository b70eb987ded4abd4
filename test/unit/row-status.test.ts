// What a task row says at a glance, against the simulators over loopback: the status (and a
// running task's progress) first, times that say what they are and come from the latest run, the
// progress ring, counts that say how old they are, and rows that keep their places while acted on.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jp1aoClient } from '../../src/api/jp1ao/client';
import { countsAsOf } from '../../src/tasks/countsAge';
import { taskDurationMs } from '../../src/tasks/duration';
import { taskFacts } from '../../src/tasks/facts';
import { locale } from '../../src/tasks/l10n';
import { progressIconFiles, progressStep } from '../../src/tree/progressIcon';
import { taskDescription, taskRowText } from '../../src/tree/taskText';
import { credentialsOf, startJp1aoStore, startLxcaStore, useFixture } from '../support/storeFixture';
import { until } from '../support/wait';

const repositoryRoot = join(__dirname, '..', '..', '..');
const minute = 60_000;

describe('row status: LXCA jobs', () => {
  const lab = useFixture('each', () => startLxcaStore({ size: 20, seed: 3, newItemEveryMs: 0 }, 50));

  it('puts the status and the progress of running work first, then when it started', async () => {
    const { sim, store } = lab();
    const id = sim.addJob({ name: 'Firmware update on SR650-07 Prod rack 4 bay 12', status: 'Running', percentage: 45 });
    await store.refresh();
    const task = store.find(`lab/${id}`)!;
    const description = taskDescription(task);
    assert.match(description, /^Running 45% · started /, description);
    const failed = store.tasks.find((candidate) => candidate.category === 'failed' && candidate.end !== undefined);
    assert.ok(failed, 'the simulator has a failed job');
    assert.ok(taskDescription(failed).startsWith(`${failed.statusLabel} · ended `), taskDescription(failed));
  });

  it('says, on the rows of a connection that cannot be read, as of when they were read', async () => {
    const { sim, store } = lab();
    const id = sim.addJob({ name: 'Cannot be read', status: 'Running', percentage: 10 });
    await store.refresh();
    const readAt = store.loadedAt;
    sim.faults.failNext = { status: 503, count: 5 };
    await store.refresh();
    assert.ok(store.stale);
    const text = taskRowText(store.find(`lab/${id}`)!, undefined, readAt + minute, undefined, readAt);
    const clock = new Date(readAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    assert.equal(text.description.split(' · ').slice(0, 2).join(' · '), `Running 10% · as of ${clock}`);
  });

  it('keeps the rows in place while held, and shows the order as read when the hold ends', async () => {
    const { sim, store } = lab();
    const id = sim.addJob({ name: 'Cancelled under the pointer', status: 'Running', percentage: 30 });
    await store.setQuery({ order: 'runningFirst' });
    const at = store.tasks.findIndex((task) => task.id === id);
    assert.equal(store.tasks[at]!.category, 'running');
    const before = store.tasks.map((task) => task.key);

    store.holdOrder(1_500);
    sim.setJobStatus(id, 'Cancelled', 30);
    await store.refresh();
    assert.equal(store.tasks[at]!.id, id, 'the row stays where it was');
    assert.equal(store.tasks[at]!.statusLabel, 'Cancelled', 'and shows its new status');
    assert.deepEqual(store.tasks.map((task) => task.key), before);

    await until('the order as read', () => store.tasks.findIndex((task) => task.id === id) > at);
    assert.ok(store.tasks.slice(0, 3).every((task) => task.id !== id));
  });

  it('re-sorts at once when the user changes the order, hold or not', async () => {
    const { sim, store } = lab();
    const id = sim.addJob({ name: 'Oldest running', status: 'Running', percentage: 5 });
    await store.setQuery({});
    store.holdOrder(60_000);
    await store.setQuery({ order: 'runningFirst' });
    assert.equal(store.tasks[0]!.category, 'running');
    assert.ok(store.tasks.some((task) => task.id === id));
  });
});

describe('row status: a retried JP1/AO task', () => {
  const ao = useFixture('each', () => startJp1aoStore({ size: 40, seed: 11, newItemEveryMs: 0 }, 100));

  it('dates the row, the tooltip and the duration from the latest run, not the first start', async () => {
    const { sim, http, store } = ao();
    const candidate = sim.tasks().find((task) => task.status === 'failed' && String(task.supportedActionType).includes('retry') && task.scheduleID === undefined);
    assert.ok(candidate, 'the simulator has a retryable failed task');
    await store.refresh();
    const failed = store.find(`ao/${candidate.instanceID}`)!;
    const firstStart = failed.start!;
    assert.ok(Date.now() - firstStart > 10 * minute, 'the first run started long ago');

    const client = new Jp1aoClient(http, credentialsOf(sim));
    await client.rerunStart(candidate.instanceID);
    const retriedAt = Date.now();
    await store.refresh();
    const running = store.find(`ao/${candidate.instanceID}`)!;
    assert.equal(running.category, 'running');
    assert.ok(Math.abs(running.start! - retriedAt) < 5_000, 'starts at the retry');
    assert.equal(running.firstStart, firstStart);
    assert.match(taskDescription(running), /· started just now$/);
    const facts = new Map(taskFacts(running));
    assert.ok(facts.get('First started'), 'the tooltip keeps the first start');
    assert.ok(facts.get('Latest run started'));
    assert.match(facts.get('Submitted') ?? '', /\S/);
    // Every time in the tooltip names its zone.
    const zone = new Intl.DateTimeFormat(locale(), { timeZoneName: 'short' }).formatToParts(running.start!).find((part) => part.type === 'timeZoneName')?.value;
    assert.ok(zone && facts.get('Latest run started')!.endsWith(zone), `"${facts.get('Latest run started')}" names the zone ${zone}`);

    await until('a moment after the retry', () => Date.now() > retriedAt + 20);
    sim.setTaskStatus(candidate.instanceID, 'completed');
    await store.refresh();
    const completed = store.find(`ao/${candidate.instanceID}`)!;
    assert.equal(completed.category, 'succeeded');
    assert.ok(taskDurationMs(completed)! < minute, `ran ${taskDurationMs(completed)} ms, the latest run only`);
    assert.match(taskDescription(completed), /^Completed · submitted .* · ended just now$/);
  });

  it('names what each time on a short-named row is', async () => {
    const { store } = ao();
    await store.refresh();
    const named = store.tasks.find((task) => task.shortTitle && task.end !== undefined);
    assert.ok(named, 'a finished task named with its submit time');
    assert.match(taskDescription(named), /^[^·]+ · submitted [^·]+ · ended /);
  });
});

describe('row status: progress icons and how old counts are', () => {
  it('draws progress in 10 % steps, never empty once started and never full before the end', () => {
    assert.deepEqual([0, 1, 4, 5, 45, 94, 95, 99.9, 100].map(progressStep), [0, 10, 10, 10, 50, 90, 90, 90, 100]);
    for (let percent = 0; percent <= 100; percent++) {
      for (const category of ['running', 'runningWithErrors'] as const) {
        for (const file of Object.values(progressIconFiles(category, percent))) {
          const path = join(repositoryRoot, file);
          assert.ok(existsSync(path), `${file} exists`);
          assert.match(readFileSync(path, 'utf8'), /^<svg /);
        }
      }
    }
  });

  it('passes counts off as current only within two polls of their read', () => {
    const intervals = { activeMs: 5_000, idleMs: 60_000 };
    const now = 1_000_000_000;
    const fresh = { loadedAt: now - 3_000, hasActiveTasks: true, stale: false };
    const hidden = { loadedAt: now - 2 * minute, hasActiveTasks: true, stale: false };
    const quiet = { loadedAt: now - 2 * minute + 10_000, hasActiveTasks: false, stale: false };
    const unreachable = { loadedAt: now - 1_000, hasActiveTasks: true, stale: true };
    const never = { loadedAt: 0, hasActiveTasks: false, stale: false };
    assert.deepEqual(countsAsOf([fresh, quiet, never], intervals, now), { asOf: undefined, nextCheck: fresh.loadedAt + 15_000 });
    assert.equal(countsAsOf([fresh, hidden], intervals, now).asOf, hidden.loadedAt);
    assert.equal(countsAsOf([fresh, unreachable], intervals, now).asOf, unreachable.loadedAt);
  });
});

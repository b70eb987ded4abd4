import { strict as assert } from 'node:assert';
import { Poller, type PollTarget } from '../../src/tasks/poller';
import { sleep, until } from '../support/wait';

/** A store stand-in that counts refreshes; the poller only sees this interface. */
class CountingTarget implements PollTarget {
  refreshes = 0;
  firstLoadRunning = false;
  hasActiveTasks = false;
  failing = false;
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;

  async refresh(): Promise<void> {
    this.refreshes++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await sleep(this.delayMs);
    this.inFlight--;
  }
}


describe('Poller', () => {
  let poller: Poller | undefined;
  afterEach(() => poller?.dispose());

  /** A target with these fields set, polled by a poller whose view is on screen. */
  function watched(intervals: { activeMs: number; idleMs: number }, fields: Partial<CountingTarget>): CountingTarget {
    const target = Object.assign(new CountingTarget(), fields);
    poller = new Poller(target, intervals);
    poller.setWatching(true);
    return target;
  }

  it('does not poll while nobody is watching', async () => {
    const target = new CountingTarget();
    poller = new Poller(target, { activeMs: 10, idleMs: 10 });
    await sleep(80);
    assert.equal(target.refreshes, 0);
  });

  it('waits for the first load to end before it polls (that load may be waiting for a password)', async () => {
    const target = watched({ activeMs: 10, idleMs: 10 }, { firstLoadRunning: true });
    await sleep(80);
    assert.equal(target.refreshes, 0, 'no poll while the first load runs');
    target.firstLoadRunning = false;
    await until('a poll once the first load ended', () => target.refreshes > 0, 2_000);
  });

  it('polls at the active interval while tasks run and at the idle interval otherwise', async () => {
    const target = watched({ activeMs: 15, idleMs: 10_000 }, { hasActiveTasks: true });
    await sleep(200);
    assert.ok(target.refreshes >= 3, `active: ${target.refreshes} polls`);
    target.hasActiveTasks = false;
    await sleep(40); // let the poll scheduled at the active interval run
    const settled = target.refreshes;
    await sleep(150);
    assert.equal(target.refreshes, settled, 'idle interval: no more polls');
  });

  it('stops when the view is hidden and resumes at once when shown after the interval passed', async () => {
    const target = watched({ activeMs: 20, idleMs: 20 }, { hasActiveTasks: true });
    await sleep(70);
    poller!.setWatching(false);
    const stopped = target.refreshes;
    await sleep(100);
    assert.equal(target.refreshes, stopped);
    poller!.setWatching(true);
    await sleep(5);
    assert.equal(target.refreshes, stopped + 1, 'an overdue refresh runs on showing the view');
  });

  it('never overlaps itself', async () => {
    const target = watched({ activeMs: 1, idleMs: 1 }, { hasActiveTasks: true, delayMs: 40 });
    await sleep(200);
    assert.equal(target.maxInFlight, 1);
    assert.ok(target.refreshes >= 2);
  });

  it('retries a failure at the active interval, backs off to the idle one, and resets after a success', async () => {
    const target = watched({ activeMs: 5, idleMs: 40 }, { failing: true });
    // Failing, the waits grow 5, 10, 20, 40 ms and stay at the idle interval.
    await until('five polls while failing', () => target.refreshes >= 5);
    assert.equal(poller!.nextDelayMs(), 40, 'the back-off stops at the idle interval, not beyond');
    target.failing = false;
    await sleep(poller!.nextDelayMs() + 30);
    target.hasActiveTasks = true;
    assert.equal(poller!.nextDelayMs(), 5, 'a success resets the back-off');
  });

  it('counts a failed refresh made outside the poller: the retry comes at the active interval', () => {
    const target = new CountingTarget();
    target.failing = true;
    poller = new Poller(target, { activeMs: 5_000, idleMs: 60_000 });
    poller.reschedule();
    assert.equal(poller.nextDelayMs(), 5_000, 'not the idle interval, nor twice it');
  });
});

import * as assert from 'node:assert/strict';
import { RefreshFollowUp } from '../../src/tree/refreshFollowUp';
import { sleep, until } from '../support/wait';

describe('RefreshFollowUp: a refresh VS Code lost is made again', () => {
  it('refreshes again while the node is not asked for, a few times at most', async () => {
    const refreshed: string[] = [];
    const followUp = new RefreshFollowUp<string>((node) => refreshed.push(node), 20, 3);
    followUp.refreshed('a');
    await until('three follow-up refreshes', () => refreshed.length === 3);
    await sleep(80); // four waits: a fourth would have come by now
    assert.deepEqual(refreshed, ['a', 'a', 'a']);
    followUp.dispose();
  });

  it('stops once VS Code asks for the children', async () => {
    const refreshed: string[] = [];
    const followUp = new RefreshFollowUp<string>((node) => refreshed.push(node), 50, 3);
    followUp.refreshed('a');
    followUp.refreshed('b');
    followUp.asked('b');
    await until('the follow-up of a', () => refreshed.includes('a'));
    followUp.asked('a');
    const count = refreshed.length;
    await sleep(200); // four waits: another follow-up would have come by now
    assert.equal(refreshed.length, count, 'no follow-up once asked');
    assert.ok(!refreshed.includes('b'), 'b was asked for at once');
    followUp.dispose();
  });
});

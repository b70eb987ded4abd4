import * as assert from 'node:assert/strict';
import { groupBy, mapWithConcurrency } from '../../src/util/collections';
import { sleep } from '../support/wait';

describe('task action helpers', () => {
  describe('mapWithConcurrency', () => {
    it('never has more than the limit in flight and keeps the order of the items', async () => {
      let inFlight = 0;
      let most = 0;
      const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6, 2, 1], 4, async (delay) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await sleep(delay * 3);
        inFlight--;
        return delay * 10;
      });
      assert.equal(most, 4);
      assert.deepEqual(results, [50, 10, 40, 20, 30, 0, 60, 20, 10]);
    });

    it('handles no items', async () => {
      assert.deepEqual(await mapWithConcurrency([], 4, async () => 1), []);
    });
  });

  it('groupBy keeps the order in which groups and items first appear', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (item) => item[0]);
    assert.deepEqual([...groups], [['b', ['b1', 'b2']], ['a', ['a1', 'a2']], ['c', ['c1']]]);
  });
});

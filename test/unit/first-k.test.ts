import { strict as assert } from 'node:assert';
import { firstK } from '../../src/util/collections';

describe('firstK', () => {
  it('answers what sorting everything and slicing answers, for small and large k', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const values = Array.from({ length: 2000 }, () => Math.floor(random() * 5000));
    const descending = (a: number, b: number) => b - a;
    for (const k of [0, 1, 10, 200, 499, 500, 1999, 2000, 3000]) {
      assert.deepEqual(firstK(values, k, descending), [...values].sort(descending).slice(0, k), `k = ${k}`);
    }
    const ascending = Array.from({ length: 1000 }, (_, i) => i);
    assert.deepEqual(firstK(ascending, 5, descending), [999, 998, 997, 996, 995], 'the input order does not matter');
  });
});

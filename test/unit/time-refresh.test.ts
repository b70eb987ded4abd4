// Relative times in the tree are drawn again on a timer, only while the view is shown.
import { strict as assert } from 'node:assert';
import { TimeRefresh } from '../../src/tree/timeRefresh';
import { sleep } from '../support/wait';


describe('TimeRefresh', () => {
  it('redraws the rows on each tick while the view is visible, and never while it is hidden', async () => {
    let redraws = 0;
    const view = { visible: false };
    const refresh = new TimeRefresh({ redrawRows: () => redraws++ }, view, 20);
    try {
      await sleep(90);
      assert.equal(redraws, 0, 'hidden: nothing drawn');
      view.visible = true;
      await sleep(90);
      assert.ok(redraws >= 2, `visible: drawn on each tick (${redraws})`);
    } finally {
      refresh.dispose();
    }
    const after = redraws;
    await sleep(60);
    assert.equal(redraws, after, 'disposed: stopped');
  });
});

import { strict as assert } from 'node:assert';
import { diffTaskLists, sameVisibleState } from '../../src/tasks/diff';
import type { Task } from '../../src/tasks/model';

function task(id: string, fields: Partial<Task> = {}): Task {
  return { key: `c/${id}`, id, connection: 'c', product: 'lxca', title: `Job ${id}`, status: 'Running', statusLabel: 'Running', category: 'running', children: [], operations: ['cancel'], raw: { id }, ...fields };
}

/** A job whose subtasks nest `depth` levels deep. */
function nested(depth: number, leafStatus: string): Task {
  let current = task(`leaf`, { status: leafStatus });
  for (let i = depth; i > 0; i--) current = task(`n${i}`, { children: [current] });
  return current;
}

describe('diffTaskLists', () => {
  it('reports only the tasks whose visible state changed, not those that differ in raw alone', () => {
    const before = [task('1'), task('2'), task('3')];
    const after = [task('1', { raw: { other: true } }), task('2', { progress: 50 }), task('3', { operations: [] })];
    const diff = diffTaskLists(before, after);
    assert.equal(diff.listChanged, false);
    assert.deepEqual(diff.changed.map((t) => t.id), ['2', '3']);
    assert.equal(diffTaskLists(before, [before[1], before[0], before[2]]).listChanged, true);
    assert.equal(diffTaskLists(before, before.slice(1)).listChanged, true);
  });

  it('sees a change deep in the subtasks, and compares deep trees in linear time without overflowing the stack', () => {
    assert.equal(sameVisibleState(nested(30, 'Running'), nested(30, 'Running')), true);
    assert.equal(sameVisibleState(nested(30, 'Running'), nested(30, 'Complete')), false);
    const started = performance.now();
    assert.equal(sameVisibleState(nested(50_000, 'Running'), nested(50_000, 'Complete')), false);
    assert.ok(performance.now() - started < 3_000, 'a 50,000-level tree compares in a linear time (quadratic would take minutes)');
  });
});

// The Activity log's storage: newest first, capped, and only well-formed entries read back.
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { ActivityLog, activityCap } from '../../src/activity/activityLog';
import { resultOf, type ActivityEntry } from '../../src/activity/record';
import { ApiError } from '../../src/api/errors';

/** A Memento as VS Code's globalState behaves: values survive a new reader. */
function memento(): vscode.Memento & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (structuredClone(values.get(key)) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, structuredClone(value)),
  } as vscode.Memento & { values: Map<string, unknown> };
}

const entry = (n: number, extra: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id: `e${n}`,
  time: 1_000 + n,
  kind: 'cancel',
  connection: 'lab',
  product: 'lxca',
  taskId: String(n),
  taskTitle: `Job ${n}`,
  result: 'done',
  ...extra,
});

describe('Activity log', () => {
  it('puts an outcome in place of the pending entry, and reads one left pending by a closed window as not confirmed', () => {
    const storage = memento();
    const log = new ActivityLog(storage);
    log.add(entry(1));
    log.add(entry(2, { result: 'pending' }));
    log.update({ ...entry(2), result: 'notTaken', message: 'Cancel sent 1 min. ago — the job is still Running', offersPlainCancel: true });
    assert.deepEqual(log.entries.map((item) => [item.id, item.result]), [['e2', 'notTaken'], ['e1', 'done']]);
    assert.equal(log.entries[0]!.offersPlainCancel, true);

    log.add(entry(3, { result: 'pending' }));
    const reloaded = new ActivityLog(storage);
    assert.equal(reloaded.entries[0]!.result, 'notTaken');
    assert.match(reloaded.entries[0]!.message ?? '', /closed before the server showed the outcome/);
  });

  it('keeps entries newest first across a reload, at most 200', () => {
    const storage = memento();
    const log = new ActivityLog(storage);
    let changes = 0;
    log.onDidChange(() => changes++);
    for (let n = 1; n <= activityCap + 5; n++) log.add(entry(n));
    assert.equal(changes, activityCap + 5);
    assert.equal(log.entries.length, activityCap);
    assert.equal(log.entries[0]!.id, `e${activityCap + 5}`);
    assert.equal(log.entries.at(-1)!.id, 'e6');

    const reloaded = new ActivityLog(storage);
    assert.deepEqual(reloaded.entries, log.entries);
    reloaded.clear();
    assert.deepEqual(new ActivityLog(storage).entries, []);
  });

  it('drops stored values that are not entries', () => {
    const storage = memento();
    storage.values.set('opsTasks.activity', [entry(1), { id: 'x' }, 'text', entry(2, { result: 'maybe' as never }), entry(3, { message: 'The job is not running.' })]);
    assert.deepEqual(new ActivityLog(storage).entries.map((e) => e.id), ['e1', 'e3']);
    storage.values.set('opsTasks.activity', { not: 'a list' });
    assert.deepEqual(new ActivityLog(storage).entries, []);
  });

  it('tells a refusal from an answer that never came', () => {
    assert.equal(resultOf(new ApiError('conflict', 'not running', { serverMessage: 'The job is not running.' })), 'refused');
    assert.equal(resultOf(new ApiError('forbidden', 'no')), 'refused');
    assert.equal(resultOf(new Error('LXCA jobs cannot be stopped.')), 'refused');
    assert.equal(resultOf(new ApiError('timeout', 'timed out')), 'uncertain');
    assert.equal(resultOf(new ApiError('unreachable', 'reset')), 'uncertain');
  });
});

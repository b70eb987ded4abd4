// Unsaved notes kept for a later tab: filed under server, connection and task identity (id and
// submit time), so a draft never lands on another task that got the same id, and old ones expire.
import * as assert from 'node:assert/strict';
import { NotesDrafts, notesDraftKey } from '../../src/webview/notesDrafts';

/** A Memento as VS Code's global state behaves: values are copied through JSON. */
function memento(): { get<T>(key: string): T | undefined; update(key: string, value: unknown): Promise<void> } {
  const values = new Map<string, string>();
  return {
    get: <T>(key: string) => (values.has(key) ? (JSON.parse(values.get(key)!) as T) : undefined),
    update: async (key, value) => {
      if (value === undefined) values.delete(key);
      else values.set(key, JSON.stringify(value));
    },
  };
}

describe('notes drafts', () => {
  const draft = (notes: string, savedAt: number) => ({ notes, toDo: false, baseModifyTime: '2026-12-01T10:00:00Z', savedAt });

  it('comes back for the same task, and never for another task with the same id or another server', async () => {
    let now = 1_000_000;
    const drafts = new NotesDrafts(memento(), () => now);
    const key = notesDraftKey('https://ao.example:22016', 'ao', '1296@2026-12-01T09:00:00+09:00');
    await drafts.set(key, draft('half typed', now));
    now += 60_000;
    assert.equal(drafts.get(key)?.notes, 'half typed');
    assert.equal(drafts.get(notesDraftKey('https://ao.example:22016', 'ao', '1296@2026-12-06T09:00:00+09:00')), undefined, 'a reused id with another submit time');
    assert.equal(drafts.get(notesDraftKey('https://other:22016', 'ao', '1296@2026-12-01T09:00:00+09:00')), undefined, 'another server under the same name');
    await drafts.set(key, undefined);
    assert.equal(drafts.get(key), undefined, 'saved or reverted: forgotten');
  });

  it('forgets drafts after 30 days and keeps the newest 50', async () => {
    let now = 0;
    const drafts = new NotesDrafts(memento(), () => now);
    await drafts.set('old', draft('old', 0));
    now = 31 * 24 * 3600_000;
    assert.equal(drafts.get('old'), undefined);
    for (let index = 0; index < 60; index++) await drafts.set(`k${index}`, draft(String(index), now + index));
    assert.equal(drafts.get('k0'), undefined, 'the oldest beyond 50 went first');
    assert.equal(drafts.get('k59')?.notes, '59');
    assert.equal(drafts.get('k10')?.notes, '10');
  });
});

// Restart Demo writes the demo's connections where they stood: the user's order is kept, and a
// connection of the user's is never taken for the demo's.
import * as assert from 'node:assert/strict';
import { isDemoConnection, withDemoConnections } from '../../src/demo/demoEntries';
import type { ConnectionConfig } from '../../src/connections/config';

const demo = (kind: 'lxca' | 'jp1ao', port: number): ConnectionConfig => ({
  name: kind === 'lxca' ? 'Demo LXCA' : 'Demo JP1/AO',
  kind,
  baseUrl: `http://127.0.0.1:${port}`,
  username: kind === 'lxca' ? 'USERID' : 'ops01',
});
const own = (name: string): ConnectionConfig => ({ name, kind: 'lxca', baseUrl: `https://${name}.example.com`, username: 'admin' });

describe('demo connection entries', () => {
  it('Restart Demo replaces the demo entries in place, keeping the order the user had', () => {
    const before = [demo('jp1ao', 1001), own('prod'), demo('lxca', 1000), own('lab')];
    const after = withDemoConnections(before, [demo('lxca', 2000), demo('jp1ao', 2001)]) as ConnectionConfig[];
    assert.deepEqual(after.map((entry) => `${entry.name} ${entry.baseUrl}`), [
      'Demo JP1/AO http://127.0.0.1:2001',
      'prod https://prod.example.com',
      'Demo LXCA http://127.0.0.1:2000',
      'lab https://lab.example.com',
    ]);
  });

  it('adds missing demo entries after the user’s own, and replaces a same-named entry of another address', () => {
    const stale = { ...own('Demo LXCA') };
    const after = withDemoConnections([own('prod'), stale], [demo('lxca', 2000), demo('jp1ao', 2001)]) as ConnectionConfig[];
    assert.deepEqual(after.map((entry) => entry.baseUrl), ['https://prod.example.com', 'http://127.0.0.1:2000', 'http://127.0.0.1:2001']);
    assert.equal(isDemoConnection(stale), false, 'a remote server named like the demo is not the demo');
  });
});

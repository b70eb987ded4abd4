// The demo connections' tooltip names the server's URL and user, so a user can try them elsewhere
// (with any HTTP client, or the appliance UI of a real server they compare against).
import * as assert from 'node:assert/strict';
import type { ConnectionConfig } from '../../src/connections/config';
import { demoNames, isDemoConnection } from '../../src/demo/demoServers';
import { startLxcaSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { useExtensionHost } from '../support/extensionHost';

describe('the demo connection tooltip', function () {
  this.timeout(60_000);
  const host = useExtensionHost();
  let lxca: LxcaSimulator;

  before(async () => {
    lxca = await startLxcaSimulator({ size: 3, newItemEveryMs: 0 });
    await host().setSettings({ 'opsTasks.refresh.activeIntervalSeconds': 3600, 'opsTasks.refresh.idleIntervalSeconds': 3600 });
  });
  after(async () => {
    await host().connect([], {});
    await lxca.close();
  });

  it('shows the demo server URL and user name', async () => {
    const config: ConnectionConfig = { name: demoNames.lxca, kind: 'lxca', baseUrl: lxca.url, username: lxca.username };
    assert.ok(isDemoConnection(config));
    await host().connect([config], {});
    const [node] = await host().api.provider.getChildren();
    assert.ok(node?.kind === 'connection');
    const tooltip = String(host().api.provider.getTreeItem(node).tooltip);
    assert.ok(tooltip.includes(lxca.url), tooltip);
    assert.ok(tooltip.includes(`User: ${lxca.username}`), tooltip);
  });
});

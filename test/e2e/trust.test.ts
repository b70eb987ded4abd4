// A self-signed appliance certificate in the real workbench: the tree says the certificate is not
// trusted and offers to trust it; the modal shows the fingerprint the server really presents;
// accepting pins it on that connection only and the jobs load.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLxcaSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { useWorkbench } from './harness';
import { dialog, dialogButton, openOpsTasksView, quickInputType, rowByLabel, treeRows, waitForQuickInputTitle } from '../support/workbench';
import { until } from '../support/wait';

describe('e2e: trusting a self-signed certificate', function () {
  this.timeout(120_000);
  let sim: LxcaSimulator;
  const workbenchSettings: Record<string, unknown> = {};

  before(async () => {
    sim = await startLxcaSimulator({ tls: true, size: 25, seed: 4, newItemEveryMs: 0 });
    workbenchSettings['opsTasks.connections'] = [
      { name: 'appliance', kind: 'lxca', baseUrl: sim.url, username: sim.username },
      { name: 'other', kind: 'lxca', baseUrl: sim.url.replace('127.0.0.1', 'localhost'), username: sim.username },
    ];
  });
  after(async () => sim?.close());

  const workbench = useWorkbench({ settings: workbenchSettings });

  it('refuses the certificate, shows its fingerprint, and loads the jobs once it is trusted', async () => {
    const { page, server } = workbench();
    await openOpsTasksView(page);
    // The tree asks once for each connection's missing password when it first loads them.
    for (const name of ['appliance', 'other']) {
      await waitForQuickInputTitle(page, `Password for ${sim.username} on ${name}`);
      await quickInputType(page, sim.password);
    }
    const refused = rowByLabel(page, /not trusted/).first();
    await refused.waitFor({ timeout: 30_000 });
    assert.equal(sim.requests.length, 0, 'nothing was sent over the unverified connection');

    await rowByLabel(page, 'Trust This Certificate…').first().click();
    await dialog(page).waitFor();
    const text = await dialog(page).innerText();
    assert.ok(text.includes(sim.fingerprint256!), `the dialog shows the presented fingerprint:\n${text}`);
    await dialogButton(page, 'Trust This Certificate').click();

    const jobRow = (rows: { description: string }[]) => rows.some((row) => /Complete|Running|Pending|Cancelled|Stopped/i.test(row.description));
    await until('the jobs read over the pinned connection', async () => jobRow(await treeRows(page)), 30_000);
    assert.ok(sim.requests.some((r) => r.path === '/sessions'), 'signed in over the pinned connection');

    const saved = JSON.parse(readFileSync(join(server.userDataDir, 'User/settings.json'), 'utf8'));
    const [appliance, other] = saved['opsTasks.connections'];
    assert.equal(appliance.tls?.fingerprint256, sim.fingerprint256);
    assert.equal(other.tls, undefined, 'trust is granted to that one connection only');
    assert.ok(!JSON.stringify(saved).includes(sim.password), 'no password in settings');
  });
});

import * as assert from 'node:assert/strict';
import { startLxcaSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { useWorkbench } from './harness';
import { sleep } from '../support/wait';
import { afterLayout, openOpsTasksView, quickInputType, rowByLabel } from '../support/workbench';

// A job named like an HTML attack shows as text in the tree and its tooltip: nothing is parsed as markup.
describe('e2e: a hostile task name in the tree', function () {
  this.timeout(120_000);
  let sim: LxcaSimulator;
  const s: Record<string, unknown> = {};
  before(async () => {
    sim = await startLxcaSimulator({ size: 3, newItemEveryMs: 0 });
    sim.addJob({ name: '<img src=x onerror=alert(1)>' } as any);
    s['opsTasks.connections'] = [{ name: 'h', kind: 'lxca', baseUrl: sim.url, username: sim.username }];
  });
  const wb = useWorkbench({ settings: s });
  it('renders as text and triggers no inline script, on draw or on hover', async () => {
    const { page, consoleErrors } = wb();
    const all: string[] = [];
    page.on('console', (m) => all.push(m.text()));
    await openOpsTasksView(page);
    await quickInputType(page, sim.password);
    const row = rowByLabel(page, '<img src=x onerror=alert(1)>');
    await row.waitFor();
    await afterLayout(page);
    await row.hover();
    // Nothing may run: the window covers the tooltip's delay and its drawing.
    await sleep(2500);
    assert.deepEqual(all.filter((t) => /Content Security Policy|inline event handler/.test(t)), []);
    void consoleErrors;
  });
});

import * as assert from 'node:assert/strict';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { useWorkbench } from './harness';
import { signIn } from '../support/signIn';
import { until } from '../support/wait';
import { contextMenu, openOpsTasksView, rowByLabel, treeRows } from '../support/workbench';

// The tree against servers that answer in the other ways real appliances may (docs/api/*.md,
// "Variants"): LXCA's older jobs shape and a JP1/AO server that ignores the page size.
describe('e2e: servers that speak another dialect', function () {
  this.timeout(180_000);
  let lxca: LxcaSimulator;
  let jp1ao: Jp1aoSimulator;
  let runningId = '';
  const settings: Record<string, unknown> = { 'opsTasks.pageSize': 10, 'opsTasks.confirmCancel': false };
  before(async () => {
    lxca = await startLxcaSimulator({ size: 4, newItemEveryMs: 0, variants: { lxcaJobShape: 'jobs' } });
    jp1ao = await startJp1aoSimulator({ size: 25, newItemEveryMs: 0, variants: { jp1aoPaging: 'ignore' } });
    runningId = lxca.addJob({ name: 'Old-shape firmware update' });
    lxca.setJobStatus(runningId, 'Running', 30);
    settings['opsTasks.connections'] = [
      { name: 'jobs-shape', kind: 'lxca', baseUrl: lxca.url, username: lxca.username },
      { name: 'unpaged', kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username },
    ];
  });
  after(async () => {
    await Promise.all([lxca?.close(), jp1ao?.close()]);
  });
  const wb = useWorkbench({ settings });

  it('shows LXCA jobs in the jobs shape with their status, and cancels one from the context menu', async () => {
    const { page } = wb();
    await openOpsTasksView(page);
    await signIn(page, { 'jobs-shape': lxca.password, unpaged: jp1ao.password }, ['Old-shape firmware update', 'Load more…']);
    const row = (await treeRows(page)).find((r) => r.label === 'Old-shape firmware update');
    assert.match(row?.description ?? '', /Running/);
    assert.ok((await treeRows(page)).every((r) => !/Unknown/.test(r.description)), 'no job reads as Unknown');

    await contextMenu(page, 'Old-shape firmware update', 'Cancel');
    await until('the job cancelled on the server', () => lxca.job(runningId).status.state === 'Cancelled');
    await rowByLabel(page, 'Old-shape firmware update').filter({ hasText: 'Cancelled' }).waitFor();
  });

  it('shows one page of a JP1/AO server that ignores the page size, with the right total', async () => {
    const { page } = wb();
    const loadMore = rowByLabel(page, 'Load more…');
    await loadMore.waitFor();
    assert.match(await loadMore.innerText(), new RegExp(`10 of ${jp1ao.tasks().length} shown`));
  });
});

// The demo in the real workbench: started from the welcome view, still there after a window
// reload (its servers start again, no password prompt), removed as one piece.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { until } from '../support/wait';
import {
  dialogButton,
  openOpsTasksView,
  quickInput,
  quickInputPick,
  runCommand,
  rowByLabel,
  rowTwistie,
  treeRowDetails,
  waitForWorkbench,
  welcomeButton,
  welcomeButtons,
} from '../support/workbench';
import { useWorkbench } from './harness';

const demoRows = ['Demo LXCA', 'Demo JP1/AO'];

describe('e2e: the demo survives a window reload', function () {
  this.timeout(120_000);
  const workbench = useWorkbench({ settings: { 'opsTasks.refresh.activeIntervalSeconds': 3600, 'opsTasks.refresh.idleIntervalSeconds': 3600 } });

  /** Both demo connections show task counts (not an error); the first is collapsed so the second is on screen. */
  async function demoLoaded(): Promise<void> {
    const { page } = workbench();
    const counts = /running|pending|failed/;
    await until('the demo LXCA connection with its jobs', async () => counts.test((await treeRowDetails(page)).find((row) => row.label === demoRows[0])?.description ?? ''), 60_000);
    const first = (await treeRowDetails(page)).find((row) => row.label === demoRows[0]);
    if (first?.expanded) await rowTwistie(rowByLabel(page, demoRows[0]!)).click();
    await until('the demo JP1/AO connection with its tasks', async () => counts.test((await treeRowDetails(page)).find((row) => row.label === demoRows[1])?.description ?? ''), 60_000);
  }

  it('starts from the welcome view with no password prompt', async () => {
    const { page } = workbench();
    await openOpsTasksView(page);
    await welcomeButton(page, 'Try the Demo').click();
    await demoLoaded();
    assert.equal(await quickInput(page).isVisible(), false, 'no password prompt');
  });

  it('after a window reload the demo servers start again: same connections, tasks, no prompt', async () => {
    const { page } = workbench();
    await page.reload();
    await waitForWorkbench(page);
    await openOpsTasksView(page);
    await demoLoaded();
    await page.waitForTimeout(500);
    assert.equal(await quickInput(page).isVisible(), false, 'no password prompt after the reload');
  });

  it('removing one demo connection removes the demo: both connections and the welcome view back', async () => {
    const { page, server } = workbench();
    await runCommand(page, 'Ops Tasks: Remove Connection');
    await quickInputPick(page, 'Demo LXCA');
    await dialogButton(page, 'Remove Demo').click();
    await until('the welcome view again', async () => (await welcomeButtons(page)).includes('Try the Demo'), 20_000);
    const settings = JSON.parse(readFileSync(join(server.userDataDir, 'User/settings.json'), 'utf8'));
    assert.deepEqual(settings['opsTasks.connections'] ?? [], [], 'no demo connection left in the settings');
  });
});

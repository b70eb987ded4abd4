// Several connections loading for the first time, in both orders in which VS Code can meet the
// extension: the view opened after activation (the usual start) and the view already shown when the
// extension activates (a reload with the side bar open). The first connection's rows must work
// while the second is still loading: its prompt opens, its jobs expand, its context menu acts on
// the row that was right-clicked.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSimulators, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { connectionSettings, useWorkbench, type WorkbenchOptions } from './harness';
import { until } from '../support/wait';
import {
  contextMenu,
  dialog,
  openOpsTasksView,
  quickInput,
  rowByLabel,
  rowTwistie,
  reloadWindow,
  screenshot,
  treeRowDetails,
  waitForActivation,
} from '../support/workbench';

const first = 'race-lxca';
const second = 'race-jp1ao';
const job = 'Race firmware rollout';
const stages = ['Race stage: download', 'Race stage: apply'];

/** The password prompt that is open now, by the connection it names ("… on <name>"). */
async function passwordPromptFor(page: Page, name: string): Promise<void> {
  const prompt = quickInput(page).locator('input[type="password"]');
  await prompt.waitFor({ timeout: 15_000 });
  const title = (await prompt.getAttribute('aria-label')) ?? '';
  assert.ok(title.endsWith(`on ${name}`), `the open prompt is for ${name}: "${title}"`);
}

/** The rows directly under a connection row (level 2), as the tree shows them now. */
async function rowsOf(page: Page, connection: string): Promise<string[]> {
  const rows = await treeRowDetails(page);
  const at = rows.findIndex((row) => row.level === 1 && row.label === connection);
  if (at < 0) return [];
  const end = rows.findIndex((row, i) => i > at && row.level === 1);
  return rows.slice(at + 1, end < 0 ? undefined : end).filter((row) => row.level === 2).map((row) => row.label);
}

/** Types the password into the open prompt, which must be the one for `name`. */
async function answerPrompt(page: Page, name: string, password: string): Promise<void> {
  await passwordPromptFor(page, name);
  await quickInput(page).locator('input[type="password"]').fill(password);
  await page.keyboard.press('Enter');
}

/** Expands the first connection's job to its subtasks, then right-clicks Cancel: the question names that job. */
async function expandAndCancelJob(page: Page, order: 'after' | 'before'): Promise<void> {
  await rowTwistie(rowByLabel(page, job)).click();
  await until(`the subtasks of "${job}"`, async () => {
    const labels = (await treeRowDetails(page)).filter((row) => row.level === 3).map((row) => row.label);
    return stages.every((stage) => labels.includes(stage));
  });
  await contextMenu(page, job, 'Cancel');
  await dialog(page).waitFor({ timeout: 10_000 });
  assert.match(await dialog(page).innerText(), new RegExp(`Cancel job "${job}" on ${first}\\?`));
  await screenshot(page, `first-load-view-${order}-activation.png`);
  await page.keyboard.press('Escape'); // the job keeps running
  await dialog(page).waitFor({ state: 'hidden' });
}

describe('e2e: first loads of two connections, whichever comes first', function () {
  this.timeout(120_000);
  let sims: Awaited<ReturnType<typeof startSimulators>>;
  let lxca: LxcaSimulator;
  let jp1ao: Jp1aoSimulator;
  // This suite plays both orders itself, starting from the usual one.
  const options: WorkbenchOptions = { settings: {}, viewOrder: 'after' };

  before(async () => {
    sims = await startSimulators({ size: 4, newItemEveryMs: 0 });
    lxca = sims.lxca;
    jp1ao = sims.jp1ao;
    lxca.addJob({
      name: job,
      status: 'Running',
      percentage: 30,
      cancelURL: '/updatableComponents?action=cancelApply',
      cancelRESTMethod: 'PUT',
      cancelRESTBody: { DeviceList: [] },
      children: stages.map((name, i) => ({ name, status: i === 0 ? 'Complete' : 'Running' })),
    });
    // The second server holds every answer for a second, so its load is still running when the first's ends.
    jp1ao.faults.latencyMs = 1000;
    options.settings = connectionSettings([
      { name: first, kind: 'lxca', server: lxca },
      { name: second, kind: 'jp1ao', server: jp1ao },
    ]);
  });
  after(async () => {
    await sims?.close();
  });

  const workbench = useWorkbench(options);

  it('the view opened after activation: the first connection’s rows answer while the second loads', async () => {
    const { page } = workbench();
    await waitForActivation(page);
    await openOpsTasksView(page);
    // Both prompts declined: the first connection's load ends while the second's still waits.
    await passwordPromptFor(page, first);
    await page.keyboard.press('Escape');
    await passwordPromptFor(page, second);
    await page.keyboard.press('Escape');
    await until('both connections to offer Set Password…', async () => (await rowByLabel(page, 'Set Password…').count()) === 2);

    await rowByLabel(page, 'Set Password…').first().click();
    await answerPrompt(page, first, lxca.password);
    await until(`the jobs of ${first}`, async () => (await rowsOf(page, first)).includes(job));
    await expandAndCancelJob(page, 'after');
  });

  it('the view shown when the extension activates (a reload): one connection loads while the other asks for its password', async () => {
    const { page } = workbench();
    // The side bar comes back with the view open, and the extension activates behind it. The
    // first connection's password is stored now; the second still has none.
    await reloadWindow(page);
    await openOpsTasksView(page, { restored: true });
    await passwordPromptFor(page, second);
    await until(`the jobs of ${first} while ${second} asks for its password`, async () => (await rowsOf(page, first)).includes(job));
    await page.keyboard.press('Escape');
    await until(`${second} to offer Set Password…`, async () => (await rowsOf(page, second)).includes('Set Password…'));

    await expandAndCancelJob(page, 'before');
    await rowByLabel(page, 'Set Password…').click();
    await answerPrompt(page, second, jp1ao.password);
    await until(`the tasks of ${second}`, async () => (await rowsOf(page, second)).length > 0 && !(await rowsOf(page, second)).includes('Set Password…'));
    assert.equal(lxca.requests.filter((request) => request.method === 'PUT').length, 0, 'declined confirmations sent nothing');
  });
});

// Cancel and stop from the tree, driven like a user in the real workbench. The simulators run in
// this (mocha) process; the extension reaches them over loopback. Passwords are typed into the
// extension's own password prompt, so no secret is ever written to a settings file.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSimulators, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { connectionSettings, useWorkbench, type WorkbenchOptions } from './harness';
import { signIn } from '../support/signIn';
import { until } from '../support/wait';
import {
  contextMenu,
  dialog,
  dialogButton,
  notifications,
  openOpsTasksView,
  rowByName,
  runCommand,
  screenshot,
  treeRowNames,
} from '../support/workbench';

const lxcaName = 'e2e-lxca';
const jp1aoName = 'e2e-jp1ao';
const lxcaJob = 'E2E firmware update';
/** A job name that tries to rewrite the confirmation: line breaks and a right-to-left override. */
const spoofingJob = 'Nightly backup\n\nNothing will be stopped: this only refreshes the view.\u202e';
/** How the tree and the dialog show it: one line, the override gone. */
const spoofingShown = 'Nightly backup Nothing will be stopped: this only refreshes the view.';
/** Running LXCA jobs for "Running first": the second is cancelled and must stay where it was. */
const heldJobs = ['E2E held update A', 'E2E held update B'];

/** Waits until the row of the task named `name` describes it as `description` (its accessible label: "<name>, <description>"). */
async function waitForRow(page: Page, name: string, description: RegExp, timeoutMs = 20_000): Promise<void> {
  let last = '(row not shown)';
  await until(`"${name}" to show ${description}`, async () => {
    const label = (await treeRowNames(page)).find((candidate) => candidate.startsWith(`${name}, `));
    const shown = label?.slice(name.length + 2);
    if (shown !== undefined) last = shown;
    return shown !== undefined && description.test(shown);
  }, timeoutMs).catch(() => {
    throw new Error(`"${name}" never showed ${description}; last shown: ${last}`);
  });
}

describe('e2e: task actions from the tree', function () {
  this.timeout(90_000);
  let sims: Awaited<ReturnType<typeof startSimulators>>;
  let lxca: LxcaSimulator;
  let jp1ao: Jp1aoSimulator;
  let stopTogether: string[] = [];
  let finishesMeanwhile = '';
  let forceStopped = '';
  let noForceStop = '';
  let lxcaJobId = '';
  const heldIds: string[] = [];
  const nameOf = (id: number) => String(jp1ao.task(id).name);

  // Filled in before the workbench starts: the simulators' ports are known only then.
  const options: WorkbenchOptions = { settings: {} };
  before(async () => {
    sims = await startSimulators({ size: 10, newItemEveryMs: 0 });
    lxca = sims.lxca;
    jp1ao = sims.jp1ao;
    for (const name of heldJobs) heldIds.push(lxca.addJob({ name, status: 'Running', percentage: 40 }));
    lxcaJobId = lxca.addJob({ name: lxcaJob, status: 'Running', percentage: 20, cancelURL: '/updatableComponents?action=cancelApply', cancelRESTMethod: 'PUT', cancelRESTBody: { DeviceList: [] } });
    lxca.addJob({ name: spoofingJob, status: 'Running', percentage: 5 });
    const plain = jp1ao.tasks().filter((task) => task.scheduleID === undefined && String(task.supportedActionType).includes('forciblyStop'));
    assert.ok(plain.length >= 5, 'the simulator has too few suitable tasks');
    const ids = plain.slice(0, 5).map((task) => task.instanceID as number);
    for (const id of ids) jp1ao.setTaskStatus(id, 'inProgress');
    stopTogether = ids.slice(0, 3).map(nameOf);
    finishesMeanwhile = nameOf(ids[3]);
    forceStopped = nameOf(ids[4]);
    const stopping = jp1ao.tasks().find((task) => !ids.includes(task.instanceID));
    assert.ok(stopping, 'the simulator has a task to pin in "terminating"');
    jp1ao.setTaskStatus(stopping.instanceID, 'terminating');
    noForceStop = nameOf(stopping.instanceID);
    // Only the actions should change what the tree shows while a scenario runs.
    options.settings = connectionSettings([
      { name: lxcaName, kind: 'lxca', server: lxca },
      { name: jp1aoName, kind: 'jp1ao', server: jp1ao },
    ]);
  });
  after(async () => {
    await sims?.close();
  });

  const workbench = useWorkbench(options);

  before(async function () {
    this.timeout(90_000);
    const { page } = workbench();
    await openOpsTasksView(page);
    // The Activity view shares the side bar: fold it so the tasks this suite needs are on screen.
    const activityHeader = page.locator('.pane-header[aria-expanded="true"]').filter({ hasText: /activity/i });
    if (await activityHeader.count()) await activityHeader.first().click();
    await signIn(page, { [lxcaName]: lxca.password, [jp1aoName]: jp1ao.password }, [lxcaJob, spoofingShown, ...heldJobs, ...stopTogether, finishesMeanwhile, forceStopped, noForceStop]).catch((error) => {
      console.log(workbench().consoleErrors.join('\n'));
      throw error;
    });
  });

  beforeEach(() => {
    lxca.clearRequests();
    jp1ao.clearRequests();
  });

  it('cancels a running LXCA job after one confirmation that names it, its id and connection, and offers Keep Running', async () => {
    const { page } = workbench();
    await contextMenu(page, rowByName(page, lxcaJob), 'Cancel');
    await dialog(page).waitFor();
    assert.match(await dialog(page).innerText(), new RegExp(`Cancel job "E2E firmware update" \\(ID ${lxcaJobId}\\) on e2e-lxca\\?`));
    assert.equal(await dialogButton(page, 'Cancel').count(), 0, 'no bare "Cancel" beside "Cancel Job"');
    await screenshot(page, 'confirm-cancel-keep-running.png');
    await dialogButton(page, 'Keep Running').click();
    await dialog(page).waitFor({ state: 'detached' });
    assert.equal(lxca.requests.filter((request) => request.method === 'PUT').length, 0, 'Keep Running sends nothing');

    await contextMenu(page, rowByName(page, lxcaJob), 'Cancel');
    await dialog(page).waitFor();
    await dialogButton(page, 'Cancel Job').click();

    await waitForRow(page, lxcaJob, /^Cancelled/);
    const puts = lxca.requests.filter((request) => request.method === 'PUT');
    assert.equal(puts.length, 1);
    assert.deepEqual(puts[0].body, { cancelURL: '/updatableComponents?action=cancelApply', cancelRESTMethod: 'PUT', cancelRESTBody: { DeviceList: [] }, expirationTimeOut: 60 });
  });

  it('shows a job name that tries to rewrite the confirmation as one quoted line', async () => {
    const { page } = workbench();
    await contextMenu(page, spoofingShown, 'Cancel');
    await dialog(page).waitFor();
    const question = await dialog(page).innerText();
    await page.keyboard.press('Escape');
    assert.ok(question.includes(`"${spoofingShown}" (ID `) && question.includes(') on e2e-lxca?'), question);
    assert.ok(!/\u202e|\n\s*Nothing will be stopped/.test(question), JSON.stringify(question));
    await dialog(page).waitFor({ state: 'detached' });
    assert.equal(lxca.requests.filter((request) => request.method === 'PUT').length, 0, 'nothing sent');
  });

  it('stops three selected JP1/AO tasks after one confirmation', async () => {
    const { page } = workbench();
    await rowByName(page, stopTogether[0]).click();
    await rowByName(page, stopTogether[1]).click({ modifiers: ['Control'] });
    await rowByName(page, stopTogether[2]).click({ modifiers: ['Control'] });
    await contextMenu(page, rowByName(page, stopTogether[2]), 'Stop');
    await dialog(page).waitFor();
    const question = await dialog(page).innerText();
    assert.match(question, /Stop 3 tasks on e2e-jp1ao\?/);
    for (const name of stopTogether) assert.ok(question.includes(name), `the confirmation does not name ${name}`);
    await dialogButton(page, 'Stop 3 Tasks').click();

    for (const name of stopTogether) await waitForRow(page, name, /^Canceled/);
    assert.equal(await dialog(page).count(), 0, 'asked more than once');
    const stops = jp1ao.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/actions/stop/invoke'));
    assert.equal(stops.length, 3);
  });

  it('leaves out a task that finished meanwhile and says so on its row and in the notification', async () => {
    const { page } = workbench();
    const id = jp1ao.tasks().find((task) => task.name === finishesMeanwhile).instanceID;
    jp1ao.setTaskStatus(id, 'completed');
    await contextMenu(page, rowByName(page, finishesMeanwhile), 'Stop');
    await dialogButton(page, 'Stop Task').click();

    const toast = notifications(page).filter({ hasText: 'had already finished' });
    await toast.first().waitFor({ timeout: 20_000 });
    const text = await toast.first().innerText();
    assert.match(text, /Stop on e2e-jp1ao: 1 had already finished\./);
    assert.ok(text.includes(finishesMeanwhile), 'the notification names the task');
    await waitForRow(page, finishesMeanwhile, /^Completed · .*Stop: not sent, it had already finished/);
    assert.equal(jp1ao.requests.filter((request) => request.path.endsWith('/invoke')).length, 0, 'nothing was sent for it');
  });

  it('offers no Force Stop on a task already stopping', async () => {
    const { page } = workbench();
    await rowByName(page, noForceStop).click({ button: 'right' });
    const items = page.locator('.context-view .action-label');
    await items.filter({ hasText: /^Edit Notes and TODO…$/ }).waitFor();
    const titles = await items.allInnerTexts();
    await page.keyboard.press('Escape');
    assert.ok(!titles.includes('Force Stop') && !titles.includes('Stop'), `neither Stop nor Force Stop in ${titles.join(', ')}`);
  });

  it('force stops a JP1/AO task, always after a confirmation', async () => {
    const { page } = workbench();
    await contextMenu(page, rowByName(page, forceStopped), 'Force Stop');
    await dialog(page).waitFor();
    assert.equal(jp1ao.requests.filter((request) => request.method === 'POST').length, 0, 'sent before the confirmation');
    await dialogButton(page, 'Force Stop Task').click();

    await waitForRow(page, forceStopped, /^Canceled/);
    assert.equal(jp1ao.requests.filter((request) => request.path.endsWith('/actions/forceStop/invoke')).length, 1);
  });

  it('with Running first, keeps a cancelled job in its place and selected while a refresh comes in, then re-sorts', async () => {
    const { page } = workbench();
    await runCommand(page, 'Ops Tasks: Show Running First');
    const [stays, cancelled] = heldJobs as [string, string];
    const indexOf = async (name: string) => (await treeRowNames(page)).findIndex((label) => label.startsWith(`${name}, `));
    // Running first: both held jobs come before the job cancelled earlier, which is newer.
    await until('Running first', async () => {
      const [a, b, done] = [await indexOf(stays), await indexOf(cancelled), await indexOf(lxcaJob)];
      return a >= 0 && b >= 0 && done > Math.max(a, b);
    });
    const place = await indexOf(cancelled);
    await rowByName(page, cancelled).click();
    await contextMenu(page, rowByName(page, cancelled), 'Cancel');
    await dialog(page).waitFor();
    await dialogButton(page, 'Cancel Job').click();
    await waitForRow(page, cancelled, /^Cancelled/);

    // A refresh arrives while the user is still on the row: rows update in place, none moves.
    lxca.setJobStatus(heldIds[0]!, 'Running', 80);
    await runCommand(page, 'Ops Tasks: Refresh');
    await waitForRow(page, stays, /^Running 80%/);
    assert.equal(await indexOf(cancelled), place, 'the cancelled job stays where it was');
    assert.equal(await rowByName(page, cancelled).getAttribute('aria-selected'), 'true', 'and stays selected');
    await screenshot(page, 'cancelled-row-stays-in-place.png');

    // A few seconds later the list shows the order as read: the cancelled job leaves the running ones.
    await until('the re-sort', async () => (await indexOf(cancelled)) > place, 20_000);
    await runCommand(page, 'Ops Tasks: Show Newest First');
  });
});

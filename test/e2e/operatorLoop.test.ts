// The operator's loop on JP1/AO in the real workbench: a task that starts waiting for a response
// raises a notification, Respond… answers it through the form; Resubmit… starts a failed task
// again and selects the new row; Archive moves a task under Archived Tasks. The simulator runs in
// this (mocha) process; its request log is the evidence of what went over the wire.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startJp1aoSimulator, type Jp1aoSimulator } from '../../src/simulator/index';
import { connectionSettings, useSignedInWorkbench, type WorkbenchOptions } from './harness';
import { sleep, until } from '../support/wait';
import {
  contextMenu,
  dialog,
  dialogButton,
  editorTab,
  notifications,
  quickInput,
  rowByLabel,
  rowByName,
  runCommand,
  screenshot,
  selectedTreeRowNames,
  treeRowDetails,
  treeRowNames,
  webviewFrame,
} from '../support/workbench';

const jp1aoName = 'ao-prod';
const repositoryRoot = resolve(__dirname, '../../..');

/** The description the tree shows for the task named `name` (its accessible label is "<name>, <description>"). */
async function descriptionOf(page: Page, name: string): Promise<string | undefined> {
  return (await treeRowNames(page)).find((label) => label.startsWith(`${name}, `))?.slice(name.length + 2);
}

describe("e2e: the operator's loop (JP1/AO)", function () {
  this.timeout(120_000);
  let jp1ao: Jp1aoSimulator;
  let waiting: { id: number; name: string };
  let failed: { id: number; name: string };
  let archived: { id: number; name: string };
  let twoSteps: { id: number; name: string };

  const options: WorkbenchOptions = { settings: {} };
  before(async () => {
    jp1ao = await startJp1aoSimulator({ size: 4, newItemEveryMs: 0 });
    const [a, b, c, d] = jp1ao.tasks();
    for (const task of [a, b, c, d]) jp1ao.setTaskStatus(task.instanceID, 'completed');
    // One task runs (so the tree polls quickly) and will wait for a response during the first test.
    jp1ao.setTaskStatus(a.instanceID, 'inProgress');
    jp1ao.setTaskStatus(b.instanceID, 'failed');
    waiting = { id: a.instanceID, name: String(a.name) };
    failed = { id: b.instanceID, name: String(b.name) };
    archived = { id: c.instanceID, name: String(c.name) };
    twoSteps = { id: d.instanceID, name: String(d.name) };
    options.settings = {
      ...connectionSettings([{ name: jp1aoName, kind: 'jp1ao', server: jp1ao }]),
      'opsTasks.refresh.activeIntervalSeconds': 2,
      'opsTasks.refresh.idleIntervalSeconds': 5,
      'opsTasks.confirmCancel': false,
    };
  });
  after(async () => {
    await jp1ao?.close();
  });

  const workbench = useSignedInWorkbench(options, () => ({ passwords: { [jp1aoName]: jp1ao.password }, rows: [waiting.name, failed.name, archived.name] }));

  afterEach(async () => {
    await runCommand(workbench().page, 'View: Close All Editors');
  });

  it('a task that starts waiting raises one notification; Respond… from it sends the chosen labelbuttonX and the row moves on', async () => {
    const { page } = workbench();
    const input = jp1ao.addResponseWait(waiting.id, 0); // Restart now / Skip this server / Abort
    const toast = notifications(page).filter({ hasText: `Task "${waiting.name}" on ${jp1aoName} is waiting for your response` });
    await toast.waitFor({ timeout: 30_000 });
    const buttons = (await toast.locator('.monaco-button').allInnerTexts()).map((text) => text.trim());
    assert.deepEqual(buttons, ['Respond…', 'Show Details']);
    await until('the row to say it needs a response', async () => (await descriptionOf(page, waiting.name))?.startsWith('needs response · Waiting for Response'));

    jp1ao.clearRequests();
    await toast.locator('.monaco-button', { hasText: 'Respond…' }).click();
    await editorTab(page, `Respond: ${waiting.name}`).waitFor();
    const frame = webviewFrame(page);
    await frame.locator('#message', { hasText: 'Restart the web tier?' }).waitFor();
    assert.deepEqual(
      (await frame.locator('#answers vscode-button').allInnerTexts()).map((text) => text.trim()),
      ['Restart now', 'Skip this server', 'Abort'],
    );
    await sleep(500); // the buttons' web components draw themselves
    await screenshot(page, resolve(repositoryRoot, 'docs/respond-form.png'));

    await frame.locator('#answers vscode-button', { hasText: 'Skip this server' }).click();
    await dialog(page).filter({ hasText: `Answer "Skip this server" to the task "${waiting.name}" on ${jp1aoName}?` }).waitFor();
    await dialogButton(page, 'Answer "Skip this server"').click();
    await frame.locator('#status', { hasText: 'Answered "Skip this server".' }).waitFor({ timeout: 20_000 });

    const invoke = jp1ao.requests.find((request) => request.method === 'POST' && request.path.endsWith('/actions/response/invoke'));
    assert.ok(invoke, 'the answer was posted');
    assert.deepEqual((invoke.body as { parameters: unknown[] }).parameters, [{ instanceId: input.instanceId, labelbutton2: 'Skip this server', taskId: waiting.id }]);
    assert.equal(jp1ao.task(waiting.id).status, 'inProgress');
    await until('the row to move on', async () => (await descriptionOf(page, waiting.name))?.startsWith('In Progress'), 20_000);
    assert.equal(await notifications(page).filter({ hasText: 'is waiting for your response' }).count(), 0, 'one notification, gone once answered');
  });

  it('a double-click on a waiting row opens Respond…; answered, the next waiting step shows; the palette lists only waiting tasks', async () => {
    const { page } = workbench();
    // The previous form had the focus: a click in the tree gives it back to the window, so the view polls again.
    await rowByName(page, failed.name).click();
    jp1ao.setTaskStatus(twoSteps.id, 'inProgress');
    jp1ao.addResponseWait(twoSteps.id, 1); // Continue / Abort
    jp1ao.addResponseWait(twoSteps.id, 3); // Approve / Reject
    await until('the row to say it needs a response', async () => (await descriptionOf(page, twoSteps.name))?.startsWith('needs response'), 30_000);
    await rowByName(page, twoSteps.name).dblclick();
    await editorTab(page, `Respond: ${twoSteps.name}`).waitFor();
    const frame = webviewFrame(page);
    await frame.locator('#message', { hasText: 'Continue the database dump anyway?' }).waitFor();
    await frame.locator('#answers vscode-button', { hasText: 'Continue' }).click();
    await dialogButton(page, 'Answer "Continue"').click();
    await frame.locator('#status', { hasText: 'The next step waits for your response.' }).waitFor({ timeout: 20_000 });
    await frame.locator('#message', { hasText: 'Approve change CHG-1042' }).waitFor();
    assert.equal(jp1ao.task(twoSteps.id).status, 'waitingResponse');

    // With a task that does not wait selected, the palette offers the waiting tasks.
    await rowByName(page, failed.name).click();
    await runCommand(page, 'Ops Tasks: Respond…');
    await quickInput(page).locator('.quick-input-title', { hasText: 'Respond: which task?' }).waitFor();
    const picks = await quickInput(page).locator('.monaco-list-row').allInnerTexts();
    assert.equal(picks.length, 1, `only the waiting task is offered: ${picks.join(' | ')}`);
    assert.match(picks[0]!, new RegExp(twoSteps.name));
    await page.keyboard.press('Escape');
  });

  it('Resubmit… on a failed task shows its inputs (password masked), confirms, and selects the new task row', async () => {
    const { page } = workbench();
    const before = new Set(jp1ao.tasks().map((task) => task.instanceID));
    await contextMenu(page, rowByName(page, failed.name), 'Resubmit…');
    await quickInput(page).locator('.quick-input-title', { hasText: `Resubmit "${failed.name}": the inputs it reuses` }).waitFor();
    const listed = await quickInput(page).innerText();
    assert.match(listed, /Administrator password/);
    assert.match(listed, /••••••••/);
    assert.doesNotMatch(listed, /\*\*\*\*\*\*\*\*/, 'the value the server sent is not shown either');
    await page.keyboard.press('Enter'); // the first item: Resubmit with these inputs
    await dialogButton(page, 'Resubmit').click();

    const created = await until('the new task on the server', () => jp1ao.tasks().find((task) => !before.has(task.instanceID)));
    const name = String(created.name);
    assert.notEqual(name, failed.name);
    await until('the new task row, selected', async () => (await selectedTreeRowNames(page)).some((label) => label.startsWith(`${name}, In Progress`)), 20_000);
    const posted = jp1ao.requests.find((request) => request.method === 'POST' && request.path === `/Automation/v1/objects/Tasks/${failed.id}/actions/resubmit/invoke`);
    assert.ok(posted, 'the resubmit was posted for the failed task');
  });

  it('Archive moves a task under Archived Tasks, where Show Details is the one action', async () => {
    const { page } = workbench();
    await contextMenu(page, rowByName(page, archived.name), 'Archive');
    await until('the task to leave the list', async () => (await descriptionOf(page, archived.name)) === undefined, 20_000);
    assert.equal(jp1ao.histories().some((task) => task.instanceID === archived.id), true);

    await rowByLabel(page, 'Archived Tasks').click();
    await until('the archived task under Archived Tasks', async () => {
      const rows = await treeRowDetails(page);
      const parent = rows.findIndex((row) => row.label === 'Archived Tasks');
      return parent >= 0 && rows[parent]!.expanded === true && (await descriptionOf(page, archived.name)) !== undefined;
    }, 20_000);
    await contextMenu(page, rowByName(page, archived.name), 'Show Details');
    await editorTab(page, `Details: ${archived.name}`).waitFor();
    await webviewFrame(page).getByText(String(archived.id)).first().waitFor();
  });
});

// Details as a user reaches it: Enter or a double-click on a row, its buttons running the row's own
// actions (with the menu's confirmation), copying from a row (Ctrl+C, Copy ID) and from Details
// (Copy as JSON), and Open in Browser. The simulators run in this (mocha) process.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { connectionSettings, useSignedInWorkbench, type WorkbenchOptions } from './harness';
import { sleep, until } from '../support/wait';
import { contextMenu, dialog, dialogButton, editorTab, rowByLabel, rowByName, runCommand, pastedText, screenshot, treeRowDetails, treeRowNames, webviewFrame } from '../support/workbench';

const lxcaName = 'details-lxca';
const jp1aoName = 'details-jp1ao';
const enterJob = 'Details Enter job';
const cancelJob = 'Details cancel job';

describe('e2e: Details from the row, with the row’s actions', function () {
  this.timeout(90_000);
  let lxca: LxcaSimulator;
  let jp1ao: Jp1aoSimulator;
  let jp1aoTask: { id: number; name: string };
  const ids: Record<string, string> = {};

  const options: WorkbenchOptions = { settings: {} };
  before(async () => {
    [lxca, jp1ao] = await Promise.all([startLxcaSimulator({ size: 2, newItemEveryMs: 0 }), startJp1aoSimulator({ size: 4, newItemEveryMs: 0 })]);
    ids[enterJob] = lxca.addJob({ name: enterJob, status: 'Complete' });
    ids[cancelJob] = lxca.addJob({ name: cancelJob, status: 'Running', percentage: 30, runForMs: 600_000 });
    const names = jp1ao.tasks().map((task) => String(task.name));
    const unique = jp1ao.tasks().find((task) => names.filter((name) => name === task.name).length === 1);
    assert.ok(unique, 'the simulator has a task with a unique name');
    jp1aoTask = { id: unique.instanceID as number, name: String(unique.name) };
    jp1ao.setTaskStatus(jp1aoTask.id, 'completed');
    options.settings = connectionSettings([
      { name: lxcaName, kind: 'lxca', server: lxca },
      { name: jp1aoName, kind: 'jp1ao', server: jp1ao },
    ]);
  });
  after(async () => {
    await Promise.all([lxca?.close(), jp1ao?.close()]);
  });

  const workbench = useSignedInWorkbench(options, () => ({ passwords: { [lxcaName]: lxca.password, [jp1aoName]: jp1ao.password }, rows: [enterJob, cancelJob, jp1aoTask.name] }));

  afterEach(async () => {
    await runCommand(workbench().page, 'View: Close All Editors');
    await editorTab(workbench().page, /./).first().waitFor({ state: 'detached' }).catch(() => undefined);
  });

  /** Moves the tree's keyboard focus onto a row without clicking it (a click counts towards a double-click). */
  async function focusRow(page: Page, name: string): Promise<void> {
    await rowByLabel(page, name).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await until(`focus on ${name}`, async () => ((await rowByLabel(page, name).getAttribute('class')) ?? '').split(' ').includes('focused'));
  }

  const activityHeader = (page: Page) => page.locator('.pane-header').filter({ hasText: /^activity/i });

  it('Enter on an LXCA job opens its Details', async () => {
    const { page } = workbench();
    assert.equal(await activityHeader(page).getAttribute('aria-expanded'), 'false', 'the empty Activity view starts folded');
    await focusRow(page, enterJob);
    await page.keyboard.press('Enter');
    await editorTab(page, `Details: ${enterJob}`).waitFor();
    await webviewFrame(page).locator('h1', { hasText: enterJob }).waitFor();
    // A finished job offers no action of its own, only copying and the web console.
    const buttons = await webviewFrame(page).locator('#actions vscode-button').allInnerTexts();
    assert.deepEqual(buttons.map((text) => text.trim()), ['Copy as JSON', 'Open in Browser']);
  });

  it('a double-click on a JP1/AO task opens its Details; a single click only selects', async () => {
    const { page } = workbench();
    const row = rowByName(page, jp1aoTask.name);
    await row.click();
    await sleep(800);
    assert.equal(await editorTab(page, /^Details: /).count(), 0);
    await row.dblclick();
    await editorTab(page, new RegExp(`^Details: `)).waitFor();
    await webviewFrame(page).locator('#actions vscode-button', { hasText: 'Notes…' }).waitFor();
  });

  it('the Cancel button asks as the menu does, cancels the job, and then offers no Cancel', async () => {
    const { page } = workbench();
    await contextMenu(page, rowByLabel(page, cancelJob), 'Show Details');
    const frame = webviewFrame(page);
    const cancel = frame.locator('#actions vscode-button[data-action="opsTasks.cancel"]');
    await cancel.waitFor();
    await screenshot(page, 'details-actions.png');
    await cancel.click();
    await dialog(page).waitFor();
    assert.match(await dialog(page).innerText(), new RegExp(`${lxcaName}`));
    await dialogButton(page, 'Cancel Job').click();
    await until('the job cancelled on the server', () => /cancel/i.test(String(lxca.job(ids[cancelJob]!).status)));
    await until('the Cancel button gone', async () => (await cancel.count()) === 0 && (await frame.locator('#actions vscode-button').count()) > 0);
    await until('the row shows it', async () => (await treeRowNames(page)).some((label) => label.startsWith(`${cancelJob}, `) && /cancel/i.test(label)));
    await screenshot(page, 'details-after-cancel.png');
    await until('the Activity view unfolded by its first entry', async () => (await activityHeader(page).getAttribute('aria-expanded')) === 'true');
  });

  it('Ctrl+C copies the row’s name, Copy ID its id, and Details copies the job as JSON', async () => {
    const { page } = workbench();
    await focusRow(page, enterJob);
    await page.keyboard.press('ControlOrMeta+c');
    // The copy goes through the extension host: wait for the clipboard to hold it.
    await until('the name on the clipboard', async () => (await pastedText(page)) === enterJob);

    await contextMenu(page, rowByLabel(page, enterJob), 'Copy ID');
    await until('the id on the clipboard', async () => (await pastedText(page)) === ids[enterJob]);

    await contextMenu(page, rowByLabel(page, enterJob), 'Show Details');
    await webviewFrame(page).locator('#actions vscode-button', { hasText: 'Copy as JSON' }).click();
    await until('the JSON on the clipboard', async () => {
      const text = await pastedText(page);
      return text.includes(`"jobUID": "${ids[enterJob]}"`) && text.includes(enterJob);
    });
  });

  it('Open in Browser opens the appliance’s web console at its base URL', async () => {
    const { page } = workbench();
    const popup = page.context().waitForEvent('page', { timeout: 20_000 });
    await contextMenu(page, rowByLabel(page, lxcaName), 'Open in Browser');
    // The workbench may ask before it opens an outside address.
    const opened = await Promise.race([
      popup,
      dialogButton(page, 'Open').waitFor({ timeout: 20_000 }).then(async () => {
        await dialogButton(page, 'Open').click();
        return popup;
      }),
    ]);
    // The web workbench may route a loopback address through its own port forwarding.
    const port = new URL(lxca.url).port;
    await until(`the console address (${opened.url()})`, () => opened.url() !== 'about:blank');
    assert.ok(opened.url().startsWith(lxca.url) || opened.url().includes(`/${port}/`), `opened ${opened.url()}`);
    await opened.close();
  });

  it('Show Only This Connection Expanded folds the others in one click', async () => {
    const { page } = workbench();
    await contextMenu(page, rowByLabel(page, jp1aoName), 'Show Only This Connection Expanded');
    await until('only the JP1/AO connection unfolded', async () => {
      const rows = await treeRowDetails(page);
      const lxcaRow = rows.find((row) => row.label === lxcaName);
      const jp1aoRow = rows.find((row) => row.label === jp1aoName);
      return lxcaRow?.expanded === false && jp1aoRow?.expanded === true && rows.some((row) => row.level === 2);
    });
    await screenshot(page, 'focus-connection.png');
  });
});

// The webview forms in the real workbench, typed into like a user: Edit Notes and TODO, the
// modifyTime conflict, Show Details with a hostile job name, and Cancel with Callback's checks.
// The simulators run in this (mocha) process; their state and request logs are the evidence.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { connectionSettings, useWorkbench, type WorkbenchOptions } from './harness';
import { basic } from '../support/rawHttp';
import { signIn } from '../support/signIn';
import { sleep, until } from '../support/wait';
import { contextMenu, dialog, dialogButton, editorTab, screenshot, openOpsTasksView, rowByName, runCommand, treeRowNames, webviewFrame } from '../support/workbench';

const lxcaName = 'forms-lxca';
const jp1aoName = 'forms-jp1ao';
const hostileName = '<img src=x onerror=alert(1)>';
const callbackJob = 'Forms callback job';

describe('e2e: webview forms', function () {
  this.timeout(90_000);
  let sims: (Jp1aoSimulator | LxcaSimulator)[] | undefined;
  let lxca: LxcaSimulator;
  let jp1ao: Jp1aoSimulator;
  /** The JP1/AO task each scenario works on. */
  let tasks: Record<'edit' | 'refused' | 'conflict' | 'doubleClick', { id: number; name: string }>;
  const dialogs: string[] = [];

  const options: WorkbenchOptions = { settings: {} };
  before(async () => {
    // Few tasks, the JP1/AO connection first: the tree virtualises, and every row a scenario
    // clicks must be on screen.
    const [jp1aoSim, lxcaSim] = await Promise.all([startJp1aoSimulator({ size: 10, newItemEveryMs: 0 }), startLxcaSimulator({ size: 3, newItemEveryMs: 0 })]);
    sims = [jp1aoSim, lxcaSim];
    [jp1ao, lxca] = [jp1aoSim, lxcaSim];
    lxca.addJob({ name: [{ text: hostileName, format: ['bold'] }], status: 'Running', runForMs: 600_000, children: [{ name: 'step one', status: 'Complete' }] });
    lxca.addJob({ name: callbackJob, status: 'Running', runForMs: 600_000 });
    const names = jp1ao.tasks().map((task) => String(task.name));
    const unique = jp1ao
      .tasks()
      .filter((task) => names.filter((name) => name === task.name).length === 1)
      .map((task) => ({ id: task.instanceID as number, name: String(task.name) }));
    assert.ok(unique.length >= 4, 'the simulator has too few tasks with unique names');
    tasks = { edit: unique[0]!, refused: unique[1]!, conflict: unique[2]!, doubleClick: unique[3]! };
    // Finished, so that nothing but the scenarios changes them.
    for (const task of Object.values(tasks)) jp1ao.setTaskStatus(task.id, 'completed');
    await Promise.all(Object.values(tasks).map((task) => editOnServer(task.id, '', false)));
    options.settings = connectionSettings([
      { name: jp1aoName, kind: 'jp1ao', server: jp1ao },
      { name: lxcaName, kind: 'lxca', server: lxca },
    ]);
  });
  after(async () => {
    await Promise.all((sims ?? []).map((sim) => sim.close()));
  });

  const workbench = useWorkbench(options);

  before(async function () {
    this.timeout(90_000);
    const { page } = workbench();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openOpsTasksView(page);
    await signIn(page, { [lxcaName]: lxca.password, [jp1aoName]: jp1ao.password }, [hostileName, callbackJob]);
    // JP1/AO rows show the service name; their accessible labels carry the full names.
    const names = Object.values(tasks).map((t) => t.name);
    await until('the JP1/AO tasks', async () => {
      const shown = await treeRowNames(page);
      return names.every((name) => shown.some((label) => label.startsWith(`${name}, `)));
    }, 60_000);
  });

  beforeEach(() => {
    lxca.clearRequests();
    jp1ao.clearRequests();
  });

  afterEach(async () => {
    await runCommand(workbench().page, 'View: Close All Editors');
    await editorTab(workbench().page, /./).first().waitFor({ state: 'detached' }).catch(() => undefined);
  });

  /** Another user's edit, straight to the simulator. */
  function editOnServer(id: number, notes: string, toDo: boolean): Promise<Response> {
    return fetch(`${jp1ao.url}/Automation/v1/objects/Tasks/${id}`, {
      method: 'PUT',
      headers: { Authorization: basic(jp1ao.username, jp1ao.password), 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'en' },
      body: JSON.stringify({ notes, toDo }),
    });
  }

  async function notesForm(page: Page, taskName: string): Promise<FrameLocator> {
    await contextMenu(page, rowByName(page, taskName), 'Edit Notes and TODO…');
    const frame = webviewFrame(page);
    await frame.locator('#notes textarea').waitFor();
    return frame;
  }

  const puts = (requests: { method: string; path: string; body: unknown }[]) => requests.filter((request) => request.method === 'PUT');

  it('Edit Notes and TODO: Save stores both on the server and marks the tree row TODO', async () => {
    const { page } = workbench();
    const frame = await notesForm(page, tasks.edit.name);
    await assert.doesNotReject(frame.locator('h1', { hasText: tasks.edit.name }).waitFor());
    await frame.locator('#notes textarea').fill('Checked the logs.\nWaiting for the vendor.');
    await frame.locator('#todo').click();
    await frame.locator('#save').click();
    await frame.locator('#status', { hasText: 'Saved.' }).waitFor();

    const task = jp1ao.task(tasks.edit.id);
    assert.equal(task.notes, 'Checked the logs.\nWaiting for the vendor.');
    assert.equal(task.toDo, true);
    assert.deepEqual(puts(jp1ao.requests).map((request) => request.body), [{ notes: 'Checked the logs.\nWaiting for the vendor.', toDo: true }]);
    await until('the TODO marker on the row', async () =>
      (await treeRowNames(page)).find((label) => label.startsWith(`${tasks.edit.name}, `))?.includes(' · TODO'),
    );
  });

  it('shows the limit up front, holds Save while too long; a refused save keeps the text, says so, and survives hiding the panel', async () => {
    const { page } = workbench();
    const frame = await notesForm(page, tasks.refused.name);
    await until('focus in the notes field', () => frame.locator('#notes').evaluate((element) => element === element.ownerDocument.activeElement));
    assert.match(await frame.locator('#count').innerText(), /^0 \/ 1,024 characters/, 'the limit before any save');

    await frame.locator('#notes textarea').fill('n'.repeat(1100));
    assert.match(await frame.locator('#count').innerText(), /^1,100 \/ 1,024 characters · remove 76 to save/);
    assert.equal(await frame.locator('#save').evaluate((button) => (button as unknown as { disabled: boolean }).disabled), true, 'Save is held while the note is too long');

    const tooLong = 'kept when the server refuses';
    await frame.locator('#notes textarea').fill(tooLong);
    jp1ao.faults.failNext = { status: 412, count: 1, path: /\/Tasks\/\d+$/ };
    await frame.locator('#notes textarea').press('Control+Enter');
    const error = frame.locator('#error');
    await error.waitFor();
    assert.match(await error.innerText(), /not available/i);
    await until('a true status line', async () => (await frame.locator('#status').innerText()) === 'Not saved.');
    assert.equal(await frame.locator('#notes textarea').inputValue(), tooLong);
    assert.equal(jp1ao.task(tasks.refused.id).notes, '');

    // Another editor hides the panel (its page is unloaded); coming back restores the draft.
    await contextMenu(page, rowByName(page, callbackJob), 'Show Details');
    await webviewFrame(page).locator('h1', { hasText: callbackJob }).waitFor();
    await editorTab(page, `Notes: ${tasks.refused.name}`).click();
    await until('the draft after reload', async () => (await webviewFrame(page).locator('#notes textarea').inputValue().catch(() => '')) === tooLong);
    assert.match(await webviewFrame(page).locator('#count').innerText(), /unsaved changes/);
  });

  it('Save after the task changed on the server warns, then Overwrite or Reload — as chosen', async () => {
    const { page } = workbench();
    const frame = await notesForm(page, tasks.conflict.name);
    await frame.locator('#notes textarea').fill('my note');
    assert.equal((await editOnServer(tasks.conflict.id, 'their note', true)).status, 200);
    jp1ao.clearRequests();

    await frame.locator('#notes textarea').press('Control+s');
    const warning = frame.locator('#conflict');
    await warning.waitFor();
    assert.equal(await frame.locator('#conflict-notes').innerText(), 'their note');
    assert.deepEqual(puts(jp1ao.requests), [], 'nothing written before the user chose');
    assert.equal(await frame.locator('#notes textarea').inputValue(), 'my note', 'the typed note is kept');

    await frame.locator('#overwrite').click();
    await frame.locator('#status', { hasText: 'Saved.' }).waitFor();
    assert.equal(jp1ao.task(tasks.conflict.id).notes, 'my note');

    // Again, and this time take the server's version.
    await frame.locator('#notes textarea').fill('second try');
    assert.equal((await editOnServer(tasks.conflict.id, 'theirs again', false)).status, 200);
    await frame.locator('#save').click();
    await warning.waitFor();
    await frame.locator('#reload').click();
    await warning.waitFor({ state: 'hidden' });
    assert.equal(await frame.locator('#notes textarea').inputValue(), 'theirs again');
    assert.equal(await frame.locator('#discarded-text').textContent(), 'second try', 'the replaced text can still be copied');
    assert.equal(jp1ao.task(tasks.conflict.id).notes, 'theirs again');
  });

  it('a double-click on a JP1/AO task opens its form; a single click only selects', async () => {
    const { page } = workbench();
    const row = rowByName(page, tasks.doubleClick.name);
    await row.click();
    await sleep(800); // nothing may open: the window is longer than a double-click
    assert.equal(await editorTab(page, `Notes: ${tasks.doubleClick.name}`).count(), 0);
    await row.dblclick();
    await editorTab(page, `Notes: ${tasks.doubleClick.name}`).waitFor();
    await webviewFrame(page).locator('#notes textarea').waitFor();
  });

  it('Show Details renders a hostile job name as text, never as markup', async () => {
    const { page } = workbench();
    await contextMenu(page, rowByName(page, hostileName), 'Show Details');
    const frame = webviewFrame(page);
    await frame.locator('h1', { hasText: hostileName }).waitFor();
    assert.equal(await frame.locator('h1').innerText(), hostileName);
    assert.equal(await frame.locator('img').count(), 0);
    assert.equal(await frame.locator('.formatted strong', { hasText: hostileName }).count(), 1, 'the bold format is applied to the text');
    assert.equal(await frame.locator('td', { hasText: 'step one' }).count(), 1, 'subtasks are listed');
    assert.deepEqual(dialogs, []);
  });

  it('Cancel with Callback refuses a POST without a body before sending, then sends the typed callback', async () => {
    const { page } = workbench();
    await contextMenu(page, rowByName(page, callbackJob), 'Cancel with Callback…');
    const frame = webviewFrame(page);
    await frame.locator('#cancelURL input').waitFor();
    await frame.locator('vscode-radio[value="POST"]').click();
    await frame.locator('#cancelURL input').fill('');
    await frame.locator('#cancelRESTBody textarea').fill('');
    await frame.locator('#send').click();
    // Every problem at once, in the labels' words.
    const problem = frame.locator('#cancelRESTBody-error');
    await problem.waitFor();
    assert.equal(await problem.innerText(), 'JSON body is required for POST: a JSON object');
    assert.match(await frame.locator('#cancelURL-error').innerText(), /^URL is required/);
    assert.deepEqual(puts(lxca.requests), [], 'no PUT was sent');
    await frame.locator('#cancelURL input').fill('/jobs/cancel');

    await frame.locator('#cancelRESTBody textarea').fill('{"reason": "e2e"}');
    await problem.waitFor({ state: 'hidden' });
    // Sending asks first, naming the job and the call; declining sends nothing and keeps the input.
    await frame.locator('#send').click();
    await dialog(page).waitFor();
    const question = await dialog(page).innerText();
    assert.match(question, new RegExp(`Cancel job "${callbackJob}" on .+ with this callback\\?`));
    assert.match(question, /POST \/jobs\/cancel/);
    await screenshot(page, 'callback-confirmation.png');
    await page.keyboard.press('Escape');
    await frame.locator('#result.error').filter({ hasText: 'Not sent' }).waitFor();
    assert.deepEqual(puts(lxca.requests), [], 'declined: no PUT was sent');
    assert.equal(await frame.locator('#cancelURL input').inputValue(), '/jobs/cancel');

    await frame.locator('#send').click();
    await dialogButton(page, 'Send Callback').click();
    await frame.locator('#result.success').waitFor();
    const [put] = puts(lxca.requests);
    assert.ok(put, 'the callback was sent');
    assert.match(put.path, /^\/tasks\/\d+$/);
    assert.deepEqual(put.body, { cancelRESTMethod: 'POST', cancelURL: '/jobs/cancel', cancelRESTBody: { reason: 'e2e' }, expirationTimeOut: 60 });
  });

  it('the forms run under their CSP without violations', () => {
    // Only the forms' policy counts here; the workbench's own policy is the one allowing 'unsafe-eval'.
    const violations = workbench().consoleErrors.filter((error) => /Content Security Policy|Refused to/i.test(error) && !error.includes("'unsafe-eval'"));
    assert.deepEqual(violations, []);
  });
});

// Completion alerts, the Activity view and a notes panel across a window reload, driven like a
// user in the real workbench. The simulators run in this (mocha) process.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { useSignedInWorkbench, type WorkbenchOptions } from './harness';
import { until } from '../support/wait';
import {
  activityRowByLabel,
  afterLayout,
  contextMenu,
  editorTab,
  notifications,
  quickInput,
  runCommand,
  screenshot,
  treeRows,
  reloadWindow,
  webviewFrame,
} from '../support/workbench';

const lxcaName = 'alerts-lxca';
const jp1aoName = 'alerts-jp1ao';
const watchedJob = 'Firmware update on rack 4';
const cancelledJob = 'Nightly inventory refresh';
const reloadedJob = 'Deploy OS image to node 12';
const repositoryRoot = resolve(__dirname, '../../..');

async function rowDescription(page: Page, label: string): Promise<string | undefined> {
  return (await treeRows(page)).find((row) => row.label === label)?.description;
}

describe('e2e: completion alerts and Activity', function () {
  this.timeout(120_000);
  let lxca: LxcaSimulator;
  let jp1ao: Jp1aoSimulator;
  let watchedId = '';
  let reloadedId = '';
  let notesTask = '';
  /** The task's row label: the service name, since the name ends in its own submit time. */
  let notesRow = '';

  const options: WorkbenchOptions = { settings: {} };
  before(async () => {
    [lxca, jp1ao] = await Promise.all([startLxcaSimulator({ size: 2, newItemEveryMs: 0 }), startJp1aoSimulator({ size: 3, newItemEveryMs: 0 })]);
    for (const job of lxca.jobs()) lxca.setJobStatus(job.jobUID, 'Complete', 100);
    for (const task of jp1ao.tasks()) jp1ao.setTaskStatus(task.instanceID, 'completed');
    watchedId = lxca.addJob({ name: watchedJob, status: 'Running', percentage: 40, createdBy: 'operator' });
    lxca.addJob({ name: cancelledJob, status: 'Running', percentage: 10 });
    reloadedId = lxca.addJob({ name: reloadedJob, status: 'Running', percentage: 5 });
    const rowLabelOf = (task: { name?: unknown; serviceName?: unknown }) => String(task.serviceName ?? String(task.name).replace(/_\d{14}$/, '').replace(/_/g, ' '));
    const labels = jp1ao.tasks().map(rowLabelOf);
    const notes = jp1ao.tasks().find((task) => labels.filter((label) => label === rowLabelOf(task)).length === 1) ?? jp1ao.tasks()[0]!;
    notesTask = String(notes.name);
    notesRow = rowLabelOf(notes);
    options.settings = {
      'opsTasks.connections': [
        { name: lxcaName, kind: 'lxca', baseUrl: lxca.url, username: lxca.username },
        { name: jp1aoName, kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username },
      ],
      'opsTasks.confirmCancel': false,
      'opsTasks.refresh.activeIntervalSeconds': 2,
      'opsTasks.refresh.idleIntervalSeconds': 2,
    };
  });
  after(async () => {
    await Promise.all([lxca?.close(), jp1ao?.close()]);
  });

  const workbench = useSignedInWorkbench(options, () => ({ passwords: { [lxcaName]: lxca.password, [jp1aoName]: jp1ao.password }, rows: [watchedJob, cancelledJob, reloadedJob, notesRow] }));

  before(async () => {
    const { page } = workbench();
    assert.equal(await quickInput(page).isVisible(), false, 'no password prompt left open after signing in');
  });

  it('Notify When Done marks the row, then one notification tells how the job ended, with Show Details and Reveal in Tree', async () => {
    const { page } = workbench();
    await contextMenu(page, watchedJob, 'Notify When Done');
    await until('the bell on the row', async () => (await rowDescription(page, watchedJob))?.startsWith('🔔'));

    lxca.setJobStatus(watchedId, 'Complete', 100);
    const toast = notifications(page).filter({ hasText: `Job "${watchedJob}" on ${lxcaName} finished: Complete` });
    await toast.waitFor({ timeout: 20_000 });
    assert.match(await toast.innerText(), /\(ran \d+ (s|min)/);
    const buttons = (await toast.locator('.monaco-button').allInnerTexts()).map((text) => text.trim());
    assert.deepEqual(buttons, ['Show Details', 'Reveal in Tree']);
    await afterLayout(page, toast); // the toast has slid in
    await screenshot(page, resolve(repositoryRoot, 'docs/completion-notification.png'));
    await until('the bell to go', async () => !(await rowDescription(page, watchedJob))?.startsWith('🔔'));

    await toast.locator('.monaco-button', { hasText: 'Show Details' }).click();
    await editorTab(page, `Details: ${watchedJob}`).waitFor();
    await until('the notification to close once answered', async () => (await notifications(page).filter({ hasText: watchedJob }).count()) === 0);
  });

  it('the Activity view lists a cancel made from the tree, with its result', async () => {
    const { page } = workbench();
    await contextMenu(page, cancelledJob, 'Cancel');
    const entry = activityRowByLabel(page, `Cancel: ${cancelledJob}`);
    await entry.waitFor({ timeout: 20_000 });
    assert.match(await entry.innerText(), new RegExp(`${lxcaName} · done`));
    // The cancelled job is watched until it ends: a warning tells it was cancelled.
    await notifications(page).filter({ hasText: `Job "${cancelledJob}" on ${lxcaName} finished: Cancelled` }).waitFor({ timeout: 20_000 });
  });

  it('a notes panel comes back after a window reload, with the unsaved draft; a watch goes on', async () => {
    const { page } = workbench();
    await runCommand(page, 'View: Close All Editors');
    await contextMenu(page, reloadedJob, 'Notify When Done');
    await until('the bell on the row', async () => (await rowDescription(page, reloadedJob))?.startsWith('🔔'));
    await contextMenu(page, notesRow, 'Edit Notes and TODO…');
    let frame = webviewFrame(page);
    await frame.locator('#notes textarea').waitFor();
    const draft = 'Draft typed before the reload, not saved.';
    await frame.locator('#notes textarea').fill(draft);
    await frame.locator('#count').filter({ hasText: 'unsaved changes' }).waitFor(); // the page holds the draft

    await reloadWindow(page);
    await editorTab(page, `Notes: ${notesTask}`).waitFor({ timeout: 30_000 });
    frame = webviewFrame(page);
    await frame.locator('#notes textarea').waitFor({ timeout: 30_000 });
    await until('the draft', async () => (await frame.locator('#notes textarea').inputValue()) === draft, 20_000);
    assert.equal(String(jp1ao.task(jp1ao.tasks()[0]!.instanceID).notes ?? ''), '', 'nothing was saved');

    lxca.setJobStatus(reloadedId, 'Cancelled');
    await notifications(page).filter({ hasText: `Job "${reloadedJob}" on ${lxcaName} finished: Cancelled` }).waitFor({ timeout: 20_000 });
  });
});

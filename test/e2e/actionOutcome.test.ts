// A cancel is reported as what LXCA shows next, in the real workbench, against a simulator whose
// `PUT /tasks/{job_list}` with a hook only registers the hook (`--lxca-hook-cancel register`):
// the row says "Cancel sent…", then warns that the job is still Running and offers Cancel with
// Plain Request, whose `PUT /tasks` cancels it. Screenshots of each state go to test-results/.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSimulators, type LxcaSimulator } from '../../src/simulator/index';
import { connectionSettings, useSignedInWorkbench, type WorkbenchOptions } from './harness';
import { until } from '../support/wait';
import { activityRowByLabel, contextMenu, dialog, dialogButton, notifications, rowByName, screenshot, treeRowNames } from '../support/workbench';

const lxcaName = 'outcome-lxca';
const jobName = 'E2E hooked firmware update';

/** The row's description as announced ("<name>, <description>"), once it matches. */
async function waitForRow(page: Page, description: RegExp, timeoutMs = 30_000): Promise<string> {
  let last = '(row not shown)';
  try {
    return await until(
      `the row to show ${description}`,
      async () => {
        const label = (await treeRowNames(page)).find((candidate) => candidate.startsWith(`${jobName}, `));
        if (label !== undefined) last = label.slice(jobName.length + 2);
        return label !== undefined && description.test(last) ? last : undefined;
      },
      timeoutMs,
    );
  } catch {
    throw new Error(`"${jobName}" never showed ${description}; last shown: ${last}`);
  }
}

describe('e2e: a cancel is confirmed by what LXCA shows', function () {
  this.timeout(120_000);
  let sims: Awaited<ReturnType<typeof startSimulators>>;
  let lxca: LxcaSimulator;
  let jobId = '';
  const options: WorkbenchOptions = { settings: {} };

  before(async () => {
    sims = await startSimulators({ size: 5, newItemEveryMs: 0, variants: { lxcaHookCancel: 'register' } });
    lxca = sims.lxca;
    jobId = lxca.addJob({ name: jobName, status: 'Running', percentage: 20, cancelURL: '/updatableComponents?action=cancelApply', cancelRESTMethod: 'PUT', cancelRESTBody: { DeviceList: [] } });
    options.settings = { ...connectionSettings([{ name: lxcaName, kind: 'lxca', server: lxca }]), 'opsTasks.actionSettleSeconds': 6 };
  });
  after(async () => {
    await sims?.close();
  });

  const workbench = useSignedInWorkbench(options, () => ({ passwords: { [lxcaName]: lxca.password }, rows: [jobName] }));

  it('shows "Cancel sent…", then "still Running" with Cancel with Plain Request, whose PUT /tasks cancels the job', async () => {
    const { page } = workbench();
    lxca.clearRequests();
    await contextMenu(page, rowByName(page, jobName), 'Cancel');
    await dialogButton(page, 'Cancel Job').click();

    await waitForRow(page, /^Cancel sent…/);
    await screenshot(page, 'action-outcome/1-cancel-sent.png');
    const hookPut = lxca.requests.find((request) => request.method === 'PUT');
    assert.equal(hookPut?.path, `/tasks/${jobId}`, 'the hook was sent with PUT /tasks/{job_list}');

    const warning = await waitForRow(page, /^Cancel sent .* — the job is still Running/);
    assert.ok(!/Cancelled/.test(warning));
    const toast = notifications(page).filter({ hasText: 'is still Running' });
    await toast.first().waitFor({ timeout: 10_000 });
    assert.match(await toast.first().innerText(), /Cancel with Plain Request/, 'the notification offers the plain request');
    const entries = activityRowByLabel(page, `Cancel: ${jobName}`);
    await until('the Activity entry to say the job is still Running', async () => /still Running/.test((await entries.first().getAttribute('aria-label')) ?? ''));
    assert.equal(await entries.count(), 1, 'the Activity entry was updated in place, not added again');
    await screenshot(page, 'action-outcome/2-still-running.png');
    assert.equal(lxca.job(jobId).status, 'Running');

    lxca.clearRequests();
    await contextMenu(page, rowByName(page, jobName), 'Cancel with Plain Request');
    await dialog(page).waitFor();
    assert.match(await dialog(page).innerText(), new RegExp(`${jobName}`));
    await screenshot(page, 'action-outcome/3-confirm-plain.png');
    assert.equal(lxca.requests.filter((request) => request.method === 'PUT').length, 0, 'nothing sent before the confirmation');
    await dialog(page).locator('.monaco-button').filter({ hasText: /^Cancel with Plain Request/ }).first().click();

    await waitForRow(page, /^Cancelled/);
    await screenshot(page, 'action-outcome/4-cancelled.png');
    const puts = lxca.requests.filter((request) => request.method === 'PUT');
    assert.deepEqual(puts.map((request) => [request.path, request.body]), [['/tasks', { action: 'cancel', list: [jobId] }]]);
  });
});

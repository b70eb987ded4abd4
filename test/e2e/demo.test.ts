import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';
import { until } from '../support/wait';
import {
  contextMenu,
  dialogButton,
  openOpsTasksView,
  pastedText,
  quickInput,
  quickInputType,
  rowByLabel,
  rowByName,
  runCommand,
  treeRowNames,
  rowTwistie,
  treeRows,
  waitForWorkbench,
  welcomeButton,
  welcomeButtons,
} from '../support/workbench';
import type { Page } from 'playwright-core';

// The demo is the first thing a newcomer tries: it must survive a window reload and a fresh
// browser without asking for passwords nobody has, and go away as a whole.
describe('e2e: the demo across reloads', function () {
  this.timeout(180_000);
  const wb = useWorkbench();

  /**
   * Waits until both demo connections have loaded (their rows read "… running …"), collapsing the
   * first when the second is below the fold, and fails if a password prompt appears meanwhile.
   */
  async function demoTasksShown(page: Page): Promise<void> {
    await until('both demo connections showing their tasks', async () => {
      assert.ok(!(await quickInput(page).locator('input[type="password"]').isVisible()), 'no password prompt for the demo');
      const rows = await treeRows(page);
      const loaded = (name: string) => rows.some((row) => row.label === name && /running/.test(row.description));
      if (loaded('Demo LXCA') && !rows.some((row) => row.label === 'Demo JP1/AO')) {
        await rowTwistie(rowByLabel(page, 'Demo LXCA')).click().catch(() => undefined);
        return false;
      }
      return loaded('Demo LXCA') && loaded('Demo JP1/AO');
    }, 60_000);
  }

  it('starts from the welcome view and shows both servers\' tasks', async () => {
    const { page } = wb();
    await openOpsTasksView(page);
    await welcomeButton(page, 'Try the Demo').click();
    await demoTasksShown(page);
  });

  /**
   * The status the palette's task pick shows for the task with this id ("Cancelled · Demo LXCA · ID 12").
   * The pick lists the tasks read when it opens: while the job is not among them yet (just after a
   * reload), or the pick did not open, it is closed and opened again.
   */
  async function pickedStatus(page: Page, id: string): Promise<string> {
    const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: new RegExp(`· ID ${id}(?!\\d)`) }).first();
    return until(`the task pick to list ID ${id}`, async () => {
      try {
        await runCommand(page, 'Ops Tasks: Show Details');
        await quickInputType(page, `ID ${id}`, { accept: false });
        await row.waitFor({ timeout: 5_000 });
        return await row.innerText();
      } catch {
        return undefined; // the pick did not open, or did not list the job yet: open it again
      } finally {
        await page.keyboard.press('Escape');
      }
    }, 90_000);
  }

  it('keeps its state across a window reload: a cancelled job stays cancelled, under the same id', async () => {
    const { page } = wb();
    // The LXCA demo's jobs on screen: fold the JP1/AO demo, unfold the LXCA one.
    await rowTwistie(rowByLabel(page, 'Demo JP1/AO')).click();
    if ((await rowByLabel(page, 'Demo LXCA').getAttribute('aria-expanded')) !== 'true') await rowTwistie(rowByLabel(page, 'Demo LXCA')).click();
    const running = await until('a running demo job', async () => (await treeRowNames(page)).find((label) => /, Running\b/.test(label)));
    const name = running.slice(0, running.indexOf(', Running'));
    const row = rowByName(page, name).first();
    await contextMenu(page, row, 'Copy ID');
    // The copy goes through the extension host: wait for the clipboard to hold an id.
    const id = await until('the id on the clipboard', async () => {
      const text = await pastedText(page);
      return /^\d+$/.test(text) && text;
    });
    await contextMenu(page, row, 'Cancel');
    await dialogButton(page, 'Cancel Job').click();
    await until('the job cancelled', async () => /Cancel/.test(await pickedStatus(page, id)), 30_000);

    await page.reload();
    await waitForWorkbench(page);
    await openOpsTasksView(page);
    await demoTasksShown(page);
    assert.match(await pickedStatus(page, id), /Cancel/, 'still cancelled after the reload');
  });

  it('comes back after a window reload: the servers start again on first use, no prompt', async () => {
    const { page } = wb();
    await page.reload();
    await waitForWorkbench(page);
    await openOpsTasksView(page);
    await demoTasksShown(page);
  });

  it('comes back in a fresh browser with no stored secrets, no prompt', async () => {
    const { browser, server } = wb();
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(server.url());
      await waitForWorkbench(page);
      await openOpsTasksView(page);
      await demoTasksShown(page);
    } finally {
      await context.close();
    }
  });

  it('Remove Connection on a demo connection removes the whole demo', async () => {
    const { page } = wb();
    await contextMenu(page, 'Demo JP1/AO', 'Remove Connection');
    await dialogButton(page, 'Remove Demo').click();
    assert.deepEqual(await welcomeButtons(page), ['Add Connection', 'Try the Demo']);
    await until('the demo rows gone', async () => !(await rowByLabel(page, 'Demo LXCA').count()));
  });
});

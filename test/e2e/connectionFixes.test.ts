// Connection errors that offer the fix, in the real workbench: a wrong password in Add Connection
// says the server was reached and offers "Re-enter Password" (nothing typed is lost); a new URL in
// Edit Connection asks for the password; Rename Connection keeps the password.
import * as assert from 'node:assert/strict';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { useWorkbench } from './harness';
import { until } from '../support/wait';
import {
  contextMenu,
  dialog,
  dialogButton,
  openOpsTasksView,
  quickInput,
  quickInputPick,
  quickInputType,
  rowByLabel,
  runCommand,
  screenshot,
  treeRows,
  waitForQuickInputTitle,
} from '../support/workbench';

describe('e2e: connection errors that offer the fix', function () {
  this.timeout(120_000);
  let jp1ao: Jp1aoSimulator;
  let jp1aoMoved: Jp1aoSimulator;
  let lxca: LxcaSimulator;
  before(async () => {
    [jp1ao, jp1aoMoved, lxca] = await Promise.all([
      startJp1aoSimulator({ size: 3, newItemEveryMs: 0 }),
      startJp1aoSimulator({ size: 3, newItemEveryMs: 0 }),
      startLxcaSimulator({ size: 3, newItemEveryMs: 0 }),
    ]);
  });
  after(async () => {
    await Promise.all([jp1ao, jp1aoMoved, lxca].map((sim) => sim?.close()));
  });

  const workbench = useWorkbench({ settings: { 'opsTasks.refresh.activeIntervalSeconds': 600, 'opsTasks.refresh.idleIntervalSeconds': 600 } });
  const password = () => quickInput(page()).locator('input[type="password"]');
  const page = () => workbench().page;

  it('a wrong password in Add Connection says the server refused it and offers Re-enter Password, keeping the rest', async () => {
    await openOpsTasksView(page());
    await runCommand(page(), 'Ops Tasks: Add Connection…');
    await waitForQuickInputTitle(page(), 'Add Connection (1/5)');
    await quickInputPick(page(), 'JP1/Automatic Operation');
    await waitForQuickInputTitle(page(), 'Add Connection (2/5)');
    await quickInputType(page(), jp1ao.url);
    await waitForQuickInputTitle(page(), 'Add Connection (3/5)');
    await quickInputType(page(), jp1ao.username);
    await password().waitFor();
    await quickInputType(page(), 'not-the-password');

    await dialog(page()).waitFor();
    const text = await dialog(page()).innerText();
    assert.match(text, /was reached, but it refused the user name or password/);
    assert.doesNotMatch(text, /could not be reached/);
    await screenshot(page(), 'connection-wrong-password.png');
    await dialogButton(page(), 'Re-enter Password').click();

    await password().waitFor();
    await quickInputType(page(), jp1ao.password);
    await waitForQuickInputTitle(page(), 'Add Connection (5/5)');
    await quickInputType(page(), 'fix-jp1ao');
    await until('the tasks of the new connection', async () => (await treeRows(page())).filter((row) => row.label !== 'fix-jp1ao').length >= 3, 30_000);
  });

  it('Rename Connection keeps the password: the tasks load under the new name without asking', async () => {
    await contextMenu(page(), rowByLabel(page(), 'fix-jp1ao'), 'Rename Connection…');
    await waitForQuickInputTitle(page(), 'Rename fix-jp1ao');
    await quickInputType(page(), 'renamed-jp1ao');
    await until('the renamed connection with its tasks', async () => {
      const rows = await treeRows(page());
      return rows.some((row) => row.label === 'renamed-jp1ao') && !rows.some((row) => row.label === 'fix-jp1ao') && rows.length >= 4 && !rows.some((row) => row.label === 'Set Password…');
    }, 30_000);
    assert.equal(await password().isVisible(), false, 'no password asked');
  });

  it('a new URL in Edit Connection asks for the password for that server', async () => {
    await contextMenu(page(), rowByLabel(page(), 'renamed-jp1ao'), 'Edit Connection…');
    await waitForQuickInputTitle(page(), 'Edit renamed-jp1ao: server URL');
    await quickInputType(page(), jp1aoMoved.url);
    await waitForQuickInputTitle(page(), 'Edit renamed-jp1ao: user name');
    await quickInputType(page(), jp1aoMoved.username);
    await password().waitFor();
    assert.match(await quickInput(page()).innerText(), /bound to the server address/);
    jp1ao.clearRequests();
    await quickInputType(page(), jp1aoMoved.password);
    // The new server is tried, then the tree reads its tasks from it with the password typed for it.
    await until('the tasks read from the new server', () => jp1aoMoved.requests.some((request) => request.method === 'GET' && /\/Tasks\b/.test(request.path)), 30_000);
    await until('the connection on the new server', async () => {
      const rows = await treeRows(page());
      return rows.some((row) => row.label === 'renamed-jp1ao') && rows.length >= 4 && !rows.some((row) => row.label === 'Set Password…');
    }, 30_000);
    assert.ok(!jp1ao.requests.some((request) => /\/Tasks\b/.test(request.path)), 'the old server is no longer asked');
  });
});

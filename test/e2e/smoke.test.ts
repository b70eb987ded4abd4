// The real workbench, driven like a user: the Ops Tasks activity-bar entry opens the view, and with
// no connection configured the welcome content offers to add one or to try the demo.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './harness';
import { openOpsTasksView, screenshot, welcomeButtons } from '../support/workbench';

describe('e2e smoke: the Ops Tasks view in the workbench', () => {
  const workbench = useWorkbench();

  it('shows the welcome buttons when no connection exists', async () => {
    const { page } = workbench();
    await openOpsTasksView(page);
    assert.deepEqual(await welcomeButtons(page), ['Add Connection', 'Try the Demo']);
    await screenshot(page, 'e2e-smoke-welcome.png');
  });

  it('logs no workbench errors', () => {
    assert.deepEqual(workbench().consoleErrors, []);
  });
});

import * as assert from 'node:assert/strict';
import { startLxcaSimulator, type LxcaSimulator } from '../../src/simulator/index';
import { useWorkbench } from './harness';
import { signIn } from '../support/signIn';
import { editorTab, openOpsTasksView, quickInput, quickInputPick, quickInputType, runCommand } from '../support/workbench';

// From the Command Palette, with nothing selected, every task command asks with one kind of picker,
// and a subtask is shown with its job and id so two steps of the same name can be told apart.
describe('e2e: task commands from the palette', function () {
  this.timeout(180_000);
  let sim: LxcaSimulator;
  const settings: Record<string, unknown> = {};
  before(async () => {
    sim = await startLxcaSimulator({ size: 2, newItemEveryMs: 0 });
    for (const target of ['SR650-01', 'SR650-02']) {
      sim.addJob({ name: `Update ${target}`, status: 'Running', children: [{ name: 'Validate request', status: 'Running' }] });
    }
    settings['opsTasks.connections'] = [{ name: 'palette', kind: 'lxca', baseUrl: sim.url, username: sim.username }];
  });
  after(async () => sim?.close());
  const wb = useWorkbench({ settings });

  for (const command of ['Show Details', 'Cancel', 'Cancel with Callback']) {
    it(`${command} opens a picker that tells subtasks apart by their job`, async () => {
      const { page } = wb();
      await openOpsTasksView(page);
      await signIn(page, { palette: sim.password }, ['Update SR650-01']);
      await runCommand(page, `Ops Tasks: ${command}`);
      await quickInputType(page, 'Validate request', { accept: false });
      const rows = quickInput(page).locator('.monaco-list-row');
      await rows.first().waitFor();
      const texts = await rows.allInnerTexts();
      const details = texts.filter((text) => /Validate request/.test(text));
      assert.equal(details.length, 2, texts.join(' | '));
      assert.match(details.join('\n'), /Subtask of "Update SR650-01"/);
      assert.match(details.join('\n'), /Subtask of "Update SR650-02"/);
      await page.keyboard.press('Escape');
    });
  }

  it('Show Details from the palette opens the picked subtask', async () => {
    const { page } = wb();
    await runCommand(page, 'Ops Tasks: Show Details');
    await quickInputType(page, 'Validate request', { accept: false });
    await quickInputPick(page, /Subtask of "Update SR650-02"/);
    await editorTab(page, 'Details: Validate request').waitFor();
  });
});

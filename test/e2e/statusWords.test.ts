import * as assert from 'node:assert/strict';
import { startJp1aoSimulator, type Jp1aoSimulator } from '../../src/simulator/index';
import { useWorkbench } from './harness';
import { signIn } from '../support/signIn';
import { until } from '../support/wait';
import { openOpsTasksView, screenshot, treeRowIcons } from '../support/workbench';

// The tree against a JP1/AO server that writes its statuses in upper case (IN_PROGRESS) and
// answers a status filter naming a word it does not use with an empty list
// (`--jp1ao-status-words upper --jp1ao-filter empty`): the running count and the icons are right.
describe('e2e: JP1/AO status words the server spells its own way', function () {
  this.timeout(180_000);
  let jp1ao: Jp1aoSimulator;
  const settings: Record<string, unknown> = { 'opsTasks.pageSize': 20 };
  before(async () => {
    jp1ao = await startJp1aoSimulator({ size: 12, newItemEveryMs: 0, variants: { jp1aoStatusWords: 'upper', jp1aoFilter: 'empty' } });
    // Three running, one failed, the rest completed; nothing moves by itself.
    jp1ao.tasks().forEach((task, i) => jp1ao.setTaskStatus(task.instanceID, i < 3 ? 'inProgress' : i === 3 ? 'failed' : 'completed'));
    settings['opsTasks.connections'] = [{ name: 'shouting', kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username }];
  });
  after(async () => {
    await jp1ao?.close();
  });
  const wb = useWorkbench({ settings });

  it('counts the running tasks and shows each status with its icon', async () => {
    const { page } = wb();
    await openOpsTasksView(page);
    await signIn(page, { shouting: jp1ao.password }, [jp1ao.tasks()[0].name]);
    const rows = await until('the connection and its twelve tasks', async () => {
      const all = await treeRowIcons(page);
      const tasks = all.filter((row) => /In Progress|Failed|Completed/.test(row.description));
      return tasks.length === 12 && all.some((row) => row.label === 'shouting' && /running/.test(row.description)) && all;
    }, 60_000);
    await screenshot(page, 'status-words-upper.png');
    const connection = rows.find((row) => row.label === 'shouting')!;
    assert.match(connection.description, /^3 running · 1 failed\b/);
    assert.equal(rows.filter((row) => /^In Progress/.test(row.description)).length, 3);
    // A task marked TODO shows the bookmark instead of its status icon.
    const icons = (status: RegExp) => [...new Set(rows.filter((row) => status.test(row.description) && !/TODO/.test(row.description)).map((row) => row.icon))];
    assert.deepEqual(icons(/^In Progress/), ['loading']);
    assert.deepEqual(icons(/^Failed/), ['error']);
    assert.deepEqual(icons(/^Completed/), ['pass']);
    assert.ok(rows.every((row) => !/IN_PROGRESS|COMPLETED|FAILED/.test(row.description)), 'no status is shown as an unknown word');
  });
});

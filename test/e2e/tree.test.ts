// The task tree in the real workbench, driven like a user: adding connections through the palette,
// subtasks, the filter, "Load more…", an unreachable server and a wrong password with the rows
// that fix them, and the README screenshot. The simulators run in this (mocha) process; the
// extension reaches them over loopback like a real appliance.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startJp1aoSimulator, startLxcaSimulator, type Jp1aoSimulator, type LxcaSimulator } from '../../src/simulator';
import { until } from '../support/wait';
import {
  openOpsTasksView,
  quickInput,
  quickInputPick,
  quickInputType,
  rowByLabel,
  rowTwistie,
  runCommand,
  screenshot,
  scrollTreeToEnd,
  treeRowDetails,
  treeRowNames,
  viewMessage,
  viewTitleAction,
  waitForQuickInputTitle,
  type TreeRowDetails,
  dialogButton,
  afterLayout,
} from '../support/workbench';
import { useWorkbench } from './harness';
import { markToDo } from '../support/jp1aoEdits';

const repositoryRoot = resolve(__dirname, '../../..');

/** Polling must not race the assertions: one refresh an hour, unless a test presses Refresh. */
const quietPolling = {
  'opsTasks.refresh.activeIntervalSeconds': 3600,
  'opsTasks.refresh.idleIntervalSeconds': 3600,
};

/** How the tree words the simulator's LXCA statuses (unknown ones are shown as received). */
const lxcaStatusLabels: Record<string, string> = {
  Complete: 'Complete',
  CompleteWithErrors: 'Complete with errors',
  Running: 'Running',
  Running_With_Errors: 'Running with errors',
  Pending: 'Pending',
  Cancelled: 'Cancelled',
  Cancelled_With_Errors: 'Cancelled with errors',
  Stopped_With_Error: 'Stopped with error',
  Interrupted: 'Interrupted',
};
const statusLabel = (status: string) => lxcaStatusLabels[status] ?? status;

/** LXCA names are plain strings or formatted text (`[{ text, format }]`). */
function plainText(name: unknown): string {
  if (typeof name === 'string') return name;
  if (Array.isArray(name)) return name.map((part: { text?: string }) => part.text ?? '').join('');
  return '';
}

interface SimJob {
  jobUID: string;
  name: unknown;
  status: string;
  children?: SimJob[];
}

/** Root jobs as the tree orders them: newest (highest id) first. */
function newestJobs(lxca: LxcaSimulator): SimJob[] {
  return (lxca.jobs() as SimJob[]).sort((a, b) => Number(b.jobUID) - Number(a.jobUID));
}

/** A row shows `Status`, `Status · ended 3 min ago` or, running, `Status 45% · started 3 min ago`. */
function showsStatus(row: TreeRowDetails, status: string): boolean {
  const label = statusLabel(status);
  const rest = row.description.startsWith(label) ? row.description.slice(label.length) : undefined;
  return rest !== undefined && /^( \d+%)?( · |$)/.test(rest);
}

/** The rows under the connection row labelled `connection`, up to the next connection. */
function rowsUnder(rows: TreeRowDetails[], connection: string): TreeRowDetails[] {
  const start = rows.findIndex((row) => row.level === 1 && row.label === connection);
  if (start < 0) return [];
  // A JP1/AO connection's last child is its Archived Tasks node: it and its rows are not the connection's tasks.
  const end = rows.findIndex((row, i) => i > start && (row.level === 1 || (row.level === 2 && row.label === 'Archived Tasks')));
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

interface SimJp1aoTask {
  instanceID: number;
  name: string;
  serviceName: string;
  status: string;
}

/** Whether a row's label shows whole and the first word of its description (the status) is on screen. */
async function rowFit(page: Page, label: string): Promise<{ labelWhole: boolean; statusVisible: boolean }> {
  return rowByLabel(page, label).first().evaluate((row) => {
    const name = row.querySelector('.label-name');
    const description = row.querySelector('.label-description');
    const right = row.getBoundingClientRect().right;
    const labelWhole = !!name && name.getBoundingClientRect().right <= right && name.scrollWidth <= name.clientWidth + 1;
    // The status is the description's first part: about 10 characters must fit before the row ends.
    const statusVisible = !!description && description.getBoundingClientRect().left + 60 <= right;
    return { labelWhole, statusVisible };
  });
}

/** The codicon of the row labelled `label` whose description matches. */
async function rowIcon(page: Page, label: string, description: RegExp): Promise<string | undefined> {
  const rows = rowByLabel(page, label);
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    if (!description.test((await row.locator('.label-description').textContent()) ?? '')) continue;
    const classes = (await row.locator('.custom-view-tree-node-item-icon, .codicon').first().getAttribute('class')) ?? '';
    return /codicon-([\w-]+)/.exec(classes)?.[1];
  }
  return undefined;
}

/**
 * The icon of every visible task row (level 2 and deeper) by its label: a codicon's name, or the
 * file name of a drawn icon (the progress rings: `running-050-dark.svg`).
 */
async function taskRowIcons(page: Page): Promise<{ label: string; description: string; icon: string }[]> {
  return page.locator('.part.sidebar .monaco-list-row[aria-level]:not([aria-level="1"])').evaluateAll((rows) =>
    rows.map((row) => {
      const iconElement = row.querySelector('.custom-view-tree-node-item-icon');
      const codicon = /codicon-([\w~-]+)/.exec(iconElement?.className ?? '')?.[1];
      const image = iconElement ? (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundImage: string } }).getComputedStyle(iconElement).backgroundImage : '';
      const file = /(?:\/|%2F)([\w-]+\.svg)/i.exec(image)?.[1];
      return {
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
        icon: codicon ?? file ?? '',
      };
    }),
  );
}

const level = (n: number) => (row: TreeRowDetails) => row.level === n;

/**
 * Waits until the tree's rows satisfy `probe`; the message names what did not happen, with the rows
 * seen last. With `atEnd`, each look first scrolls to the last row (the list renders only what is on screen).
 */
async function waitForRows<T>(
  page: Page,
  what: string,
  probe: (rows: TreeRowDetails[]) => T | undefined | false,
  { atEnd = false } = {},
): Promise<T> {
  let last: TreeRowDetails[] = [];
  try {
    return await until(what, async () => {
      if (atEnd) await scrollTreeToEnd(page);
      return probe((last = await treeRowDetails(page)));
    });
  } catch (error) {
    const seen = last.map((r) => `${'  '.repeat(r.level)}${r.label} | ${r.description}`).join('\n');
    throw new Error(`${(error as Error).message}; the tree showed:\n${seen}`);
  }
}

/** Every file under `dir` (the server's user-data dir is small: settings, logs, state). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) return filesUnder(path);
    return stat.size < 20_000_000 ? [path] : [];
  });
}

describe('e2e tree: connections added through the UI, subtasks, filter, wrong password', function () {
  let lxca: LxcaSimulator;
  let jp1ao: Jp1aoSimulator;
  before(async () => {
    lxca = await startLxcaSimulator({ size: 14, newItemEveryMs: 0 });
    jp1ao = await startJp1aoSimulator({ size: 6, newItemEveryMs: 0 });
  });
  after(async () => {
    await lxca?.close();
    await jp1ao?.close();
  });
  const workbench = useWorkbench({ settings: quietPolling });
  // Add Connection suggests the URL's host and port as the name; these are the names typed instead.
  const lxcaHost = () => new URL(lxca.url).host;
  const jp1aoHost = () => new URL(jp1ao.url).host;
  const lxcaName = () => 'Lab LXCA';
  const jp1aoName = () => 'Lab JP1/AO';

  /** Checks the suggested name, then types the connection's own. */
  async function nameConnection(page: Page, suggested: string, name: string): Promise<void> {
    await waitForQuickInputTitle(page, 'Add Connection (5/5)');
    const box = quickInput(page).locator('input').first();
    await until(`the name ${suggested} suggested`, async () => (await box.inputValue()) === suggested);
    await quickInputType(page, name);
  }

  it('adds an LXCA connection with Add Connection… and shows its jobs; the password stays out of the settings', async () => {
    const { page, server } = workbench();
    await openOpsTasksView(page);
    await runCommand(page, 'Ops Tasks: Add Connection…');
    await waitForQuickInputTitle(page, 'Add Connection (1/5)');
    await quickInputPick(page, 'Lenovo XClarity Administrator');
    await waitForQuickInputTitle(page, 'Add Connection (2/5)');
    await quickInputType(page, lxca.url);
    await waitForQuickInputTitle(page, 'Add Connection (3/5)');
    await quickInputType(page, lxca.username);
    await waitForQuickInputTitle(page, `Password for ${lxca.username} on ${lxcaHost()}`);
    await quickInput(page).locator('input[type="password"]').waitFor({ timeout: 5_000 });
    await quickInputType(page, lxca.password);
    // The server answered, so the name is asked next, suggesting host:port.
    await nameConnection(page, lxcaHost(), lxcaName());

    const expected = newestJobs(lxca);
    const rows = await waitForRows(page, 'the connection with its summary and its jobs', (all) => {
      const tasks = rowsUnder(all, lxcaName()).filter(level(2));
      const summary = all.find((row) => row.level === 1 && row.label === lxcaName())?.description ?? '';
      return tasks.length === expected.length && /running/.test(summary) && all;
    });
    const connection = rows.find((row) => row.level === 1 && row.label === lxcaName());
    assert.ok(connection, 'the connection row is shown');
    assert.match(connection.description, /^[1-9]\d* running( · |$)/, 'the connection summarises its running jobs');
    const spoken = (await treeRowNames(page)).find((label) => label.startsWith(`${lxcaName()}, `)) ?? '';
    assert.equal(spoken, `${lxcaName()}, LXCA, ${connection.description}`, 'the accessible label carries the name and the counts');
    const tasks = rowsUnder(rows, lxcaName()).filter(level(2));
    assert.deepEqual(
      tasks.map((row) => row.label),
      expected.map((job) => plainText(job.name)),
      'the jobs, newest first',
    );
    const current = new Map(newestJobs(lxca).map((job) => [plainText(job.name), job.status]));
    for (const row of tasks) {
      assert.ok(showsStatus(row, current.get(row.label)!), `"${row.label}" shows its status ${current.get(row.label)}: "${row.description}"`);
    }

    // The connection went to the user's settings; its password did not, nor anywhere else on the server's disk.
    const settingsFile = join(server.userDataDir, 'User/settings.json');
    const settings = await until('the connection in User/settings.json', () => {
      const parsed = JSON.parse(readFileSync(settingsFile, 'utf8'));
      return parsed['opsTasks.connections']?.length ? parsed : undefined;
    });
    assert.deepEqual(settings['opsTasks.connections'], [{ name: lxcaName(), kind: 'lxca', baseUrl: lxca.url, username: lxca.username }]);
    assert.ok(!readFileSync(settingsFile, 'utf8').includes(lxca.password), 'no password in settings.json');
    const leaks = filesUnder(server.userDataDir).filter((file) => readFileSync(file).includes(lxca.password));
    assert.deepEqual(leaks, [], 'no file of the server holds the password');
  });

  it('expands a job with subtasks', async () => {
    const { page } = workbench();
    const job = newestJobs(lxca).find((candidate) => candidate.children?.length);
    assert.ok(job, 'the simulator has a job with subtasks');
    const title = plainText(job.name);
    const children = job.children!;
    await rowTwistie(rowByLabel(page, title)).click();

    const subtasks = await waitForRows(page, `the subtasks of "${title}"`, (all) => {
      const at = all.findIndex((row) => row.level === 2 && row.label === title);
      if (at < 0 || all[at].expanded !== true) return undefined;
      const below = all.slice(at + 1, at + 1 + children.length);
      return below.length === children.length && below.every(level(3)) && below;
    });
    assert.deepEqual(
      subtasks.map((row) => row.label),
      children.map((child) => plainText(child.name)),
    );
    for (const [i, row] of subtasks.entries()) {
      assert.ok(showsStatus(row, children[i].status), `subtask "${row.label}" shows ${children[i].status}: "${row.description}"`);
    }
  });

  it('filters by a word and a status category, says so above the tree, and Clear Filter restores it', async () => {
    const { page } = workbench();
    const all = newestJobs(lxca).map((job) => plainText(job.name));
    const expected = newestJobs(lxca)
      .filter((job) => plainText(job.name).toLowerCase().includes('firmware') && job.status === 'Running')
      .map((job) => plainText(job.name));
    assert.ok(expected.length > 0 && expected.length < all.length, 'the simulator data makes the filter matter');

    await runCommand(page, 'Ops Tasks: Filter Tasks…');
    await waitForQuickInputTitle(page, 'Filter Tasks (1/2)');
    await quickInputType(page, 'firmware');
    await waitForQuickInputTitle(page, 'Filter Tasks (2/2)');
    await quickInputPick(page, /^Running$/);
    await page.keyboard.press('Enter');

    const filtered = await waitForRows(page, 'only the matching jobs', (rows) => {
      const tasks = rowsUnder(rows, lxcaName()).filter(level(2)).map((row) => row.label);
      return JSON.stringify(tasks) === JSON.stringify(expected) && rows;
    });
    assert.match(filtered.find((row) => row.label === lxcaName())!.description, /\(filtered\)$/);
    await until('the filter above the tree', async () =>
      (await viewMessage(page).isVisible()) && /Filtered by "firmware" · Running\b/.test(await viewMessage(page).innerText()),
    );

    await viewTitleAction(page, 'Clear Filter').click();
    await waitForRows(page, 'every job again', (rows) => {
      const tasks = rowsUnder(rows, lxcaName()).filter(level(2)).map((row) => row.label);
      return JSON.stringify(tasks) === JSON.stringify(all);
    });
    await until('no filter message', async () => !(await viewMessage(page).isVisible()) || !(await viewMessage(page).innerText()).trim());
    await until('the Clear Filter button gone', async () => (await viewTitleAction(page, 'Clear Filter').count()) === 0);
  });

  it('shows "Sign-in failed" with Set Password… after a wrong password, and the tasks once it is right', async () => {
    const { page } = workbench();
    // Collapse the first connection so the second one's rows are on screen.
    const lxcaRow = rowByLabel(page, lxcaName());
    await rowTwistie(lxcaRow).click();
    await waitForRows(page, 'the LXCA connection collapsed', (rows) => rows.find((r) => r.label === lxcaName())?.expanded === false);

    await runCommand(page, 'Ops Tasks: Add Connection…');
    await waitForQuickInputTitle(page, 'Add Connection (1/5)');
    await quickInputPick(page, 'JP1/Automatic Operation');
    await waitForQuickInputTitle(page, 'Add Connection (2/5)');
    await quickInputType(page, jp1ao.url);
    await waitForQuickInputTitle(page, 'Add Connection (3/5)');
    await quickInputType(page, jp1ao.username);
    await waitForQuickInputTitle(page, `Password for ${jp1ao.username} on ${jp1aoHost()}`);
    await quickInputType(page, 'not-the-password');
    // Add Connection tries the server first: the refusal is shown, and the user may save anyway.
    await dialogButton(page, 'Save Anyway').click();
    await nameConnection(page, jp1aoHost(), jp1aoName());

    await waitForRows(page, 'the sign-in failure and its fix', (rows) => {
      const under = rowsUnder(rows, jp1aoName());
      return under.some((r) => r.level === 2 && r.label.startsWith('Sign-in failed')) && under.some((r) => r.label === 'Set Password…');
    });

    await rowByLabel(page, 'Set Password…').click();
    await waitForQuickInputTitle(page, `Password for ${jp1ao.username} on ${jp1aoName()}`);
    await quickInput(page).locator('input[type="password"]').waitFor({ timeout: 5_000 });
    await quickInputType(page, jp1ao.password);

    const simTasks = jp1ao.tasks() as SimJp1aoTask[];
    const tasks = await waitForRows(page, 'the JP1/AO tasks', (rows) => {
      const under = rowsUnder(rows, jp1aoName()).filter(level(2));
      return under.length === simTasks.length && under;
    });
    // Names are "<service>_<submit time>": the row shows the service, the status first, then the time.
    assert.deepEqual(tasks.map((row) => row.label).sort(), simTasks.map((task) => task.serviceName).sort());
    // A task waiting for a response says "needs response" before its status.
    for (const row of tasks) assert.match(row.description, /^(needs response · )?[A-Z][^·]* · /, `"${row.label}" starts its description with the status: "${row.description}"`);
  });

  it('keeps JP1/AO rows readable at the default side bar width: service, status and TODO visible, "TODO" filters', async () => {
    const { page } = workbench();
    const simTasks = jp1ao.tasks() as SimJp1aoTask[];
    const marked = simTasks.find((task) => task.status === 'failed') ?? simTasks[0]!;
    await markToDo(jp1ao, marked.instanceID);
    await runCommand(page, 'Ops Tasks: Refresh');
    const rows = await waitForRows(page, 'the TODO task marked', (all) => {
      const under = rowsUnder(all, jp1aoName()).filter(level(2));
      return under.filter((row) => /· TODO\b/.test(row.description)).length === 1 && under;
    });
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    assert.ok(sidebar && sidebar.width <= 320, `the side bar has its default width (${sidebar?.width} px)`);
    for (const row of rows) {
      const fit = await rowFit(page, row.label);
      assert.ok(fit.labelWhole, `"${row.label}" is not cut`);
      assert.ok(fit.statusVisible, `the status of "${row.label}" is on screen: "${row.description}"`);
    }
    // TODO is marked in the description; the icon keeps showing the status (a failed TODO task is red).
    const todoIcon = await rowIcon(page, marked.serviceName, /· TODO/);
    assert.notEqual(todoIcon, 'bookmark', 'the TODO mark does not replace the status icon');
    if (marked.status === 'failed') assert.equal(todoIcon, 'error', 'a failed TODO task shows the failure');
    await screenshot(page, 'todo-keeps-status-icon.png');

    await runCommand(page, 'Ops Tasks: Filter Tasks…');
    await waitForQuickInputTitle(page, 'Filter Tasks (1/2)');
    await quickInputType(page, 'TODO');
    await waitForQuickInputTitle(page, 'Filter Tasks (2/2)');
    await page.keyboard.press('Enter');
    await waitForRows(page, 'only the TODO task', (all) => {
      const under = rowsUnder(all, jp1aoName()).filter(level(2));
      return under.length === 1 && under[0]!.label === marked.serviceName && /· TODO\b/.test(under[0]!.description);
    });
    await viewTitleAction(page, 'Clear Filter').click();
    await waitForRows(page, 'every JP1/AO task again', (all) => rowsUnder(all, jp1aoName()).filter(level(2)).length === simTasks.length);
  });

  it('saves the README screenshot (docs/screenshot.png) at the default side bar width, every row showing its status and running work its progress', async () => {
    const { page } = workbench();
    await page.setViewportSize({ width: 1400, height: 900 });
    // The side bar at its default width: the rows must read well as most users see them.
    // Both connections open, the LXCA one with one running job's subtasks shown.
    await rowTwistie(rowByLabel(page, lxcaName())).click();
    const jobs = newestJobs(lxca);
    await waitForRows(page, 'the LXCA jobs', (rows) => rowsUnder(rows, lxcaName()).filter(level(2)).length === jobs.length);
    const showcase = jobs.find((job) => job.status === 'Running' && job.children?.length) ?? jobs.find((job) => job.children?.length)!;
    const title = plainText(showcase.name);
    for (const job of jobs) {
      const rows = await treeRowDetails(page);
      const row = rows.find((r) => r.level === 2 && r.label === plainText(job.name));
      const wanted = job === showcase;
      if (row?.expanded !== undefined && row.expanded !== wanted) await rowTwistie(rowByLabel(page, plainText(job.name))).click();
    }
    // The Activity view is folded, as it is once a user has seen its welcome text.
    const activityHeader = page.locator('.pane-header[aria-expanded="true"]').filter({ hasText: /activity/i });
    if (await activityHeader.count()) await activityHeader.first().click();
    await page.locator('.part.editor').click({ position: { x: 200, y: 200 } }); // the tree unfocused
    await page.mouse.move(1000, 500); // no hover highlight in the picture
    await waitForRows(page, `"${title}" expanded`, (rows) => {
      const at = rows.findIndex((row) => row.level === 2 && row.label === title);
      return at >= 0 && rows[at].expanded === true && rows[at + 1]?.level === 3;
    });
    await afterLayout(page); // the list's layout after the resize

    // At this width long LXCA names hide the description: the icon carries the status category,
    // and running work with a known progress shows it as a filling ring.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    assert.ok(sidebar && sidebar.width <= 320, `the side bar has its default width (${sidebar?.width} px)`);
    const icons = await taskRowIcons(page);
    const byName = new Map<string, SimJob>();
    const collect = (list: SimJob[]) => list.forEach((job) => (byName.set(plainText(job.name), job), collect(job.children ?? [])));
    collect(jobs);
    let rings = 0;
    for (const row of icons) {
      assert.ok(row.icon, `"${row.label}" has a status icon`);
      const job = byName.get(row.label) as (SimJob & { percentage?: number }) | undefined;
      if (job?.status === 'Running' && typeof job.percentage === 'number') {
        assert.match(row.icon, /^running-\d{3}-(dark|light)\.svg$/, `running "${row.label}" shows its progress: ${row.icon}`);
        rings++;
      }
    }
    assert.ok(rings > 0, `the picture shows progress rings: ${JSON.stringify(icons)}`);

    const file = await screenshot(page, join(repositoryRoot, 'docs/screenshot.png'));
    assert.ok(existsSync(file) && statSync(file).size > 20_000, `${file} holds a picture`);
  });
});

describe('e2e tree: paging, an unreachable server and recovery', function () {
  let lxca: LxcaSimulator;
  const connectionName = 'Lab LXCA';
  const settings: Record<string, unknown> = { ...quietPolling, 'opsTasks.pageSize': 50 };
  before(async () => {
    lxca = await startLxcaSimulator({ size: 120, newItemEveryMs: 0 });
    settings['opsTasks.connections'] = [{ name: connectionName, kind: 'lxca', baseUrl: lxca.url, username: lxca.username }];
  });
  after(async () => {
    await lxca?.close();
  });
  const workbench = useWorkbench({ settings });

  it('asks once for the missing password when the connection first loads', async () => {
    const { page } = workbench();
    await openOpsTasksView(page);
    await waitForQuickInputTitle(page, `Password for ${lxca.username} on ${connectionName}`);
    await quickInput(page).locator('input[type="password"]').waitFor({ timeout: 5_000 });
    await quickInputType(page, lxca.password);
    const first = plainText(newestJobs(lxca)[0].name);
    await waitForRows(page, 'the first jobs', (rows) => rowsUnder(rows, connectionName)[0]?.label === first);
    assert.equal(await quickInput(page).isVisible(), false, 'no second password prompt');
  });

  it('pages with "Load more…": 50 of 120, then 100', async () => {
    const { page } = workbench();
    const titles = newestJobs(lxca).map((job) => plainText(job.name));
    assert.equal(titles.length, 120);

    const more = await waitForRows(page, '"Load more…" after 50 jobs', (rows) => rows.find((row) => row.label === 'Load more…'), {
      atEnd: true,
    });
    assert.equal(more.description, '50 of 120 shown');
    assert.deepEqual([more.level, more.position, more.siblings], [2, 51, 51], 'the row follows the 50 jobs shown');

    // By keyboard, as a screen-reader user would: End selects "Load more…", Enter runs it.
    await scrollTreeToEnd(page);
    await page.keyboard.press('Enter');
    const focused = await until('the focus on the first row loaded', async () => {
      const label = await page.locator('.monaco-list-row.focused .label-name').first().textContent().catch(() => null);
      return label === titles[50] && label;
    });
    assert.equal(focused, titles[50]);
    await page.keyboard.press('ArrowDown');
    await until('the next arrow moves on from there', async () =>
      (await page.locator('.monaco-list-row.focused .label-name').first().textContent().catch(() => null)) === titles[51],
    );
    const rows = await waitForRows(
      page,
      '"Load more…" after 100 jobs',
      (all) => {
        const row = all.find((r) => r.label === 'Load more…');
        return row?.description === '100 of 120 shown' && all;
      },
      { atEnd: true },
    );
    const at = rows.findIndex((row) => row.label === 'Load more…');
    assert.deepEqual([rows[at].position, rows[at].siblings], [101, 101]);
    assert.equal(rows[at - 1].label, titles[99], 'the 100th newest job comes last');
  });

  it('shows an unreachable server as an error row with Retry, and recovers on the same port', async () => {
    const { page } = workbench();
    const port = Number(new URL(lxca.url).port);
    await lxca.close();
    await runCommand(page, 'Ops Tasks: Refresh');
    // The error rows come first, above the jobs that stay: scroll back to the top of the list.
    await scrollTreeToEnd(page);
    await page.keyboard.press('Home');
    const under = await waitForRows(page, 'the error row and Retry', (rows) => {
      const children = rowsUnder(rows, connectionName);
      return children.some((r) => r.label === 'Retry') && children;
    });
    assert.match(under[0].label, new RegExp(`Could not reach 127\\.0\\.0\\.1:${port}\\b.*refused`));
    assert.deepEqual(under.slice(1, 4).map((row) => row.label), ['Retry', 'Edit Connection…', 'Show Log'], 'the fixes offered');
    assert.ok(under.slice(4).length > 0, 'the jobs last read stay under the error row while the server is away');
    const spoken = (await treeRowNames(page)).find((label) => label.startsWith(`${connectionName}, `)) ?? '';
    assert.match(spoken, new RegExp(`^${connectionName}, LXCA, .*Could not reach .*refused`), 'the connection row\'s accessible label names the error');

    lxca = await startLxcaSimulator({ lxcaPort: port, size: 120, newItemEveryMs: 0 });
    await rowByLabel(page, 'Retry').click();
    const first = plainText(newestJobs(lxca)[0].name);
    await waitForRows(page, 'the jobs again', (rows) => {
      const children = rowsUnder(rows, connectionName);
      return children[0]?.label === first && !children.some((r) => r.label === 'Retry');
    });
  });
});

// Starts a real VS Code server with this extension and opens its workbench in headless Chromium.
//   const workbench = useWorkbench({ settings });   // in a describe(): one server + browser per suite
//   it('…', async () => { const { page } = workbench(); … });
// or, by hand: const { page, close } = await openWorkbench({ settings });
// On a failed test, useWorkbench saves a screenshot under test-results/ and prints the page's
// console errors (without the known offline noise).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { openOpsTasksView, quickInput, reloadWindow, screenshot, treeRows, waitForActivation, waitForWorkbench } from '../support/workbench';
import { until } from '../support/wait';
import { signIn } from '../support/signIn';

export interface VsCodeServer {
  port: number;
  userDataDir: string;
  url(options?: { extensionTestsPath?: string; folder?: string }): string;
  output(): string;
  close(): Promise<void>;
}

interface ServerModule {
  startVsCodeServer(options: { userSettings?: Record<string, unknown>; env?: Record<string, string>; locale?: string }): Promise<VsCodeServer>;
}
interface BrowserModule {
  launchBrowser(): Promise<{ browser: Browser; page: Page; consoleErrors: string[]; close(): Promise<void> }>;
}

/**
 * User settings for connections to the given servers (in this order), with polling slowed down so
 * that only what a scenario does changes the tree.
 */
export function connectionSettings(
  servers: readonly { name: string; kind: 'lxca' | 'jp1ao'; server: { url: string; username: string } }[],
): Record<string, unknown> {
  return {
    'opsTasks.connections': servers.map(({ name, kind, server }) => ({ name, kind, baseUrl: server.url, username: server.username })),
    'opsTasks.refresh.activeIntervalSeconds': 600,
    'opsTasks.refresh.idleIntervalSeconds': 600,
  };
}

export interface WorkbenchOptions {
  /** User settings on top of the quiet defaults (e.g. opsTasks.connections). */
  settings?: Record<string, unknown>;
  /** A folder to open; an empty window otherwise. */
  folder?: string;
  /** Extra environment for the server and so the extension host. */
  env?: Record<string, string>;
  /** VS Code's display language (e.g. 'ja'), as set with "Configure Display Language". */
  locale?: string;
  /** When the Tasks view opens relative to activation; by default `OPS_TASKS_VIEW_ORDER`, else 'after'. */
  viewOrder?: ViewOrder;
}

/**
 * The two orders in which a user meets the extension: 'after' — it activates at start-up with the
 * view closed and the view is opened later (the usual start); 'before' — the view is already shown
 * when it activates (a window reloaded with the side bar open). `npm test` runs the e2e suites in both.
 */
export type ViewOrder = 'after' | 'before';
const defaultViewOrder: ViewOrder = process.env.OPS_TASKS_VIEW_ORDER === 'before' ? 'before' : 'after';

async function arrangeViewOrder(page: Page, consoleErrors: string[], order: ViewOrder, settings: Record<string, unknown>): Promise<void> {
  if (order === 'after') {
    // The status bar item shows activation while connections exist; without any there is no first load to race.
    const connections = settings['opsTasks.connections'];
    if (Array.isArray(connections) && connections.length) await waitForActivation(page);
    return;
  }
  await openOpsTasksView(page);
  await declineFirstPrompts(page);
  await reloadWindow(page);
  await openOpsTasksView(page, { restored: true });
  consoleErrors.length = 0; // what the first window logged while it closed is not the suite's
}

/**
 * Declines the password prompts of the window about to be reloaded, until no connection is still
 * loading: the reload goes through the command palette, which a prompt opening at that moment would
 * take over. Nothing is stored, so the reloaded window asks again.
 */
async function declineFirstPrompts(page: Page): Promise<void> {
  const prompt = quickInput(page).locator('input[type="password"]');
  const loading = ['Loading…', 'Waiting for the password…'];
  await until('the first loads before the reload to end', async () => {
    if (await prompt.isVisible()) await prompt.press('Escape', { timeout: 2_000 }).catch(() => undefined);
    const rows = await treeRows(page);
    return !rows.some((row) => loading.includes(row.label)) && !(await prompt.isVisible());
  }, 60_000);
}

export interface Workbench {
  page: Page;
  browser: Browser;
  server: VsCodeServer;
  /** Console errors of the workbench so far, without the known offline noise. */
  consoleErrors: string[];
  close(): Promise<void>;
}

const repositoryRoot = resolve(__dirname, '../../..');

// The shared launcher is ES modules outside the bundle; load them at run time.
function launcherModule<T>(name: string): Promise<T> {
  return import(pathToFileURL(join(repositoryRoot, 'scripts/vscode', name)).href) as Promise<T>;
}

export async function openWorkbench({ settings = {}, folder, env = {}, locale, viewOrder = defaultViewOrder }: WorkbenchOptions = {}): Promise<Workbench> {
  const { startVsCodeServer } = await launcherModule<ServerModule>('server.mjs');
  const { launchBrowser } = await launcherModule<BrowserModule>('browser.mjs');
  const server = await startVsCodeServer({ userSettings: settings, env, locale });
  try {
    const { browser, page, consoleErrors, close: closeBrowser } = await launchBrowser();
    const close = async () => {
      await closeBrowser().catch(() => undefined);
      await server.close();
    };
    try {
      await page.goto(server.url({ folder }));
      await waitForWorkbench(page);
      await arrangeViewOrder(page, consoleErrors, viewOrder, settings);
    } catch (error) {
      const file = await screenshot(page, `e2e-failed/opening-the-workbench-${viewOrder}-${Date.now()}.png`).catch(() => undefined);
      if (file) console.log(`    screenshot of the workbench that failed to open: ${file}`);
      await close();
      throw error;
    }
    return { page, browser, server, consoleErrors, close };
  } catch (error) {
    await server.close();
    throw error;
  }
}

function fileNameFor(title: string): string {
  return title.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '').slice(0, 120);
}

/**
 * Mocha hooks for one workbench shared by the tests of the enclosing describe(). Returns a getter,
 * since the workbench only exists once the before() hook has run.
 */
export function useWorkbench(options: WorkbenchOptions = {}): () => Workbench {
  let workbench: Workbench | undefined;
  before(async function () {
    this.timeout(120_000);
    workbench = await openWorkbench(options);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (!workbench || !test || test.state !== 'failed') return;
    const file = await screenshot(workbench.page, `e2e-failed/${fileNameFor(test.fullTitle())}.png`).catch(() => undefined);
    if (file) console.log(`    screenshot: ${file}`);
    if (workbench.consoleErrors.length) {
      console.log(`    workbench console errors:\n${workbench.consoleErrors.map((e) => `      ${e}`).join('\n')}`);
    }
  });
  after(async function () {
    this.timeout(30_000);
    await workbench?.close();
    workbench = undefined;
  });
  return () => {
    if (!workbench) throw new Error('the workbench is not open (did its before() hook fail?)');
    return workbench;
  };
}

/**
 * useWorkbench, then the Ops Tasks view opened and the passwords typed into its prompts until the
 * rows named are shown. `signInTo` is called when the hook runs, once the suite's before() has
 * started its servers.
 */
export function useSignedInWorkbench(
  options: WorkbenchOptions,
  signInTo: () => { passwords: Record<string, string>; rows: readonly string[] },
): () => Workbench {
  const workbench = useWorkbench(options);
  before(async function () {
    this.timeout(90_000);
    const { page } = workbench();
    await openOpsTasksView(page);
    const { passwords, rows } = signInTo();
    await signIn(page, passwords, rows);
  });
  return workbench;
}

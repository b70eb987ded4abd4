// Playwright helpers for the VS Code 1.100 web workbench. Every DOM selector the e2e suites rely
// on lives here, so a VS Code update is fixed in one place.
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { until } from './wait';

const selectors = {
  workbench: '.monaco-workbench',
  activityEntry: (title: string) => `.activitybar .action-label[aria-label="${title}"]`,
  opsTasksView: '[id="workbench.view.extension.opsTasks"]',
  // The container holds two views (Tasks and Activity): rows, messages and focus are the Tasks view's.
  // The trees are named by the view names, in the display language (English or Japanese).
  tasksTree: ['Tasks', 'タスク'].map((name) => `[id="workbench.view.extension.opsTasks"] .monaco-list[role="tree"][aria-label="${name}"]`).join(', '),
  activityTree: ['Activity', 'アクティビティ'].map((name) => `[id="workbench.view.extension.opsTasks"] .monaco-list[role="tree"][aria-label="${name}"]`).join(', '),
  row: '.monaco-list-row',
  rowLabel: '.label-name',
  rowDescription: '.label-description',
  welcomeButton: '.welcome-view-content .monaco-button',
  contextMenuItem: '.context-view .action-label',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget input',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  dialog: '.monaco-dialog-box',
  dialogButton: '.monaco-dialog-box .monaco-button',
  notification: '.notification-toast',
  statusBarItem: '.statusbar-item[id$="opsTasks.status"]',
  sideBarTitle: '.part.sidebar .title-label h2',
  editorTab: '.tabs-container .tab',
  webview: 'iframe.webview',
  webviewContent: 'iframe#active-frame',
} as const;

const repositoryRoot = resolve(__dirname, '../../..');

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator(selectors.workbench).waitFor({ timeout: 30_000 });
}

/**
 * Shows the Ops Tasks side bar; clicking an entry that is already shown would hide it. With
 * `restored`, the view must come back by itself (a reload with the side bar open) and is never clicked.
 */
export async function openOpsTasksView(page: Page, { restored = false } = {}): Promise<Locator> {
  const view = page.locator(selectors.opsTasksView);
  if (restored) {
    await view.waitFor({ timeout: 30_000 });
    return view;
  }
  // The activity bar entry toggles the side bar, and after a reload the workbench restores the side
  // bar a moment after it is ready, with whatever it showed before: a click made just before that
  // may close the view again. So click until the view is shown, each time only when it is not.
  const entry = page.locator(selectors.activityEntry('Ops Tasks'));
  await until('the Ops Tasks view shown', async () => {
    if (await view.isVisible()) return true;
    await entry.click();
    return view.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    );
  }, 60_000);
  return view;
}

/**
 * Waits until the extension has activated, seen from the workbench: its status bar item appears
 * (it is shown from activation on while connections exist) even with the Ops Tasks view closed.
 */
export async function waitForActivation(page: Page): Promise<void> {
  await page.locator(selectors.statusBarItem).waitFor({ timeout: 60_000 });
}

export interface TreeRow {
  label: string;
  description: string;
}

/** The visible rows of the Ops Tasks tree (the list virtualises: off-screen rows are absent). */
export async function treeRows(page: Page): Promise<TreeRow[]> {
  const rows = page.locator(selectors.tasksTree).locator(selectors.row);
  return rows.evaluateAll((elements, { label, description }) =>
    elements.map((row) => ({
      label: row.querySelector(label)?.textContent?.trim() ?? '',
      description: row.querySelector(description)?.textContent?.trim() ?? '',
    })),
    { label: selectors.rowLabel, description: selectors.rowDescription },
  );
}

export function rowByLabel(page: Page, label: string | RegExp): Locator {
  const name = page.locator(selectors.rowLabel).getByText(label, { exact: typeof label === 'string' });
  return page.locator(selectors.tasksTree).locator(selectors.row).filter({ has: name });
}

/** A row of the Activity view by its label ("Cancel: Firmware update"). */
export function activityRowByLabel(page: Page, label: string | RegExp): Locator {
  const name = page.locator(selectors.rowLabel).getByText(label, { exact: typeof label === 'string' });
  return page.locator(selectors.activityTree).locator(selectors.row).filter({ has: name });
}

/** Button texts of the view's welcome content (shown while no connection exists). */
export async function welcomeButtons(page: Page): Promise<string[]> {
  const buttons = page.locator(selectors.opsTasksView).locator(selectors.welcomeButton);
  await buttons.first().waitFor();
  return (await buttons.allInnerTexts()).map((text) => text.trim());
}

export function welcomeButton(page: Page, title: string): Locator {
  return page.locator(selectors.opsTasksView).locator(selectors.welcomeButton).filter({ hasText: title });
}

/**
 * A tree row by the name its accessible label starts with ("<full name>, <status> · …"): finds a
 * task whose row shows a shorter label (a JP1/AO task shows its service name).
 */
export function rowByName(page: Page, name: string): Locator {
  return page.locator(selectors.opsTasksView).locator(`${selectors.row}[aria-label^="${name.replace(/["\\]/g, '\\$&')}, "]`);
}

/** The visible rows' accessible labels. */
export async function treeRowNames(page: Page): Promise<string[]> {
  return page.locator(selectors.opsTasksView).locator(selectors.row).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

/** The accessible names of the selected rows of the Ops Tasks tree ("<name>, <description>"). */
export async function selectedTreeRowNames(page: Page): Promise<string[]> {
  return page
    .locator(selectors.tasksTree)
    .locator(`${selectors.row}[aria-selected="true"]`)
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

export async function rightClickRow(page: Page, label: string | RegExp): Promise<void> {
  await rowByLabel(page, label).click({ button: 'right' });
}


/**
 * Right-clicks a tree row (by label, or a row locator such as `rowByName`) and runs a context-menu
 * entry by its title, once. A plain click on the entry sometimes lands while the menu is still
 * opening and is dropped, so the entry is hovered (which focuses it) and Enter runs it; the menu
 * closing shows that it ran. A menu still open means nothing ran, so that is tried again.
 */
export async function contextMenu(page: Page, row: string | RegExp | Locator, itemTitle: string): Promise<void> {
  const menu = page.locator('.context-view .monaco-menu');
  const item = page.locator(selectors.contextMenuItem).filter({ hasText: new RegExp(`^${escapeRegExp(itemTitle)}$`) });
  for (let attempt = 1; ; attempt++) {
    await (typeof row === 'string' || row instanceof RegExp ? rowByLabel(page, row) : row).click({ button: 'right' });
    await item.hover();
    await page.keyboard.press('Enter');
    try {
      await menu.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      console.log(`    (the context menu was still open 3 s after Enter on "${itemTitle}": the key landed while it opened; trying again, attempt ${attempt + 1})`);
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Waits until the workbench has drawn what it was told to: the element's animations (a toast
 * sliding in) have finished and two frames have been painted since.
 */
export async function afterLayout(page: Page, element?: Locator): Promise<void> {
  type Animation = { finished: Promise<unknown>; effect: { getComputedTiming(): { iterations: number } } | null };
  type Animated = { getAnimations(options: { subtree: boolean }): Animation[] };
  // Spinners turn forever: only animations that end are waited for.
  await (element ?? page.locator('body')).evaluate((node) =>
    Promise.all(
      (node as unknown as Animated)
        .getAnimations({ subtree: true })
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().iterations ?? Infinity))
        .map((animation) => animation.finished),
    ),
  );
  type Frames = { requestAnimationFrame(callback: () => void): number };
  await page.evaluate(() => new Promise<void>((resolve) => (globalThis as unknown as Frames).requestAnimationFrame(() => (globalThis as unknown as Frames).requestAnimationFrame(resolve))));
}

/**
 * Reloads the window as a user does (Developer: Reload Window) and waits for the new workbench:
 * the old one stays on screen for a moment, so its own end is waited for first.
 */
export async function reloadWindow(page: Page): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await loaded;
  await waitForWorkbench(page);
}

/** Runs a command by its palette title, e.g. "Ops Tasks: Refresh". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const box = page.locator(selectors.quickInputBox);
  await box.waitFor();
  await box.fill(`>${title}`);
  await page.locator(selectors.quickInputRow).filter({ hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Types into the open quick input (input box or quick pick) and, unless told not to, accepts. */
export async function quickInputType(page: Page, text: string, { accept = true } = {}): Promise<void> {
  const box = page.locator(selectors.quickInputBox);
  await box.waitFor();
  await box.fill(text);
  if (accept) await box.press('Enter');
}

/** Picks an item of the open quick pick by its label. */
export async function quickInputPick(page: Page, label: string | RegExp): Promise<void> {
  await page.locator(selectors.quickInputRow).filter({ hasText: label }).first().click();
}

export function quickInput(page: Page): Locator {
  return page.locator(selectors.quickInput);
}

/** What the clipboard holds, pasted into the palette's input as a user would see it (on one line). */
export async function pastedText(page: Page): Promise<string> {
  await page.keyboard.press('F1');
  const box = page.locator(selectors.quickInputBox);
  await box.waitFor();
  await box.fill('');
  await box.press('ControlOrMeta+v');
  const text = await box.inputValue();
  await box.press('Escape');
  return text;
}

/** A button of the modal dialog (showWarningMessage(..., { modal: true }) and the like). */
export function dialogButton(page: Page, label: string): Locator {
  return page.locator(selectors.dialogButton).filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) });
}

export function dialog(page: Page): Locator {
  return page.locator(selectors.dialog);
}

export function notifications(page: Page): Locator {
  return page.locator(selectors.notification);
}

/** An editor tab (e.g. a webview panel's) by its title. */
export function editorTab(page: Page, title: string | RegExp): Locator {
  return page.locator(selectors.editorTab).filter({ hasText: title });
}

/** The content of the active webview, which VS Code nests two iframes deep. */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator(selectors.webview).frameLocator(selectors.webviewContent);
}

/** Saves a full-page screenshot; a relative path is taken under test-results/. Returns the path. */
export async function screenshot(page: Page, path: string): Promise<string> {
  const file = isAbsolute(path) ? path : resolve(repositoryRoot, 'test-results', path);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Tree rows with their place in the tree, the view's message, view-title actions, quick input steps.
const treeSelectors = {
  twistie: '.monaco-tl-twistie',
  viewMessage: ['Tasks', 'タスク'].map((name) => `.tree-explorer-viewlet-tree-view:has(.monaco-list[aria-label="${name}"]) > .message`).join(', '),
  // With one view in the container its actions sit in the side bar's title, not the pane header.
  titleAction: (title: string) => `.part.sidebar .title-actions .action-label[aria-label="${title}"], .part.sidebar .pane-header .action-label[aria-label="${title}"]`,
  quickInputTitle: '.quick-input-widget .quick-input-title',
} as const;

export interface TreeRowDetails extends TreeRow {
  /** 1 = connection, 2 = task, 3 = subtask… */
  level: number;
  /** Place among its siblings, from 1, and how many siblings there are (aria-posinset/-setsize). */
  position: number;
  siblings: number;
  /** undefined when the row cannot expand. */
  expanded?: boolean;
}

/** The visible rows of the Ops Tasks tree with their level, position and expansion state. */
export async function treeRowDetails(page: Page): Promise<TreeRowDetails[]> {
  const rows = page.locator(selectors.tasksTree).locator(selectors.row);
  return rows.evaluateAll((elements, { label, description }) =>
    elements.map((row) => {
      const expanded = row.getAttribute('aria-expanded');
      return {
        label: row.querySelector(label)?.textContent?.trim() ?? '',
        description: row.querySelector(description)?.textContent?.trim() ?? '',
        level: Number(row.getAttribute('aria-level')),
        position: Number(row.getAttribute('aria-posinset')),
        siblings: Number(row.getAttribute('aria-setsize')),
        expanded: expanded === null ? undefined : expanded === 'true',
      };
    }),
    { label: selectors.rowLabel, description: selectors.rowDescription },
  );
}

/** The expand/collapse arrow of a tree row (clicking it never runs the row's command). */
export function rowTwistie(row: Locator): Locator {
  return row.locator(treeSelectors.twistie);
}

/** The message above the Ops Tasks tree (TreeView.message), e.g. the active filter. */
export function viewMessage(page: Page): Locator {
  return page.locator(selectors.opsTasksView).locator(treeSelectors.viewMessage);
}

/** A button of the Ops Tasks view's title bar by its title, e.g. "Clear Filter". */
export function viewTitleAction(page: Page, title: string): Locator {
  return page.locator(treeSelectors.titleAction(title)).filter({ visible: true }).first();
}

/** Waits until the open quick input shows this title (each step of a multi-step flow has one). */
export async function waitForQuickInputTitle(page: Page, title: string | RegExp): Promise<void> {
  await page.locator(treeSelectors.quickInputTitle).filter({ hasText: title }).waitFor();
}

/** Moves the tree's focus to its last row, which scrolls the (virtualised) list to the end. */
export async function scrollTreeToEnd(page: Page): Promise<void> {
  const tree = page.locator(selectors.tasksTree);
  await tree.focus();
  await tree.press('End');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface TreeRowIcon extends TreeRow {
  /** The codicon id of the row's icon (`loading`, `error`, …), undefined when it has none. */
  icon?: string;
}

/** The visible rows of the Ops Tasks tree with the codicon each shows. */
export async function treeRowIcons(page: Page): Promise<TreeRowIcon[]> {
  const rows = page.locator(selectors.tasksTree).locator(selectors.row);
  return rows.evaluateAll((elements, { label, description }) =>
    elements.map((row) => {
      const classes = row.querySelector('.custom-view-tree-node-item-icon')?.className ?? '';
      return {
        label: row.querySelector(label)?.textContent?.trim() ?? '',
        description: row.querySelector(description)?.textContent?.trim() ?? '',
        icon: /codicon-(?!modifier)([\w-]+)/.exec(classes)?.[1],
      };
    }),
    { label: selectors.rowLabel, description: selectors.rowDescription },
  );
}

// Answers the extension's own password prompts in the workbench, so e2e suites never write a
// secret to a settings file.
import type { Page } from 'playwright-core';
import { until } from './wait';
import { quickInput, rowByLabel, screenshot, treeRowNames, treeRows } from './workbench';

/**
 * Each connection asks for its password on its first load, all at once. Typing a password while
 * another connection's first load still waits races the tree, so: decline those first prompts, wait
 * until every connection offers "Set Password…", then set the passwords one at a time through those
 * nodes (the extension's own password prompt), and wait for the rows a suite needs.
 */
export async function signIn(page: Page, passwords: Record<string, string>, rowsNeeded: readonly string[], timeoutMs = 60_000): Promise<void> {
  const count = Object.keys(passwords).length;
  const prompt = quickInput(page).locator('input[type="password"]');
  const setPasswordRows = rowByLabel(page, 'Set Password…');
  const deadline = Date.now() + timeoutMs;
  // A row counts by its label or, for a JP1/AO task shown by its service name, by the full name it is announced with.
  const rowsShown = async () => {
    const labels = new Set((await treeRows(page)).map((row) => row.label));
    const names = await treeRowNames(page);
    return rowsNeeded.every((label) => labels.has(label) || names.some((name) => name.startsWith(`${label}, `)));
  };
  if ((await setPasswordRows.count()) === 0 && (await rowsShown())) return; // signed in already
  const left = () => Math.max(1_000, deadline - Date.now());
  await until('every connection to offer "Set Password…" once its first prompt is declined', async () => {
    if (await prompt.isVisible()) await prompt.press('Escape', { timeout: 2_000 }).catch(() => undefined);
    return (await setPasswordRows.count()) >= count;
  }, left()).catch(async (error) => {
    const shot = await screenshot(page, 'e2e-failed/sign-in-declining.png');
    throw new Error(`${(error as Error).message} (screenshot: ${shot})`);
  });
  for (let remaining = count; remaining > 0; remaining--) {
    await setPasswordRows.first().click();
    await prompt.waitFor({ timeout: 10_000 });
    const title = (await prompt.getAttribute('aria-label')) ?? '';
    const name = Object.keys(passwords).find((candidate) => title.endsWith(`on ${candidate}`));
    if (!name) throw new Error(`unexpected password prompt: ${title}`);
    await prompt.fill(passwords[name]!);
    await prompt.press('Enter');
    await until(`${name} to take its password`, async () => (await setPasswordRows.count()) < remaining, left());
  }
  try {
    await until(`the rows ${rowsNeeded.join(', ')}`, rowsShown, left());
  } catch {
    const shot = await screenshot(page, 'e2e-failed/sign-in.png');
    throw new Error(`the tree never showed ${rowsNeeded.join(', ')} (screenshot: ${shot})`);
  }
}

// Answers the extension's own password prompts in the workbench, so e2e suites never write a
// secret to a settings file.
import type { Page } from 'playwright-core';
import { sleep } from './wait';
import { quickInput, rowByLabel, screenshot, treeRows } from './workbench';

/**
 * Each connection asks for its password on its first load. A second prompt replaces the first,
 * whose connection then offers "Set Password…" instead: answer prompts and click those nodes
 * until the rows a suite needs are shown.
 */
export async function signIn(page: Page, passwords: Record<string, string>, rowsNeeded: readonly string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const labels = new Set((await treeRows(page)).map((row) => row.label));
    if (rowsNeeded.every((label) => labels.has(label))) return;
    const prompt = quickInput(page).locator('input[type="password"]');
    if (await prompt.isVisible()) {
      const title = (await prompt.getAttribute('aria-label')) ?? '';
      const name = Object.keys(passwords).find((candidate) => title.endsWith(`on ${candidate}`));
      if (name) {
        await prompt.fill(passwords[name]!, { timeout: 2_000 }).catch(() => undefined);
        await prompt.press('Enter', { timeout: 2_000 }).catch(() => undefined);
        continue;
      }
    }
    const setPassword = rowByLabel(page, 'Set Password…').first();
    if (await setPassword.isVisible()) await setPassword.click();
    await sleep(250);
  }
  const shot = await screenshot(page, 'e2e-failed/sign-in.png');
  throw new Error(`the tree never showed ${rowsNeeded.join(', ')} (screenshot: ${shot})`);
}

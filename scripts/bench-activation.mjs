// Measures activate() inside a real VS Code extension host for `npm run bench`: starts the VS Code
// server once, runs only the integration suite's activation test, and leaves its samples in the
// file named by the first argument. Exits non-zero when no figure came back.
//   node scripts/bench-activation.mjs <output.json>
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './vscode/browser.mjs';
import { ensureVsCodeServer, root } from './vscode/install.mjs';
import { startVsCodeServer } from './vscode/server.mjs';
import { makeTestWorkspace } from './vscode/workspace.mjs';

const output = process.argv[2];
if (!output) {
  console.error('usage: node scripts/bench-activation.mjs <output.json>');
  process.exit(2);
}
const timeoutMs = 180_000;
const scratch = mkdtempSync(join(tmpdir(), 'ops-tasks-activation-'));
const results = join(scratch, 'results.json');
rmSync(output, { force: true });

let server;
let browser;
const folder = makeTestWorkspace();
try {
  ensureVsCodeServer();
  server = await startVsCodeServer({
    env: { OPS_TASKS_RESULTS: results, OPS_TASKS_GREP: '^activation ', OPS_TASKS_ACTIVATION_FILE: output },
  });
  browser = await launchBrowser();
  await browser.page.goto(server.url({ extensionTestsPath: join(root, 'out/test/integration'), folder }));
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(results) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
} finally {
  await browser?.close().catch(() => undefined);
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(existsSync(output) ? 0 : 1);

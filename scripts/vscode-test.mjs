// The suites that need a real VS Code (run by scripts/test.mjs after the build):
//   integration  test/integration/*.test.ts inside the extension host of a VS Code server, started
//                by opening the workbench in headless Chromium with extensionTestsPath in the URL
//   e2e          test/e2e/*.test.ts in a mocha child process; each suite opens its own workbench, and
//                the whole set runs twice: the view opened after activation, then shown before it
//                (OPS_TASKS_VIEW_ORDER=after or before runs one of the two)
// Writes a JSON array of the groups' counts to OPS_TASKS_RESULTS and exits non-zero on a failure.
// The server reports exit code 0 even when run() throws, so only a results file counts as a run;
// none within the time-out is one failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchBrowser } from './vscode/browser.mjs';
import { ensureVsCodeServer, root } from './vscode/install.mjs';
import { startVsCodeServer } from './vscode/server.mjs';
import { makeTestWorkspace } from './vscode/workspace.mjs';

const integrationTimeoutMs = 5 * 60_000;
// One pass takes 5–7 min on a quiet 2-core machine; a busy one can take three times as long.
const e2eTimeoutMs = 30 * 60_000;
const resultsFile = process.env.OPS_TASKS_RESULTS ?? join(root, 'test-results/vscode.json');
const mochaBin = join(root, 'node_modules/mocha/bin/mocha.js');
const reporter = join(root, 'scripts/mocha-reporter.cjs');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const failure = (title, error) => ({ passed: 0, failed: 1, skipped: 0, failures: [{ title, error }] });

function testFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFilesUnder(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // absent, or still being written
  }
}

/** Prints what the extension host's reporter appends to its log file, as it arrives. */
function followLog(file) {
  let printed = 0;
  return () => {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    process.stdout.write(text.slice(printed));
    printed = text.length;
  };
}

const extensionHostExited = /Extension Host Process exited/;

/**
 * Waits for the counts file; gives up a few seconds after the extension host has exited without
 * writing it (run() threw before mocha ended) or at the time-out.
 */
async function waitForCounts(file, server, onPoll) {
  const deadline = Date.now() + integrationTimeoutMs;
  let graceUntil;
  while (Date.now() < (graceUntil ?? deadline)) {
    onPoll();
    const counts = readCounts(file);
    if (counts) return counts;
    if (!graceUntil && extensionHostExited.test(server.output())) graceUntil = Date.now() + 3_000;
    await sleep(250);
  }
  onPoll();
  const why = graceUntil ? 'the extension host exited' : `nothing within ${integrationTimeoutMs / 1000} s`;
  console.error(`no results from the extension host: ${why}\n--- VS Code server output ---\n${server.output().slice(-4000)}`);
  return failure('integration: no results', why);
}

async function runIntegration() {
  const testsPath = join(root, 'out/test/integration');
  if (testFilesUnder(testsPath).length === 0) return undefined;
  console.log('\nintegration (inside the VS Code extension host)');
  const results = join(dirname(resultsFile), 'vscode-integration.json');
  const log = `${results}.log`;
  rmSync(results, { force: true });
  rmSync(log, { force: true });
  const folder = makeTestWorkspace();
  // The server's environment reaches the extension host, and so run() and the reporter.
  let server;
  let browser;
  try {
    server = await startVsCodeServer({ env: { OPS_TASKS_RESULTS: results } });
    browser = await launchBrowser();
    await browser.page.goto(server.url({ extensionTestsPath: testsPath, folder }));
    const counts = await waitForCounts(results, server, followLog(log));
    if (counts.failed > 0) printConsoleErrors(browser.consoleErrors);
    return counts;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

function printConsoleErrors(errors) {
  const distinct = [...new Set(errors)];
  if (distinct.length === 0) return;
  console.error(`workbench console errors (offline noise filtered out):\n${distinct.map((e) => `  ${e}`).join('\n')}`);
}

async function runE2e(viewOrder) {
  const files = testFilesUnder(join(root, 'out/test/e2e')).sort();
  if (files.length === 0) return undefined;
  console.log(`\ne2e, the view opened ${viewOrder} activation (Playwright driving the VS Code workbench)`);
  const results = join(dirname(resultsFile), `vscode-e2e-${viewOrder}.json`);
  rmSync(results, { force: true });
  const grep = process.env.OPS_TASKS_GREP ? ['--grep', process.env.OPS_TASKS_GREP] : [];
  const child = spawn(process.execPath, [mochaBin, '--reporter', reporter, '--timeout', '60000', '--exit', ...grep, ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, OPS_TASKS_RESULTS: results, OPS_TASKS_VIEW_ORDER: viewOrder },
  });
  const stopChild = () => child.kill('SIGTERM');
  process.once('exit', stopChild);
  const timer = setTimeout(() => {
    console.error(`e2e: still running after ${e2eTimeoutMs / 1000} s, stopping it`);
    child.kill('SIGTERM');
  }, e2eTimeoutMs);
  const status = await new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  clearTimeout(timer);
  process.removeListener('exit', stopChild);
  const counts = readCounts(results);
  if (!counts) return failure('e2e: no results', `mocha exited with ${status} without writing results`);
  if (status !== 0 && counts.failed === 0) {
    return { ...counts, failed: 1, failures: [{ title: 'e2e: mocha', error: `exited with ${status} after reporting no failure` }] };
  }
  return counts;
}

async function runGroup(name, run) {
  const started = Date.now();
  try {
    const counts = await run();
    if (counts) console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return counts;
  } catch (error) {
    console.error(`${name}: could not run: ${error.stack ?? error}`);
    return failure(`${name}: could not run`, String(error.message ?? error));
  }
}

mkdirSync(dirname(resultsFile), { recursive: true });
const groups = [];
try {
  ensureVsCodeServer();
  // OPS_TASKS_SUITE=integration or e2e runs one of the two while working on it.
  const suite = process.env.OPS_TASKS_SUITE;
  if (suite !== 'e2e') groups.push(await runGroup('integration', runIntegration));
  // Each e2e suite runs twice: with the view opened after activation (the usual start) and with the
  // view already shown when the extension activates, so neither order can hide a race.
  if (suite !== 'integration') {
    for (const viewOrder of (process.env.OPS_TASKS_VIEW_ORDER ?? 'after,before').split(',')) {
      groups.push(await runGroup(`e2e (view ${viewOrder} activation)`, () => runE2e(viewOrder)));
    }
  }
} catch (error) {
  console.error(`VS Code tests could not start: ${error.stack ?? error}`);
  groups.push(failure('vscode: setup', String(error.message ?? error)));
}
const counts = groups.filter(Boolean);
writeFileSync(resultsFile, JSON.stringify(counts, null, 2));
process.exit(counts.some((c) => c.failed > 0) ? 1 : 0);
